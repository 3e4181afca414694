/**
 * Results are frozen plain data all the way down, and inputs are never written to (#10: readonly
 * inputs, readonly + frozen results everywhere). Inputs are deep-frozen before each call: in
 * strict-mode ESM a write to one would throw a TypeError.
 */
import { describe, expect, it } from "vitest";
import { unfrozenPaths } from "../../test/support/frozen.js";
import { money } from "../money/money.js";
import { costOfFinancing } from "./costOfFinancing.js";
import { disclosure } from "./disclosure.js";
import { revenueShareLoan } from "./revenueShareLoan.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulatePortfolio } from "./simulatePortfolio.js";
import { simulateRepayment } from "./simulateRepayment.js";
import { simulateSalesScenarios } from "./simulateSalesScenarios.js";
import { sizeOffer } from "./sizeOffer.js";
import { termLoan } from "./termLoan.js";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function daily(start: string, n: number, amount: string) {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return deepFreeze(Array.from({ length: n }, (_, i) => ({ date: new Date(t0 + i * 86_400_000).toISOString().slice(0, 10), amount: money(amount, "USD") })));
}

describe("financing results are frozen all the way down", () => {
  const advance = salesBasedAdvance(deepFreeze({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1", minimumPayment: { rate: "0.1", everyDays: 90, forDays: 540 }, maxTermDays: 548 }));
  const sales = daily("2024-01-02", 400, "400");

  it("salesBasedAdvance, termLoan (both schedules) and revenueShareLoan build frozen products", () => {
    expect(unfrozenPaths(advance)).toEqual([]);
    expect(Object.isFrozen(advance.minimumPayment)).toBe(true);
    const monthly = termLoan(deepFreeze({ principal: money("12000", "USD"), annualRate: "0.12", termMonths: 12, startDate: "2017-01-15", schedule: "month" as const }));
    const biweekly = termLoan(deepFreeze({ principal: money("2600", "USD"), annualRate: 0, termMonths: 6, startDate: "2024-01-01", schedule: "biweek" as const }));
    expect(unfrozenPaths(monthly)).toEqual([]);
    expect(unfrozenPaths(biweekly)).toEqual([]);
    expect(Object.isFrozen(biweekly.instalments)).toBe(true);
    expect(unfrozenPaths(revenueShareLoan(deepFreeze({ principal: money("50000", "USD"), repaymentCap: "1.4", revenueShare: "0.06" })))).toEqual([]);
  });

  it("simulateRepayment and costOfFinancing return frozen results, rows included", () => {
    for (const granularity of ["day", "week", "month"] as const) {
      const r = simulateRepayment(advance, sales, deepFreeze({ granularity, until: "2025-12-31" }));
      expect(unfrozenPaths(r)).toEqual([]);
      expect(Object.isFrozen(r.rows)).toBe(true);
      expect(Object.isFrozen(r.summary)).toBe(true);
      expect(unfrozenPaths(costOfFinancing(r))).toEqual([]);
    }
  });

  it("disclosure returns frozen figures, nested payment and lists included", () => {
    const offer = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });
    const d = disclosure(offer, daily("2023-01-01", 365, "400"), deepFreeze({ method: "historical" as const, months: 12, excludeMonths: ["2023-02"] }));
    expect(d.estimatedPayment.frequency).toBe("day");
    expect(unfrozenPaths(d)).toEqual([]);
    expect(Object.isFrozen(d.estimatedPayment)).toBe(true);
    expect(Object.isFrozen(d.monthsUsed)).toBe(true);
  });

  it("sizeOffer returns a frozen offer, eligible or not", () => {
    const policy = deepFreeze({ shareOfTrailingSales: "0.08", factorRate: "1.1", targetTermDays: 365, principalStep: 100, minimumPayment: { rate: "0.05", everyDays: 90 } });
    const offer = sizeOffer(daily("2023-01-01", 365, "400"), policy);
    expect(offer.eligible).toBe(true);
    expect(unfrozenPaths(offer)).toEqual([]);
    const none = sizeOffer(daily("2023-01-01", 30, "1"), deepFreeze({ ...policy, minPrincipal: 1000 }));
    expect(none.eligible).toBe(false);
    expect(unfrozenPaths(none)).toEqual([]);
  });

  it("simulatePortfolio returns frozen totals, cash flows and loans", () => {
    const loans = deepFreeze([
      { id: "a", sellerId: "s1", product: advance },
      { id: "b", sellerId: "s2", product: advance, fundedOn: "2024-01-01" },
    ]);
    const bySeller = deepFreeze({ s1: sales, s2: daily("2024-01-02", 100, "10") });
    const p = simulatePortfolio(loans, bySeller, deepFreeze({ granularity: "week" as const }));
    expect(p.loans).toHaveLength(2);
    expect(unfrozenPaths(p)).toEqual([]);
    expect(Object.isFrozen(p.cashFlows)).toBe(true);
    expect(Object.isFrozen(p.cashFlows[0])).toBe(true);
  });

  it("simulateSalesScenarios returns a frozen list of frozen outcomes", () => {
    const out = simulateSalesScenarios(advance, sales, deepFreeze({ scenarios: [{ name: "base" }, { name: "down", factor: "0.7" }], granularity: "month" as const }));
    expect(out).toHaveLength(2);
    expect(unfrozenPaths(out)).toEqual([]);
  });
});
