import { PeriodShares } from "./_lib/byPeriod.js";
import { toSyncIterable } from "../_lib/iterate.js";
import { toFunction } from "../_lib/validate.js";
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
 * @param sales - the sales: an array or any sync iterable, read once (an `AsyncIterable`: {@link salesShareByPeriodAsync})
 * @param segmentOf - maps a sale to its segment name
 * @param options - the period, plus every {@link salesShare} option
 * @returns one entry per period, ascending
 * @throws {@link ValidationError} on an unknown period, an invalid date, a sale dated outside the years 0000–9999 that period keys cover (`OUT_OF_RANGE`) or any {@link salesShare} error
 * @throws {@link CurrencyMismatchError} on mixed currencies without a converter
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
  sales: Iterable<T>,
  segmentOf: (sale: T, index: number) => S,
  options: SalesShareByPeriodOptions<NoInfer<S>>,
): readonly PeriodShare<S>[] {
  const fn = "salesShareByPeriod";
  const list = toSyncIterable<Sale>(sales, fn, "sales", "sales");
  const seg = toFunction<(sale: Sale, index: number) => S>(segmentOf, fn, "segmentOf");
  const acc = new PeriodShares<S>(options, seg, fn);
  for (const sale of list) acc.add(sale);
  return acc.finish();
}
