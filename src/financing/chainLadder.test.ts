import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { ValidationError } from "../errors.js";
import { chainLadder } from "./chainLadder.js";

/**
 * The RAA triangle: cumulative incurred losses of automatic facultative general liability
 * business, Reinsurance Association of America, Historical Loss Development Study (1991), as
 * used by Mack (1994) and shipped as `RAA` with the R package ChainLadder. Values and expected
 * results read from the ChainLadder package vignette (mages/ChainLadder, inst/doc/ChainLadder.tex,
 * the printed outputs of `RAA` and `MackChainLadder(RAA)`): Latest, Dev.To.Date, Ultimate, IBNR by
 * origin and the totals "Ultimate: 213,122.23", "IBNR: 52,135.23".
 */
const RAA = [
  [5012, 8269, 10907, 11805, 13539, 16181, 18009, 18608, 18662, 18834],
  [106, 4285, 5396, 10666, 13782, 15599, 15496, 16169, 16704],
  [3410, 8992, 13873, 16141, 18735, 22214, 22863, 23466],
  [5655, 11555, 15766, 21266, 23425, 26083, 27067],
  [1092, 9565, 15836, 22169, 25955, 26180],
  [1513, 6445, 11702, 12935, 15852],
  [557, 4020, 10946, 12314],
  [1351, 6947, 13112],
  [3133, 5395],
  [2063],
];

describe("chainLadder", () => {
  it("reproduces the R ChainLadder projection of the RAA triangle (Mack chain ladder, alpha = 1)", () => {
    const cl = chainLadder(RAA);
    // MackChainLadder(RAA) printout: Ultimate by origin 1981–1990 (rounded to units)
    expect(cl.origins.map((o) => o.ultimate.toFixed(0))).toEqual(["18834", "16858", "24083", "28703", "28927", "19501", "17749", "24019", "16045", "18402"]);
    // IBNR by origin
    expect(cl.origins.map((o) => o.reserve.toFixed(0))).toEqual(["0", "154", "617", "1636", "2747", "3649", "5435", "10907", "10650", "16339"]);
    // Dev.To.Date by origin
    expect(cl.origins.map((o) => o.developedToDate!.toFixed(3))).toEqual(["1.000", "0.991", "0.974", "0.943", "0.905", "0.813", "0.694", "0.546", "0.336", "0.112"]);
    // Totals: "Latest: 160,987.00", "Ultimate: 213,122.23", "IBNR: 52,135.23"
    expect(cl.totalLatest.toString()).toBe("160987");
    expect(cl.totalUltimate.toFixed(2)).toBe("213122.23");
    expect(cl.totalReserve.toFixed(2)).toBe("52135.23");
  });
  it("computes factors as exact column-sum quotients, each rounded once", () => {
    const cl = chainLadder(RAA);
    // f0 = Σ rows 0–8 of age 1 / Σ rows 0–8 of age 0 = 65,473 / 21,829 (by hand from the triangle)
    expect(cl.developmentFactors[0]!.toString()).toBe(new Decimal(65473).div(21829).toSignificantDigits(20).toString());
    // f8 = 18,834 / 18,662
    expect(cl.developmentFactors[8]!.toString()).toBe(new Decimal(18834).div(18662).toSignificantDigits(20).toString());
    expect(cl.ageToUltimate[9]!.toString()).toBe("1");
    expect(cl.linkRatios[8]!.map(String)).toEqual([new Decimal(5395).div(3133).toSignificantDigits(20).toString()]);
    // the total is one exact fraction: equal to the sum of the origins' ultimates to the last digit shown
    const sum = cl.origins.reduce((s, o) => s.plus(o.ultimate), new Decimal(0));
    expect(sum.minus(cl.totalUltimate).abs().lt("1e-12")).toBe(true);
  });
  it("accepts incremental triangles and a tail factor", () => {
    const inc = RAA.map((r) => r.map((c, k) => (k === 0 ? c : c - r[k - 1]!)));
    expect(chainLadder(inc, { input: "incremental" }).totalUltimate.toFixed(2)).toBe("213122.23");
    const t = chainLadder([[100, 150, 165], [110, 170], [120]], { tailFactor: "1.05" });
    expect(t.origins[0]!.ultimate.toString()).toBe("173.25"); // 165 × 1.05
    expect(t.ageToUltimate[2]!.toString()).toBe("1.05");
  });
  it("treats a pair of zero columns as no development (factor 1)", () => {
    const cl = chainLadder([[0, 0, 0], [0, 0], [3]]);
    expect(cl.developmentFactors.map((f) => f.toString())).toEqual(["1", "1"]);
    expect(cl.origins[2]!.ultimate.toString()).toBe("3");
    expect(cl.origins[0]!.developedToDate).toBeNull();
  });
  describe("edge cases", () => {
    it("throws UNDEFINED_RESULT when a column sums to 0 but the next does not", () => {
      expect(() => chainLadder([[0, 5], [0]])).toThrow(/chainLadder: triangle \(age 0\) has no development factor/);
    });
    it("rejects bad input with typed errors naming the function", () => {
      expect(() => chainLadder([])).toThrow(ValidationError);
      expect(() => chainLadder([[1, Number.NaN]])).toThrow(/chainLadder: triangle\[0\]\[1\]/);
      expect(() => chainLadder([[]])).toThrow(/chainLadder: triangle\[0\]/);
      expect(() => chainLadder([[1]], { tailFactor: -1 })).toThrow(/options.tailFactor/);
      expect(() => chainLadder([[1]], { input: "cum" as never })).toThrow(/options.input/);
      expect(() => chainLadder([[1]], { tail: 1 } as never)).toThrow(/unknown key "tail"/);
    });
  });
});
