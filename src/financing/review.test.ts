import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateSalesScenarios } from "./simulateSalesScenarios.js";
import { termLoan } from "./termLoan.js";

// New-user review regressions.
describe("percent-vs-fraction and conflicting options", () => {
  it("termLoan rejects an annual rate written as a percentage", () => {
    expect(() => termLoan({ principal: money("5000", "USD"), annualRate: 9, termMonths: 12, startDate: "2024-01-01" })).toThrow(/annualRate must be ≥ 0 and ≤ 1/);
    expect(termLoan({ principal: money("5000", "USD"), annualRate: "0.09", termMonths: 12, startDate: "2024-01-01" }).annualRate.toString()).toBe("0.09");
  });
  it("simulateSalesScenarios rejects a scenario with both factor and monthlyFactors", () => {
    const advance = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1" });
    const sales = Array.from({ length: 60 }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 1 + i)), amount: money("100", "USD") }));
    expect(() => simulateSalesScenarios(advance, sales, { scenarios: [{ name: "x", factor: 0.5, monthlyFactors: Array(12).fill(1) }] })).toThrowError(
      expect.objectContaining({ code: "CONFLICTING_OPTIONS", message: expect.stringMatching(/either factor or monthlyFactors, not both/) }),
    );
  });
});

describe("factor rate written as a percentage (new-user review)", () => {
  it("salesBasedAdvance rejects factorRate 13 (meant 1.13)", () => {
    expect(() => salesBasedAdvance({ principal: money("10000", "USD"), factorRate: 13, holdbackRate: "0.1" })).toThrow(/factorRate must be ≥ 1 and ≤ 3/);
    expect(salesBasedAdvance({ principal: money("10000", "USD"), factorRate: "1.13", holdbackRate: "0.1" }).fee.amount.toString()).toBe("1300");
  });
});
