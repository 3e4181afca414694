import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateSalesScenarios } from "./simulateSalesScenarios.js";

function daily(n: number, amount: string) {
  return Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: money(amount, "USD") }));
}

describe("simulateSalesScenarios dated shocks (#14)", () => {
  const advance = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });

  it("halves sales from a date and stops them between two dates", () => {
    // By hand: Jan 2–Mar 31 = 90 days × $40 = $3,600; Apr 1–Jun 30 = 91 days × $20 = $1,820; July
    // nothing; the remaining $6,080 at $20/day takes 304 days from Aug 1 (day 213): payoff on day 516.
    const out = simulateSalesScenarios(advance, daily(730, "400"), {
      scenarios: [
        {
          name: "shock",
          shocks: [
            { from: "2024-04-01", factor: "0.5" },
            { from: "2024-07-01", to: "2024-07-31", factor: 0 },
          ],
        },
      ],
    });
    expect(out[0]!.daysToPayoff).toBe(516);
    expect(JSON.parse(JSON.stringify(out[0]!.factors))).toEqual({
      monthly: Array.from({ length: 12 }, () => "1"),
      shocks: [
        { from: "2024-04-01T00:00:00.000Z", to: null, factor: "0.5" },
        { from: "2024-07-01T00:00:00.000Z", to: "2024-07-31T00:00:00.000Z", factor: "0" },
      ],
    });
  });

  it("combines a shock with seasonality multiplicatively", () => {
    const seasonal = Array.from({ length: 12 }, (_, m) => (m === 0 ? "2" : "1"));
    // January sales doubled ($80/day holdback) but halved from Jan 2 by the shock: $40/day, as in the base case
    const both = simulateSalesScenarios(advance, daily(730, "400"), { scenarios: [{ name: "x", monthlyFactors: seasonal, shocks: [{ from: "2024-01-01", to: "2024-01-31", factor: "0.5" }] }] });
    const base = simulateSalesScenarios(advance, daily(730, "400"), { scenarios: [{ name: "base", factor: 1 }] });
    expect(both[0]!.daysToPayoff).toBe(base[0]!.daysToPayoff);
    expect(both[0]!.factors.monthly[0]!.toString()).toBe("2");
  });

  it("records the factors of the default seasonal scenario (illustrative, unsourced)", () => {
    const out = simulateSalesScenarios(advance, daily(730, "400"));
    expect(out[3]!.factors.monthly.map(String)).toEqual(["0.8", "0.8", "0.9", "0.9", "1", "1", "1", "1", "1", "1.1", "1.2", "1.3"]);
    expect(out[1]!.factors.monthly.map(String)).toEqual(Array.from({ length: 12 }, () => "0.9"));
    expect(Object.isFrozen(out[3]!.factors.monthly)).toBe(true);
  });

  describe("edge cases", () => {
    it("rejects a shock ending before it starts, naming the field", () => {
      expect(() => simulateSalesScenarios(advance, daily(10, "1"), { scenarios: [{ name: "x", shocks: [{ from: "2024-05-01", to: "2024-04-01", factor: 0 }] }] })).toThrow(
        /^simulateSalesScenarios: options.scenarios\[0\].shocks\[0\].to must not be before its from date/,
      );
    });
    it("rejects bad shock factors, unknown keys and too many shocks", () => {
      expect(() => simulateSalesScenarios(advance, daily(10, "1"), { scenarios: [{ name: "x", shocks: [{ from: "2024-05-01", factor: 50 }] }] })).toThrow(ValidationError);
      expect(() => simulateSalesScenarios(advance, daily(10, "1"), { scenarios: [{ name: "x", shocks: [{ from: "2024-05-01", factor: 1, until: "x" } as never] }] })).toThrow(/shocks\[0\]\.until/);
      const many = Array.from({ length: 101 }, () => ({ from: "2024-05-01", factor: 1 }));
      expect(() => simulateSalesScenarios(advance, daily(10, "1"), { scenarios: [{ name: "x", shocks: many }] })).toThrow(ValidationError);
    });
  });
});
