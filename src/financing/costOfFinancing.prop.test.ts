import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect } from "vitest";
import { fromMinorUnits } from "../money/fromMinorUnits.js";
import { costOfFinancing } from "./costOfFinancing.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateRepayment } from "./simulateRepayment.js";

const flat = (centsPerDay: number, days: number) => Array.from({ length: days }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: fromMinorUnits(centsPerDay, "USD") }));

describe("costOfFinancing properties", () => {
  // With a FIXED fee, stronger sales repay sooner, so the same finance charge is paid over a
  // shorter time: the APR (and XIRR) rise with sales, and the factor rate stays put. (The brief
  // phrased this as "APR falls when sales rise"; that holds for the term, not for the APR.)
  test.prop(
    [
      fc.integer({ min: 100_000, max: 5_000_000 }), // principal, cents
      fc.integer({ min: 1, max: 30 }), // fee, % of principal
      fc.integer({ min: 5, max: 30 }), // holdback, %
      fc.integer({ min: 10_000, max: 200_000 }), // daily sales, cents
      fc.integer({ min: 1, max: 200_000 }), // extra daily sales, cents
    ],
    { numRuns: 40 },
  )("for a fixed fee, higher sales give a shorter term and an APR at least as high", (principal, feePct, holdbackPct, low, extra) => {
    const p = salesBasedAdvance({
      principal: fromMinorUnits(principal, "USD"),
      fee: fromMinorUnits(Math.round((principal * feePct) / 100), "USD"),
      holdbackRate: new Decimal(holdbackPct).div(100),
    });
    const lo = simulateRepayment(p, flat(low, 3000));
    const hi = simulateRepayment(p, flat(low + extra, 3000));
    // Repayment in a few days gives effective rates beyond xirr's searchable range (> 5e21):
    // costOfFinancing then reports a null rate with a reason (#11); keep terms realistic here.
    fc.pre(hi.summary.daysToPayoff! >= 30);
    // Terms up to the 3,000-day horizon (aprRegZ handled ≥ 708 daily payments only after the fix
    // found by this property; see src/tvm/aprRegZ.long.test.ts).
    fc.pre(lo.summary.paidOff);
    const cLo = costOfFinancing(lo);
    const cHi = costOfFinancing(hi);
    expect(hi.summary.daysToPayoff!).toBeLessThanOrEqual(lo.summary.daysToPayoff!);
    expect(cHi.factorRate.eq(cLo.factorRate)).toBe(true);
    expect(cHi.apr!.gte(cLo.apr!.minus("1e-9"))).toBe(true);
    expect(cHi.effectiveAnnualRate!.gte(cLo.effectiveAnnualRate!.minus("1e-9"))).toBe(true);
  });

  test.prop([fc.integer({ min: 1, max: 30 }), fc.integer({ min: 20, max: 340 })], { numRuns: 30 })("a longer repayment of the same fee has a lower APR (term ↑ ⇒ APR ↓)", (feePct, days) => {
    // Repay 10,000 + fee in `days` or `2 × days` equal daily payments (sales chosen so that holdback = total / days).
    const total = 1_000_000 + feePct * 10_000;
    fc.pre(total % days === 0 && total % (2 * days) === 0);
    const p = salesBasedAdvance({ principal: fromMinorUnits(1_000_000, "USD"), fee: fromMinorUnits(feePct * 10_000, "USD"), holdbackRate: "0.5" });
    const fast = costOfFinancing(simulateRepayment(p, flat((2 * total) / days, days)));
    const slow = costOfFinancing(simulateRepayment(p, flat(total / days, 2 * days)));
    expect(fast.apr!.gt(slow.apr!)).toBe(true);
  });

  // #11: a zero-fee advance reported an APR of 2.1e-15 (or -1e-15) instead of exactly 0.
  test.prop(
    [
      fc.integer({ min: 100, max: 5_000_000 }), // principal, cents
      fc.integer({ min: 1, max: 99 }), // holdback, %
      fc.array(fc.integer({ min: -50_000, max: 500_000 }), { minLength: 1, maxLength: 120 }), // daily sales, cents
      fc.constantFrom("day", "week", "month"),
      fc.boolean(), // minimum payment
    ],
    { numRuns: 60 },
  )("zero finance charge ⇒ APR and XIRR exactly 0, over random products and sales (#11)", (principal, holdbackPct, cents, granularity, withMinimum) => {
    const p = salesBasedAdvance({
      principal: fromMinorUnits(principal, "USD"),
      fee: 0,
      holdbackRate: new Decimal(holdbackPct).div(100),
      ...(withMinimum ? { minimumPayment: { rate: "0.1", everyDays: 30 } } : {}),
    });
    const sales = cents.map((c, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: fromMinorUnits(c, "USD") }));
    const c = costOfFinancing(simulateRepayment(p, sales, { granularity, until: new Date(Date.UTC(2025, 0, 1)) }));
    if (c.paidOff) {
      expect(c.apr?.toString()).toBe("0");
      expect(c.effectiveAnnualRate?.toString()).toBe("0");
      expect([c.aprUnavailable, c.effectiveAnnualRateUnavailable]).toEqual([null, null]);
    } else expect([c.apr, c.aprUnavailable]).toEqual([null, "not-paid-off"]);
  });

  // #11: totals consistent in every result: Σ row payments = totalPaid = holdback + top-ups,
  // paid off ⇔ nothing outstanding, and then totalPaid = principal + fee; a rate is a finite
  // Decimal or null with a reason.
  test.prop(
    [
      fc.integer({ min: 100, max: 5_000_000 }),
      fc.integer({ min: 0, max: 50 }), // fee, % of principal
      fc.integer({ min: 1, max: 99 }),
      fc.array(fc.integer({ min: -50_000, max: 2_000_000 }), { minLength: 1, maxLength: 90 }),
    ],
    { numRuns: 60 },
  )("totals are consistent and rates are a Decimal or a reason (#11)", (principal, feePct, holdbackPct, cents) => {
    const p = salesBasedAdvance({ principal: fromMinorUnits(principal, "USD"), fee: fromMinorUnits(Math.round((principal * feePct) / 100), "USD"), holdbackRate: new Decimal(holdbackPct).div(100) });
    const sales = cents.map((c, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: fromMinorUnits(c, "USD") }));
    const r = simulateRepayment(p, sales);
    const s = r.summary;
    const sum = r.rows.reduce((a, row) => a.plus(row.payment.amount), new Decimal(0));
    expect(sum.eq(s.totalPaid.amount)).toBe(true);
    expect(s.totalHoldback.amount.plus(s.totalTopUps.amount).eq(s.totalPaid.amount)).toBe(true);
    expect(s.paidOff).toBe(s.outstandingIfSalesStop.amount.isZero());
    expect(s.totalPaid.amount.plus(s.outstandingIfSalesStop.amount).eq(p.totalRepayment.amount)).toBe(true);
    const c = costOfFinancing(r);
    for (const [rate, reason] of [
      [c.apr, c.aprUnavailable],
      [c.effectiveAnnualRate, c.effectiveAnnualRateUnavailable],
    ] as const) {
      if (rate === null) expect(reason === "not-paid-off" || reason === "no-rate-in-solver-range").toBe(true);
      else expect(rate.isFinite() && reason === null).toBe(true);
    }
    if (feePct === 0 && c.paidOff) expect([c.apr?.toString(), c.effectiveAnnualRate?.toString()]).toEqual(["0", "0"]);
  });
});
