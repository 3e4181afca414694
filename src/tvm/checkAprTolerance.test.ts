import { describe, expect, it } from "vitest";
import { checkAprTolerance } from "./checkAprTolerance.js";
import { ValidationError } from "../errors.js";

describe("checkAprTolerance", () => {
  // 12 CFR 1026.22(a)(2): accurate if not more than 1/8 of 1 percentage point above or below.
  it("accepts exactly 1/8 point above or below in a regular transaction (§ 1026.22(a)(2))", () => {
    expect(checkAprTolerance({ disclosedApr: "0.10125", apr: "0.1" }).accurate).toBe(true);
    expect(checkAprTolerance({ disclosedApr: "0.09875", apr: "0.1" }).accurate).toBe(true);
    expect(checkAprTolerance({ disclosedApr: "0.101251", apr: "0.1" }).accurate).toBe(false);
    expect(checkAprTolerance({ disclosedApr: "0.0987", apr: "0.1" }).rule).toBe("12 CFR 1026.22(a)(2)");
  });

  // § 1026.22(a)(3): 1/4 point in an irregular transaction.
  it("allows 1/4 point in an irregular transaction (§ 1026.22(a)(3))", () => {
    const c = checkAprTolerance({ disclosedApr: "0.1024", apr: "0.1", irregular: true });
    expect([c.accurate, c.tolerancePoints.toString(), c.differencePoints.toString(), c.rule]).toEqual([true, "0.25", "0.24", "12 CFR 1026.22(a)(3)"]);
    expect(checkAprTolerance({ disclosedApr: "0.0974", apr: "0.1", irregular: true }).accurate).toBe(false);
  });

  // Cal. Code Regs. tit. 10 § 955(a)(1)-(3): only an understatement counts; 2.5 % relative rule.
  it("forgives an overstatement and applies the 2.5 % relative rule in California (§ 955(a))", () => {
    expect(checkAprTolerance({ disclosedApr: "0.5", apr: "0.3", regime: "california" }).accurate).toBe(true);
    // 40 % computed, 39.5 % disclosed: 0.5 point below (fails (a)(1)), (40 − 39.5) / 39.5 × 100 = 1.27 ≤ 2.5 passes (a)(3)
    const c = checkAprTolerance({ disclosedApr: "0.395", apr: "0.4", regime: "california" });
    expect([c.accurate, c.rule, c.percentageDifference?.toDecimalPlaces(2).toString()]).toEqual([true, "Cal. Code Regs. tit. 10 § 955(a)(3)", "1.27"]);
    // 10 % computed, 9.5 % disclosed: 0.5 point and 5.26 % below: inaccurate
    const bad = checkAprTolerance({ disclosedApr: "0.095", apr: "0.1", regime: "california" });
    expect([bad.accurate, bad.rule]).toEqual([false, "Cal. Code Regs. tit. 10 § 955(a)(1), (a)(3)"]);
  });

  // 23 NYCRR § 600.4(a)(1)-(3): 1/8 or 1/4 point above or below, or a percentage difference of 2.5 or less.
  it("applies New York's tolerances (23 NYCRR § 600.4(a))", () => {
    expect(checkAprTolerance({ disclosedApr: "0.10125", apr: "0.1", regime: "new-york" }).rule).toBe("23 NYCRR § 600.4(a)(1)");
    const irr = checkAprTolerance({ disclosedApr: "0.0976", apr: "0.1", irregular: true, regime: "new-york" });
    expect([irr.accurate, irr.rule]).toEqual([true, "23 NYCRR § 600.4(a)(2)"]);
    // 40 % determined, 39.5 % disclosed: (0.40 − 0.395) / 0.395 × 100 = 1.2658… ≤ 2.5
    const pct = checkAprTolerance({ disclosedApr: "0.395", apr: "0.4", regime: "new-york" });
    expect([pct.accurate, pct.rule, pct.percentageDifference?.toDecimalPlaces(4).toString()]).toEqual([true, "23 NYCRR § 600.4(a)(3)", "1.2658"]);
    // An overstatement is "above" by more than 1/8 point but its percentage difference is negative: (a)(3) passes
    expect(checkAprTolerance({ disclosedApr: "0.5", apr: "0.3", regime: "new-york" }).rule).toBe("23 NYCRR § 600.4(a)(3)");
    // 10 % determined, 9.5 % disclosed: 0.5 point, (0.1 − 0.095) / 0.095 × 100 = 5.26: inaccurate
    const bad = checkAprTolerance({ disclosedApr: "0.095", apr: "0.1", regime: "new-york" });
    expect([bad.accurate, bad.rule, bad.percentageDifference?.toDecimalPlaces(2).toString()]).toEqual([false, "23 NYCRR § 600.4(a)(1), (a)(3)", "5.26"]);
    // A disclosed APR of 0 has no percentage difference: only the points rule
    expect(checkAprTolerance({ disclosedApr: "0", apr: "0.002", regime: "new-york" }).accurate).toBe(false);
  });

  // 12 CFR 1026.22(a)(2)–(3), read in the Federal Reserve's FRRS copy (frrsdigital.com/topic-by-locator/6-5885):
  // "not more than ⅛ of 1 percentage point above or below"; "¼ of 1 percentage point" in an irregular transaction.
  // Official comment 14(a)-2 (consumerfinance.gov/rules-policy/regulations/1026/2024-01-01/interp-14/), the
  // display-rounding example of the same ⅛-point tolerance: "an exact annual percentage rate of 14.33333% may be
  // stated as 14.33% or as 14.3%, or even as 14 1/4%; but it could not be stated as 14.2% or 14%".
  it("comment 14(a)-2: 14.33333 % may be shown as 14.33 %, 14.3 % or 14 1/4 %, not as 14.2 % or 14 %", () => {
    const shown = (d: string) => checkAprTolerance({ disclosedApr: d, apr: "0.1433333" }).accurate;
    expect(["0.1433", "0.143", "0.1425", "0.142", "0.14"].map(shown)).toEqual([true, true, true, false, false]);
  });
  // 15 U.S.C. § 1606(c) (old.govregs.com copy): a rate "rounded to the nearest one-fourth of 1 per centum" is accurate;
  // nearest ¼ point is never more than ⅛ point off, so it passes § 1026.22(a)(2) too, ties included.
  it("15 U.S.C. § 1606(c): an APR rounded to the nearest 1/4 point always passes the 1/8-point tolerance", () => {
    for (const [exact, quarter] of [
      ["0.12125", "0.12"],
      ["0.12125", "0.1225"],
      ["0.1237", "0.1225"],
      ["0.0999", "0.1"],
    ] as const) {
      expect(checkAprTolerance({ disclosedApr: quarter, apr: exact }).accurate).toBe(true);
    }
  });

  it("is frozen plain data", () => {
    expect(Object.isFrozen(checkAprTolerance({ disclosedApr: "0.1", apr: "0.1" }))).toBe(true);
  });

  describe("edge cases", () => {
    it("throws a typed error naming itself for bad input", () => {
      expect(() => checkAprTolerance({ disclosedApr: -1, apr: "0.1" })).toThrow(/^checkAprTolerance: input.disclosedApr/);
      expect(() => checkAprTolerance({ disclosedApr: "0.1", apr: "0.1", irregular: "yes" as never })).toThrow(/^checkAprTolerance: input.irregular/);
      expect(() => checkAprTolerance({ disclosedApr: "0.1", apr: "0.1", regime: "texas" as never })).toThrow(ValidationError);
      expect(() => checkAprTolerance({ disclosedApr: "0.1", apr: "0.1", extra: 1 } as never)).toThrow(/^checkAprTolerance: input has an unknown key "extra"/);
      expect(() => checkAprTolerance(null as never)).toThrow(/^checkAprTolerance: input/);
    });
  });
});
