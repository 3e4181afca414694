import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect } from "vitest";
import { fromMinorUnits } from "../money/fromMinorUnits.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateRepayment } from "./simulateRepayment.js";

const cents = (n: number) => fromMinorUnits(n, "USD");
const series = (amounts: readonly number[]) => amounts.map((c, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: cents(c) }));

const advanceArb = fc.record({
  principal: fc.integer({ min: 100, max: 10_000_000 }),
  fee: fc.integer({ min: 0, max: 2_000_000 }),
  holdbackPct: fc.integer({ min: 1, max: 99 }),
  minimum: fc.option(fc.record({ pct: fc.integer({ min: 1, max: 50 }), everyDays: fc.integer({ min: 1, max: 120 }) }), { nil: undefined }),
});
const salesArb = fc.array(fc.integer({ min: -5_000, max: 500_000 }), { minLength: 0, maxLength: 400 });

interface AdvanceSpec {
  readonly principal: number;
  readonly fee: number;
  readonly holdbackPct: number;
  readonly minimum: { readonly pct: number; readonly everyDays: number } | undefined;
}

function build(a: AdvanceSpec) {
  return salesBasedAdvance({
    principal: cents(a.principal),
    fee: cents(a.fee),
    holdbackRate: new Decimal(a.holdbackPct).div(100),
    ...(a.minimum ? { minimumPayment: { rate: new Decimal(a.minimum.pct).div(100), everyDays: a.minimum.everyDays } } : {}),
  });
}

describe("simulateRepayment properties", () => {
  test.prop([advanceArb, salesArb])("payments are never negative and never exceed the balance before them", (a, s) => {
    const p = build(a);
    const r = simulateRepayment(p, series(s), { fundedOn: "2024-01-01" });
    let before = p.totalRepayment.amount;
    for (const row of r.rows) {
      expect(row.payment.amount.isNegative()).toBe(false);
      expect(row.payment.amount.lte(before)).toBe(true);
      expect(before.minus(row.payment.amount).eq(row.balance.amount)).toBe(true);
      expect(row.payment.amount.decimalPlaces()).toBeLessThanOrEqual(2);
      before = row.balance.amount;
    }
  });

  test.prop([advanceArb, salesArb])("total paid + outstanding = principal + fee, exactly", (a, s) => {
    const p = build(a);
    const r = simulateRepayment(p, series(s), { fundedOn: "2024-01-01" });
    const paid = r.rows.reduce((acc, row) => acc.plus(row.payment.amount), new Decimal(0));
    expect(paid.eq(r.summary.totalPaid.amount)).toBe(true);
    expect(paid.plus(r.summary.outstandingIfSalesStop.amount).eq(p.totalRepayment.amount)).toBe(true);
    if (r.summary.paidOff) expect(paid.eq(p.totalRepayment.amount)).toBe(true);
  });

  test.prop([advanceArb, fc.integer({ min: 1, max: 1_000_000 })])("constant sales that suffice repay exactly principal + fee", (a, daily) => {
    const p = build({ ...a, minimum: undefined });
    const perDay = new Decimal(daily).times(a.holdbackPct).div(100).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
    fc.pre(perDay.gt(0));
    const days = new Decimal(a.principal + a.fee).div(perDay).ceil().toNumber();
    fc.pre(days <= 2000);
    const r = simulateRepayment(p, series(Array.from({ length: days }, () => daily)), { fundedOn: "2024-01-01" });
    expect(r.summary.paidOff).toBe(true);
    expect(r.summary.daysToPayoff).toBe(days);
    expect(r.summary.totalPaid.amount.eq(p.totalRepayment.amount)).toBe(true);
  });

  test.prop([advanceArb, fc.integer({ min: 100, max: 100_000 }), fc.integer({ min: 1, max: 100_000 })])("higher sales never lengthen the term", (a, low, extra) => {
    const p = build({ ...a, minimum: undefined });
    const n = 1500;
    const rLow = simulateRepayment(p, series(Array.from({ length: n }, () => low)), { fundedOn: "2024-01-01" });
    const rHigh = simulateRepayment(p, series(Array.from({ length: n }, () => low + extra)), { fundedOn: "2024-01-01" });
    if (rLow.summary.paidOff) {
      expect(rHigh.summary.paidOff).toBe(true);
      expect(rHigh.summary.daysToPayoff!).toBeLessThanOrEqual(rLow.summary.daysToPayoff!);
    }
  });
});
