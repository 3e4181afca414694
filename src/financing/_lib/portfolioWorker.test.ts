/**
 * The worker thread's batch runner (#12, item 3) run in this thread: coverage cannot see inside
 * worker_threads, so `runBatch` and the day flows it exports are checked here on hand-computed
 * figures, including a loan whose weekly sales leave the safe-integer range (flagged for the
 * Decimal rerun in the calling thread) and a day whose flows sum beyond 2^53 (carried as BigInt).
 */
import { describe, expect, it } from "vitest";
import { Decimal } from "../../_lib/decimal.js";
import { type IntSeries, toRational } from "./intEngine.js";
import { DayFlows } from "./portfolio.js";
import { runBatch, type WorkerBatch, type WorkerLoan } from "./portfolioWorker.js";

const D0 = Date.UTC(2024, 0, 2) / 86_400_000; // Tuesday 2024-01-02 as a day number (19,724)
const MAX = Number.MAX_SAFE_INTEGER;
const series: IntSeries = { days: Int32Array.from([D0, D0 + 1, D0 + 2, D0 + 3]), minor: Float64Array.from([10_000, 20_000, 0, 30_000]), length: 4, scale: 0 };

/** A holdback loan of `total` minor units at `rate`, funded the day before the first sale. */
const loan = (total: number, rate: string, seller = 0): WorkerLoan => ({
  seller,
  fundedDay: D0 - 1,
  untilDay: D0 + 6,
  terms: { kind: "holdback", total, rate: toRational(new Decimal(rate)), minimum: null, maxTermDays: null },
});
const batch = (loans: WorkerLoan[], more: Partial<WorkerBatch> = {}): WorkerBatch => ({ id: 7, granularity: "day", rm: 6, collect: true, series: [series], loans, ...more });

describe("runBatch (the worker's loop, in this thread)", () => {
  it("collects each loan's holdback, balance and payoff day, and sums the day flows", () => {
    // A: 5,000 cents at 10 %: 1,000 + 2,000 + 0 + min(3,000, 2,000) → paid off on day 3.
    // B: 100,000 cents at 15 %: 1,500 + 3,000 + 0 + 4,500 = 9,000, 91,000 left, no payoff.
    const r = runBatch(batch([loan(5_000, "0.1"), loan(100_000, "0.15")]));
    expect(r.id).toBe(7);
    expect(Array.from(r.paid)).toEqual([5_000, 9_000]);
    expect(Array.from(r.balance)).toEqual([0, 91_000]);
    expect(r.payoff[0]).toBe(D0 + 3);
    expect(Number.isNaN(r.payoff[1])).toBe(true);
    expect(Array.from(r.unsafe)).toEqual([0, 0]);
    // Flows per day: 1,000 + 1,500; 2,000 + 3,000; no payment on the zero day; 2,000 + 4,500.
    expect(Array.from(r.days)).toEqual([D0, D0 + 1, D0 + 3]);
    expect(Array.from(r.sums)).toEqual([2_500, 5_000, 6_500]);
    expect(r.big).toBeNull();
  });

  it("runs a term loan's instalments from the pooled sales", () => {
    // Two instalments of 25,000 due on days 1 and 3: 30,000 pooled by day 1 pays the first,
    // 30,000 more by day 3 the second; paid off on day 3.
    const term: WorkerLoan = {
      seller: 0,
      fundedDay: D0 - 1,
      untilDay: D0 + 6,
      terms: { kind: "term", dueDays: Int32Array.from([D0 + 1, D0 + 3]), dueAmounts: Float64Array.from([25_000, 25_000]), chargeCard: false },
    };
    const r = runBatch(batch([term]));
    expect(Array.from(r.paid)).toEqual([50_000]);
    expect(r.balance[0]).toBe(0);
    expect(r.payoff[0]).toBe(D0 + 3);
    expect(Array.from(r.days)).toEqual([D0 + 1, D0 + 3]);
    expect(Array.from(r.sums)).toEqual([25_000, 25_000]);
  });

  it("flags a loan whose weekly sales leave the safe-integer range, and runs the others", () => {
    const huge: IntSeries = { days: Int32Array.from([D0, D0 + 1]), minor: Float64Array.from([MAX - 1, 10]), length: 2, scale: 0 };
    const r = runBatch(batch([loan(5_000, "0.1", 1), loan(5_000, "0.1", 0)], { granularity: "week", series: [series, huge] }));
    expect(Array.from(r.unsafe)).toEqual([1, 0]);
    // The second loan, weekly: the week to Sunday 2024-01-07 (D0 + 5) sells 60,000 → 6,000 → capped at 5,000.
    expect(r.paid[1]).toBe(5_000);
    expect(r.payoff[1]).toBe(D0 + 5);
    expect(Array.from(r.days)).toEqual([D0 + 5]);
  });
});

describe("DayFlows (the batch's daily flows)", () => {
  it("carries a day beyond 2^53 as BigInt, exactly, and merges another batch's export", () => {
    const f = new DayFlows();
    f.add(D0, MAX - 5);
    f.add(D0, 10);
    f.add(D0 + 2000, 3); // far from the first day: the window grows
    const e = f.export();
    expect(Array.from(e.days)).toEqual([D0, D0 + 2000]);
    expect(Array.from(e.sums)).toEqual([0, 3]);
    expect(e.big!.get(D0)).toBe(BigInt(MAX) + 5n);
    const g = new DayFlows();
    g.add(D0 - 500, -7); // before the first day: the window grows down
    g.addAll(e.days, e.sums, e.big);
    const h = g.export();
    expect(Array.from(h.days)).toEqual([D0 - 500, D0, D0 + 2000]);
    expect(Array.from(h.sums)).toEqual([-7, 0, 3]);
    expect(h.big!.get(D0)).toBe(BigInt(MAX) + 5n);
  });
});
