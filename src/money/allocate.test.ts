import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { allocate } from "./allocate.js";
import { money } from "./money.js";

const amounts = (ms: readonly { amount: { toString(): string } }[]) => ms.map((m) => m.amount.toString());

describe("allocate", () => {
  it("splits $100 three ways by largest remainder", () => {
    expect(amounts(allocate(money("100", "USD"), [1, 1, 1]))).toEqual(["33.34", "33.33", "33.33"]);
  });
  it("gives the leftover cent to the largest remainder, not the first part", () => {
    // exact shares of $1.00 by 1:2:3 are 16.67, 33.33, 50 cents: remainders .67, .33, 0
    expect(amounts(allocate(money("1", "USD"), [1, 2, 3]))).toEqual(["0.17", "0.33", "0.5"]);
  });
  it("never gives anything to a zero ratio", () => {
    expect(amounts(allocate(money("0.05", "USD"), [0, 1, 0, 1]))).toEqual(["0", "0.03", "0", "0.02"]);
  });
  it("accepts decimal ratios and splits negative totals symmetrically", () => {
    expect(amounts(allocate(money("10", "EUR"), ["0.333", "0.667"]))).toEqual(["3.33", "6.67"]);
    expect(amounts(allocate(money("-100", "USD"), [1, 1, 1]))).toEqual(["-33.34", "-33.33", "-33.33"]);
  });
  it("works in the currency's minor unit (JPY has none)", () => {
    expect(amounts(allocate(money("100", "JPY"), [1, 1, 1]))).toEqual(["34", "33", "33"]);
  });
  it("gives a unit tied between parts to the earlier part, whatever their ratios (#10)", () => {
    // $0.02 by 1:3: exact 0.5 and 1.5 cents, equal remainders → the earlier part (share's
    // finalize would prefer the larger ratio instead; both behaviours are kept)
    expect(amounts(allocate(money("0.02", "USD"), [1, 3]))).toEqual(["0.01", "0.01"]);
  });
  it("returns a frozen array (#10)", () => {
    const parts = allocate(money("1", "USD"), [1, 1]);
    expect(Object.isFrozen(parts)).toBe(true);
    expect(() => (parts as unknown as unknown[]).push(1)).toThrow(TypeError);
  });
  describe("edge cases", () => {
    it("throws for empty, negative or all-zero ratios", () => {
      expect(() => allocate(money("1", "USD"), [])).toThrow(/must not be empty/);
      expect(() => allocate(money("1", "USD"), [1, -1])).toThrow(/ratios\[1\] must be ≥ 0/);
      expect(() => allocate(money("1", "USD"), [0, 0])).toThrow(/at least one ratio > 0/);
      expect(() => allocate(money("1", "USD"), [Number.NaN])).toThrow(ValidationError);
    });
    it("throws for a total with sub-minor digits", () => {
      expect(() => allocate(money("1.005", "USD"), [1, 1])).toThrow(/whole number of minor units/);
    });
  });
});
