import { describe, expect, it } from "vitest";
import { checkFinanceChargeTolerance } from "./checkFinanceChargeTolerance.js";
import { ValidationError, ValidationTypeError } from "../errors.js";

// 12 CFR 1026.18(d). The wording of the paragraph was not read in a primary copy (see the TSDoc
// notes). (d)(1) — $100 understatement or any overstatement for credit secured by real property or
// a dwelling — is checked against the statute it implements, 15 U.S.C. § 1605(f)(1) (read in
// github.com/codexstanford/markdonw-chunck-of-the-usa-code, chuncks/title-15/chunck-3629.md), and
// the official commentary's worked examples (FR doc. 2013-28210, read in github.com/cfpb/regulations-xml
// notice/1026/2013-28210.xml): results say verified: true. (d)(2) — "the old familiar $5/$10" —
// is as BankersOnline describes it (bankersonline.com/articles/103514; the $1,000 split in
// bankersonline.com/qa/reg-z-errors-disclosures; both secondary): verified: false.
describe("checkFinanceChargeTolerance", () => {
  it("(d)(2): $5 above or below for an amount financed of $1,000 or less, boundaries included", () => {
    expect(checkFinanceChargeTolerance({ disclosedFinanceCharge: "105", financeCharge: "100", amountFinanced: "1000" }).accurate).toBe(true);
    expect(checkFinanceChargeTolerance({ disclosedFinanceCharge: "95", financeCharge: "100", amountFinanced: "1000" }).accurate).toBe(true);
    expect(checkFinanceChargeTolerance({ disclosedFinanceCharge: "105.01", financeCharge: "100", amountFinanced: "1000" }).accurate).toBe(false);
    expect(checkFinanceChargeTolerance({ disclosedFinanceCharge: "94.99", financeCharge: "100", amountFinanced: "999.99" }).accurate).toBe(false);
  });
  it("(d)(2): $10 above or below for an amount financed of more than $1,000", () => {
    const c = checkFinanceChargeTolerance({ disclosedFinanceCharge: "90", financeCharge: "100", amountFinanced: "1000.01" });
    expect([c.accurate, c.difference.toString(), c.toleranceBelow.toString(), c.toleranceAbove?.toString(), c.rule, c.verified]).toEqual([true, "-10", "10", "10", "12 CFR 1026.18(d)(2)", false]);
    expect(c.source).toMatch(/^not read in a primary source: .*bankersonline\.com\/articles\/103514/);
    expect(checkFinanceChargeTolerance({ disclosedFinanceCharge: "110.01", financeCharge: "100", amountFinanced: "5000" }).accurate).toBe(false);
  });
  it("(d)(1): secured by real property or a dwelling, understated by at most $100 or overstated by any amount", () => {
    const under = checkFinanceChargeTolerance({ disclosedFinanceCharge: "9900", financeCharge: "10000", amountFinanced: "200000", securedByRealProperty: true });
    expect([under.accurate, under.rule, under.toleranceAbove]).toEqual([true, "12 CFR 1026.18(d)(1)(i)", null]);
    expect(checkFinanceChargeTolerance({ disclosedFinanceCharge: "9899.99", financeCharge: "10000", amountFinanced: "200000", securedByRealProperty: true }).accurate).toBe(false);
    const over = checkFinanceChargeTolerance({ disclosedFinanceCharge: "15000", financeCharge: "10000", amountFinanced: "200000", securedByRealProperty: true });
    expect([over.accurate, over.rule, over.difference.toString()]).toEqual([true, "12 CFR 1026.18(d)(1)(ii)", "5000"]);
    // 15 U.S.C. § 1605(f)(1): (A) "does not vary from the actual finance charge by more than $100; or (B) is greater than the amount required"
    expect([under.verified, over.verified]).toEqual([true, true]);
    expect(under.source).toMatch(/^15 U\.S\.C\. § 1605\(f\)\(1\) .*2013-28210/);
  });
  // Official comment 22(a)(4)-1 (FR doc. 2013-28210): "If a creditor improperly omits a $75 fee from the finance
  // charge on a regular transaction, the understated finance charge is considered accurate under § 1026.18(d)(1)".
  it("comment 22(a)(4)-1: a $75 fee omitted from a mortgage's finance charge is accurate under (d)(1)", () => {
    const c = checkFinanceChargeTolerance({ disclosedFinanceCharge: "9925", financeCharge: "10000", amountFinanced: "200000", securedByRealProperty: true });
    expect([c.accurate, c.rule, c.difference.toString()]).toEqual([true, "12 CFR 1026.18(d)(1)(i)", "-75"]);
  });
  // Official comment 17(c)(2)(ii)-1 (same notice): a $200 per-diem understatement is forgiven by § 1026.17(c)(2)(ii),
  // and "a $90 fee ... incorrectly omitted" leaves the finance charge accurate "because the $90 fee is within the
  // tolerance in § 1026.18(d)(1)" — the $90 is the part (d)(1) judges; $200 alone "is not within the $100 tolerance".
  it("comment 17(c)(2)(ii)-1: a $90 omission is within the $100 tolerance of (d)(1), a $200 one is not", () => {
    expect(checkFinanceChargeTolerance({ disclosedFinanceCharge: "9910", financeCharge: "10000", amountFinanced: "200000", securedByRealProperty: true }).accurate).toBe(true);
    expect(checkFinanceChargeTolerance({ disclosedFinanceCharge: "9800", financeCharge: "10000", amountFinanced: "200000", securedByRealProperty: true }).accurate).toBe(false);
  });
  // Official comment 17(f)-1.i.C (same notice): for a transaction not secured by real property, a finance charge that
  // "increased by $35" needs redisclosure, "See § 1026.18(d)(2)": $35 is outside (d)(2) at either amount financed.
  it("comment 17(f)-1.i.C: a $35 change is outside (d)(2)", () => {
    expect(checkFinanceChargeTolerance({ disclosedFinanceCharge: "100", financeCharge: "135", amountFinanced: "800" }).accurate).toBe(false);
    expect(checkFinanceChargeTolerance({ disclosedFinanceCharge: "1000", financeCharge: "1035", amountFinanced: "12000" }).accurate).toBe(false);
  });
  it("is frozen plain data", () => {
    const c = checkFinanceChargeTolerance({ disclosedFinanceCharge: 1, financeCharge: 1, amountFinanced: 1 });
    expect(Object.isFrozen(c)).toBe(true);
    expect(JSON.parse(JSON.stringify(c))).toEqual({
      accurate: true,
      difference: "0",
      toleranceBelow: "5",
      toleranceAbove: "5",
      rule: "12 CFR 1026.18(d)(2)",
      verified: false,
      source: expect.stringMatching(/^not read/),
    });
  });
  it("bad input is a typed error naming the function and the field", () => {
    expect(() => checkFinanceChargeTolerance({ disclosedFinanceCharge: -1, financeCharge: 1, amountFinanced: 1 })).toThrow(/^checkFinanceChargeTolerance: input.disclosedFinanceCharge must be ≥ 0/);
    expect(() => checkFinanceChargeTolerance({ disclosedFinanceCharge: 1, financeCharge: Number.NaN, amountFinanced: 1 })).toThrow(/^checkFinanceChargeTolerance: input.financeCharge/);
    expect(() => checkFinanceChargeTolerance({ disclosedFinanceCharge: 1, financeCharge: 1, amountFinanced: 0 })).toThrow(/^checkFinanceChargeTolerance: input.amountFinanced must be > 0/);
    expect(() => checkFinanceChargeTolerance({ disclosedFinanceCharge: 1, financeCharge: 1, amountFinanced: 1, securedByRealProperty: "yes" as never })).toThrow(ValidationTypeError);
    expect(() => checkFinanceChargeTolerance({ disclosedFinanceCharge: 1, financeCharge: 1, amountFinanced: 1, apr: 1 } as never)).toThrow(ValidationError);
    expect(() => checkFinanceChargeTolerance(undefined as never)).toThrow(/^checkFinanceChargeTolerance: input/);
  });
});
