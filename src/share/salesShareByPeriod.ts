import { toSaleDate } from "../_lib/dates.js";
import { addSaleUnchecked, parseShareOptions, ShareAccumulatorImpl } from "./_lib/accumulator.js";
import { finalizeAccumulator } from "./_lib/finalize.js";
import { checkPeriodCount, periodAdd, periodLabel, periodStart, periodsBetween, toPeriod } from "../_lib/periods.js";
import { segmentFor } from "./_lib/segment.js";
import { toMoney } from "../_lib/money.js";
import { toArray, toFunction, typeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { Period } from "../time/types.js";
import type { Sale, SalesShareOptions, SalesShareResult } from "./types.js";

/**
 * The {@link salesShareByPeriod} function options: those of {@link salesShare} plus the period.
 *
 * @category Share
 * @since 0.1.0
 */
export interface SalesShareByPeriodOptions<S extends string = string> extends SalesShareOptions<S> {
  /** Calendar period, in UTC: `"day"`, `"week"` (ISO, Monday), `"month"`, `"quarter"` or `"year"`. */
  readonly period: Period;
}

/**
 * One period of {@link salesShareByPeriod}.
 *
 * @category Share
 * @since 0.1.0
 */
export interface PeriodShare<S extends string = string> {
  /** Period key, as {@link periodKey}: `"2017"`, `"2017-Q1"`, `"2017-03"`, `"2017-W09"` or `"2017-03-01"` (4-digit years: `"0999-03"`). */
  readonly period: string;
  /** First UTC day of the period. */
  readonly start: Date;
  /** First UTC day after the period (exclusive end). */
  readonly end: Date;
  /** Shares within the period. */
  readonly share: SalesShareResult<S>;
}

/**
 * Sales share per calendar period (month, quarter, year...), in UTC.
 *
 * Every period from the first sale's to the last sale's is listed, in order; a period without
 * sales is present with zero totals and zero shares, so year-over-year comparisons line up. All
 * periods share one currency (`options.currency`, else the first sale's). Empty input gives `[]`.
 *
 * @param sales - the sales
 * @param segmentOf - maps a sale to its segment name
 * @param options - the period, plus every {@link salesShare} option
 * @returns one entry per period, ascending
 * @throws {ValidationError} on an unknown period, an invalid date, a sale dated outside the years 0000–9999 that period keys cover (`OUT_OF_RANGE`) or any {@link salesShare} error
 * @throws {CurrencyMismatchError} on mixed currencies without a converter
 *
 * @example
 * ```ts
 * import { money, salesShareByPeriod } from "marketplace-economics";
 * const sale = (id: string, day: string, usd: string) => ({ sellerId: id, date: day, amount: money(usd, "USD") });
 * const sales = [sale("smb", "2016-05-01", "40"), sale("big", "2016-07-01", "60"), sale("smb", "2017-02-01", "50"), sale("big", "2017-03-01", "50")];
 * const rows = salesShareByPeriod(sales, (s) => s.sellerId, { period: "year", precision: 2 });
 * rows.map((r) => [r.period, r.share.bySegment["smb"]?.gmvShare.toFixed(2)]); //=> [["2016", "0.40"], ["2017", "0.50"]]
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function salesShareByPeriod<S extends string, T extends Sale = Sale>(
  sales: readonly T[],
  segmentOf: (sale: T, index: number) => S,
  options: SalesShareByPeriodOptions<NoInfer<S>>,
): readonly PeriodShare<S>[] {
  const fn = "salesShareByPeriod";
  const list = toArray<Sale>(sales, fn, "sales");
  const seg = toFunction<(sale: Sale, index: number) => S>(segmentOf, fn, "segmentOf");
  const o = parseShareOptions(options, fn, ["period"]);
  const period: Period = toPeriod(o.period, fn, "options.period");
  let currency = o.currency;
  if (currency === undefined && list.length > 0) {
    const first = list[0] as Sale;
    if (typeof first !== "object" || first === null) typeError(fn, "sales[0]", ErrorCode.INVALID_TYPE, "must be a sale", first, "an object { sellerId, date, amount, units? }");
    currency = toMoney(first.amount, fn, "sales[0].amount").currency;
  }
  const accs = new Map<number, ShareAccumulatorImpl>();
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < list.length; i++) {
    const sale = list[i] as Sale;
    const date = toSaleDate((sale as { date?: unknown } | null)?.date, fn, `sales[${i}].date`);
    const start = periodStart(date, period).getTime();
    let acc = accs.get(start);
    if (acc === undefined) {
      acc = new ShareAccumulatorImpl(currency, o.precision, o.refunds, o.declared, o.convert);
      accs.set(start, acc);
    }
    if (start < min) min = start;
    if (start > max) max = start;
    addSaleUnchecked(acc, sale, segmentFor(seg, sale, i, fn, "sales"), fn, "sales", i);
  }
  if (accs.size === 0) return Object.freeze([]);
  const first = new Date(min);
  const n = periodsBetween(first, new Date(max), period);
  checkPeriodCount(n + 1, period, fn, "sales", new Date(max));
  const out: PeriodShare<S>[] = [];
  for (let k = 0; k <= n; k++) {
    const start = periodAdd(first, k, period);
    const acc = accs.get(start.getTime()) ?? new ShareAccumulatorImpl(currency, o.precision, o.refunds, o.declared, o.convert);
    out.push(Object.freeze({ period: periodLabel(start, period, fn, "sales"), start, end: periodAdd(first, k + 1, period), share: finalizeAccumulator<S>(acc, fn) }));
  }
  return Object.freeze(out);
}
