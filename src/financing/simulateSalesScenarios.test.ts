import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateSalesScenarios } from "./simulateSalesScenarios.js";

function daily(n: number, amount: string) {
  return Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: money(amount, "USD") }));
}

describe("simulateSalesScenarios", () => {
  const advance = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });
  it("runs base, −10 %, −30 % and seasonal by default", () => {
    const out = simulateSalesScenarios(advance, daily(730, "400"));
    expect(out.map((s) => s.name)).toEqual(["base", "sales -10%", "sales -30%", "seasonal"]);
    // by hand: 11,500 / 40 = 287.5 → 288; / 36 = 319.4 → 320; / 28 = 410.7 → 411
    expect(out.map((s) => s.daysToPayoff)).toEqual([288, 320, 411, 303]);
    // a fixed fee repaid more slowly: lower APR
    expect(out[0]!.apr!.gt(out[1]!.apr!)).toBe(true);
    expect(out[1]!.apr!.gt(out[2]!.apr!)).toBe(true);
  });
  it("shows minimums pulling payments forward when sales drop", () => {
    const withMin = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1", minimumPayment: { rate: "0.2", everyDays: 90 } });
    // $200/day halved → $10/day holdback = $900 per 90 days < $2,300 minimum: $1,400 top-up per
    // window, so 11,500 / 2,300 = 5 windows → paid off on day 450
    const out = simulateSalesScenarios(withMin, daily(730, "200"), { scenarios: [{ name: "half", factor: "0.5" }] });
    expect(out[0]!.daysToPayoff).toBe(450);
    expect(out[0]!.anyMinimumMissed).toBe(true);
    expect(out[0]!.paidOff).toBe(true);
  });
  it("reports sales that stop as not paid off", () => {
    const out = simulateSalesScenarios(advance, daily(100, "400"), { scenarios: [{ name: "stop", factor: 0 }] });
    expect(out[0]!.paidOff).toBe(false);
    expect(out[0]!.apr).toBeNull();
    expect(out[0]!.outstandingIfSalesStop.amount.toString()).toBe("11500");
  });
  it("rejects malformed scenarios", () => {
    expect(() => simulateSalesScenarios(advance, daily(10, "1"), { scenarios: [{ name: "x", factor: -1 }] })).toThrow(ValidationError);
    expect(() => simulateSalesScenarios(advance, daily(10, "1"), { scenarios: [{ name: "x", monthlyFactors: [1, 2] }] })).toThrow(/12 entries/);
    expect(() => simulateSalesScenarios(advance, daily(10, "1"), { scenarios: [] })).toThrow(ValidationError);
  });
});
