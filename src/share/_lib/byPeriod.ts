/**
 * Internal: the one-pass fold of salesShareByPeriod and salesShareByPeriodAsync (#13): one share
 * accumulator per period met, fed one sale at a time; every period from the first to the last
 * (empty ones included) at the end.
 */
import { toSaleDate } from "../../_lib/dates.js";
import { toMoney } from "../../_lib/money.js";
import { checkPeriodCount, periodAdd, periodLabel, periodStart, periodsBetween, toPeriod } from "../../_lib/periods.js";
import { typeError } from "../../_lib/validate.js";
import { ErrorCode } from "../../errors.js";
import type { Period } from "../../time/types.js";
import type { PeriodShare } from "../salesShareByPeriod.js";
import type { Sale } from "../types.js";
import { addSaleUnchecked, parseShareOptions, ShareAccumulatorImpl } from "./accumulator.js";
import { finalizeAccumulator } from "./finalize.js";
import { segmentFor } from "./segment.js";

export class PeriodShares<S extends string> {
  private readonly o: ReturnType<typeof parseShareOptions>;
  private readonly period: Period;
  private currency: string | undefined;
  private readonly accs = new Map<number, ShareAccumulatorImpl>();
  private min = Infinity;
  private max = -Infinity;
  private i = 0;

  constructor(
    options: unknown,
    private readonly seg: (sale: Sale, index: number) => S,
    private readonly fn: string,
  ) {
    this.o = parseShareOptions(options, fn, ["period"]);
    this.period = toPeriod(this.o.period, fn, "options.period");
    this.currency = this.o.currency;
  }

  private fresh(): ShareAccumulatorImpl {
    const o = this.o;
    return new ShareAccumulatorImpl(this.currency, o.precision, o.refunds, o.declared, o.convert);
  }

  add(sale: Sale): void {
    const { fn } = this;
    const i = this.i;
    if (i === 0 && this.currency === undefined) {
      // The first sale fixes the currency of every period's accumulator.
      if (typeof sale !== "object" || sale === null) typeError(fn, "sales[0]", ErrorCode.INVALID_TYPE, "must be a sale", sale, "an object { sellerId, date, amount, units? }");
      this.currency = toMoney(sale.amount, fn, "sales[0].amount").currency;
    }
    const date = toSaleDate((sale as { date?: unknown } | null)?.date, fn, `sales[${i}].date`);
    const start = periodStart(date, this.period).getTime();
    let acc = this.accs.get(start);
    if (acc === undefined) {
      acc = this.fresh();
      this.accs.set(start, acc);
    }
    if (start < this.min) this.min = start;
    if (start > this.max) this.max = start;
    addSaleUnchecked(acc, sale, segmentFor(this.seg, sale, i, fn, "sales"), fn, "sales", i);
    this.i = i + 1;
  }

  finish(): readonly PeriodShare<S>[] {
    const { fn, period } = this;
    if (this.accs.size === 0) return Object.freeze([]);
    const first = new Date(this.min);
    const n = periodsBetween(first, new Date(this.max), period);
    checkPeriodCount(n + 1, period, fn, "sales", new Date(this.max));
    const out: PeriodShare<S>[] = [];
    for (let k = 0; k <= n; k++) {
      const start = periodAdd(first, k, period);
      const acc = this.accs.get(start.getTime()) ?? this.fresh();
      out.push(Object.freeze({ period: periodLabel(start, period, fn, "sales"), start, end: periodAdd(first, k + 1, period), share: finalizeAccumulator<S>(acc, fn) }));
    }
    return Object.freeze(out);
  }
}
