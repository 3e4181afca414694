import { describe, expect, it } from "vitest";
import { checkFinanceChargeTolerance } from "./checkFinanceChargeTolerance.js";
import { ValidationError, ValidationTypeError } from "../errors.js";

// 12 CFR 1026.18(d): the tolerances as described by BankersOnline, "Tolerances: Some New Safety
// Zones" (bankersonline.com/articles/103514): $100 understatement or any overstatement for credit
// secured by real estate or a dwelling ((d)(1)), "the old familiar $5/$10" otherwise ((d)(2)). The
// regulation's text itself was not read (no primary copy available): results say verified: false.
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
    expect(checkFinanceChargeTolerance({ disclosedFinanceCharge: "110.01", financeCharge: "100", amountFinanced: "5000" }).accurate).toBe(false);
  });
  it("(d)(1): secured by real property or a dwelling, understated by at most $100 or overstated by any amount", () => {
    const under = checkFinanceChargeTolerance({ disclosedFinanceCharge: "9900", financeCharge: "10000", amountFinanced: "200000", securedByRealProperty: true });
    expect([under.accurate, under.rule, under.toleranceAbove]).toEqual([true, "12 CFR 1026.18(d)(1)(i)", null]);
    expect(checkFinanceChargeTolerance({ disclosedFinanceCharge: "9899.99", financeCharge: "10000", amountFinanced: "200000", securedByRealProperty: true }).accurate).toBe(false);
    const over = checkFinanceChargeTolerance({ disclosedFinanceCharge: "15000", financeCharge: "10000", amountFinanced: "200000", securedByRealProperty: true });
    expect([over.accurate, over.rule, over.difference.toString()]).toEqual([true, "12 CFR 1026.18(d)(1)(ii)", "5000"]);
  });
  it("is frozen plain data", () => {
    const c = checkFinanceChargeTolerance({ disclosedFinanceCharge: 1, financeCharge: 1, amountFinanced: 1 });
    expect(Object.isFrozen(c)).toBe(true);
    expect(JSON.parse(JSON.stringify(c))).toEqual({ accurate: true, difference: "0", toleranceBelow: "5", toleranceAbove: "5", rule: "12 CFR 1026.18(d)(2)", verified: false });
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
