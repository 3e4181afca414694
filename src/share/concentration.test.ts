import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import { compoundAnnualGrowthRate } from "./compoundAnnualGrowthRate.js";
import { giniCoefficient } from "./giniCoefficient.js";
import { herfindahlHirschmanIndex } from "./herfindahlHirschmanIndex.js";
import { HHI_MERGER_GUIDELINES_2023 } from "./HHI_MERGER_GUIDELINES_2023.js";
import { topShare } from "./topShare.js";
import { wilsonInterval } from "./wilsonInterval.js";
import { yearOverYearChange } from "./yearOverYearChange.js";

describe("herfindahlHirschmanIndex", () => {
  it("matches the 40/30/20/10 textbook example (3,000)", () => {
    // 40² + 30² + 20² + 10² = 1600 + 900 + 400 + 100 = 3000 (the sum-of-squares definition, 2023 MG § 2.1).
    expect(herfindahlHirschmanIndex([40, 30, 20, 10]).toString()).toBe("3000");
    expect(herfindahlHirschmanIndex(["0.4", "0.3", "0.2", "0.1"]).toString()).toBe("3000");
    expect(herfindahlHirschmanIndex([money("400", "USD"), money("300", "USD"), money("200", "USD"), money("100", "USD")]).toString()).toBe("3000");
  });
  it("is 10,000 for a monopoly and ignores zero-size firms", () => {
    expect(herfindahlHirschmanIndex([7]).toString()).toBe("10000");
    expect(herfindahlHirschmanIndex([7, 0, 0]).toString()).toBe("10000");
  });
  it("flags the 2023 guidelines' highly concentrated band (> 1,800)", () => {
    expect(HHI_MERGER_GUIDELINES_2023.highlyConcentrated).toBe(1800);
    expect(herfindahlHirschmanIndex([30, 30, 20, 20]).gt(HHI_MERGER_GUIDELINES_2023.highlyConcentrated)).toBe(true); // 2600
    expect(herfindahlHirschmanIndex(Array(10).fill(1)).gt(HHI_MERGER_GUIDELINES_2023.highlyConcentrated)).toBe(false); // 1000
  });
  it("throws on empty, all-zero, negative and mixed-currency input", () => {
    expect(() => herfindahlHirschmanIndex([])).toThrowError(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => herfindahlHirschmanIndex([0, 0])).toThrowError(expect.objectContaining({ code: "UNDEFINED_RESULT" }));
    expect(() => herfindahlHirschmanIndex([1, -1])).toThrowError(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(() => herfindahlHirschmanIndex([money("1", "USD"), money("1", "EUR")])).toThrow(CurrencyMismatchError);
  });
});

describe("giniCoefficient", () => {
  it("matches hand-computed values", () => {
    // [1,2,3,4]: Σ|xi−xj| over ordered pairs = 20; G = 20 / (2 · 16 · 2.5) = 0.25.
    expect(giniCoefficient([1, 2, 3, 4]).toString()).toBe("0.25");
    expect(giniCoefficient([4, 1, 3, 2]).toString()).toBe("0.25");
    // one of n holds everything: (n − 1)/n.
    expect(giniCoefficient([0, 0, 0, 10]).toString()).toBe("0.75");
  });
  it("is 0 for one value, equal values, or all zeros (never NaN)", () => {
    expect(giniCoefficient([3]).toString()).toBe("0");
    expect(giniCoefficient([2, 2, 2]).toString()).toBe("0");
    expect(giniCoefficient([0, 0]).toString()).toBe("0");
  });
  it("throws on empty input", () => {
    expect(() => giniCoefficient([])).toThrowError(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });
});

describe("topShare", () => {
  it("computes concentration ratios", () => {
    expect(topShare([10, 50, 20, 10, 10], 1).toString()).toBe("0.5");
    expect(topShare([10, 50, 20, 10, 10], 0).toString()).toBe("0");
    expect(topShare([10, 50, 20, 10, 10], 9).toString()).toBe("1");
  });
  // Changed on purpose (#11): one empty-input policy. A share of nothing is undefined, as for
  // herfindahlHirschmanIndex and giniCoefficient; it used to return 0.
  it("throws EMPTY_INPUT for an empty list and UNDEFINED_RESULT for a zero total (#11)", () => {
    expect(() => topShare([], 3)).toThrowError(expect.objectContaining({ code: "EMPTY_INPUT", fn: "topShare" }));
    expect(() => topShare([0, 0], 1)).toThrowError(expect.objectContaining({ code: "UNDEFINED_RESULT", fn: "topShare" }));
  });
  it("rejects a negative or fractional k", () => {
    expect(() => topShare([1], -1)).toThrow(ValidationError);
    expect(() => topShare([1], 1.5)).toThrowError(expect.objectContaining({ code: "NOT_INTEGER" }));
  });
});

describe("wilsonInterval", () => {
  it("matches the published 95 % interval for 500 of 1,000", () => {
    // Closed form: p̂ = 0.5, z = 1.959964, centre = 0.5, half-width = z/(1 + z²/n)·√(0.25/n + z²/(4n²))
    // = 1.952464 × 0.0158417 = 0.030930 → (0.46907, 0.53093) (Wilson 1927; Brown, Cai & DasGupta 2001).
    const ci = wilsonInterval(500, 1000);
    expect(ci.lower.toFixed(5)).toBe("0.46907");
    expect(ci.upper.toFixed(5)).toBe("0.53093");
    expect(ci.estimate.toString()).toBe("0.5");
  });
  it("uses z = 1.959963984540054 for 95 % and 2.5758293035489 for 99 %", () => {
    expect(wilsonInterval(1, 2).z.toFixed(12)).toBe("1.959963984540");
    expect(wilsonInterval(1, 2, "0.99").z.toFixed(12)).toBe("2.575829303549");
  });
  it("stays in [0, 1] at the extremes", () => {
    // 0 of 10 at 95 %: upper = z²/(n + z²) = 3.8415/13.8415 = 0.27753 (Brown, Cai & DasGupta 2001).
    const zero = wilsonInterval(0, 10);
    expect(zero.lower.toString()).toBe("0");
    expect(zero.upper.toFixed(5)).toBe("0.27753");
    expect(wilsonInterval(10, 10).upper.toString()).toBe("1");
    expect(wilsonInterval(10, 10).lower.toFixed(5)).toBe("0.72247");
  });
  it("rejects impossible counts and confidence levels", () => {
    expect(() => wilsonInterval(1, 0)).toThrow(ValidationError);
    expect(() => wilsonInterval(11, 10)).toThrow(ValidationError);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(ValidationError);
    expect(() => wilsonInterval(1, 10, 0)).toThrow(ValidationError);
    expect(() => wilsonInterval(1.5, 10)).toThrowError(expect.objectContaining({ code: "NOT_INTEGER" }));
  });
});

describe("yearOverYearChange", () => {
  it("computes absolute and relative change", () => {
    const r = yearOverYearChange(money("120", "USD"), money("100", "USD"));
    expect(r.change.toString()).toBe("20");
    expect(r.relative?.toString()).toBe("0.2");
  });
  it("returns undefined relative change from zero", () => {
    expect(yearOverYearChange(5, 0).relative).toBeUndefined();
  });
  it("rejects mixed currencies", () => {
    expect(() => yearOverYearChange(money("1", "USD"), money("1", "EUR"))).toThrow(CurrencyMismatchError);
  });
});

describe("compoundAnnualGrowthRate", () => {
  it("computes (end/begin)^(1/years) − 1", () => {
    expect(compoundAnnualGrowthRate(100, 121, 2).toString()).toBe("0.1");
    // 2^(1/3) − 1 = 0.259921049894873…
    expect(compoundAnnualGrowthRate(100, 200, 3).toFixed(12)).toBe("0.259921049895");
    expect(compoundAnnualGrowthRate(100, 0, 3).toString()).toBe("-1");
    expect(compoundAnnualGrowthRate(money("100", "USD"), money("150", "USD"), "0.5").toString()).toBe("1.25");
  });
  it("rejects begin ≤ 0, end < 0 and years ≤ 0", () => {
    expect(() => compoundAnnualGrowthRate(0, 1, 1)).toThrow(ValidationError);
    expect(() => compoundAnnualGrowthRate(1, -1, 1)).toThrow(ValidationError);
    expect(() => compoundAnnualGrowthRate(1, 1, 0)).toThrow(ValidationError);
  });
  it("returns a Decimal", () => {
    expect(compoundAnnualGrowthRate(1, 1, 1)).toBeInstanceOf(Decimal);
  });
});
