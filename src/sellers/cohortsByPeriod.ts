import { toPeriod } from "../_lib/periods.js";
import type { Period } from "../time/types.js";
import { sellersOf } from "./_lib/core.js";
import { cohortsFold, runFold } from "./_lib/folds.js";
import type { Seller } from "./types.js";

/**
 * One cohort of {@link cohortsByPeriod}.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface SellerCohort {
  /** Period key, as {@link periodKey}: `"2017"`, `"2017-Q3"`, `"2017-07"`, `"2017-W27"` or `"2017-07-03"` (4-digit years: `"0999-07"`). */
  readonly cohort: string;
  /** First UTC day of the period. */
  readonly start: Date;
  /** First UTC day after the period. */
  readonly end: Date;
  /** Number of sellers who joined in the period. */
  readonly size: number;
  /** Their ids, in input order. */
  readonly sellerIds: readonly string[];
}

/**
 * Group sellers into cohorts by the calendar period (UTC) in which they joined.
 *
 * Every period from the earliest to the latest join is listed in order, including empty ones
 * (size 0), so a cohort chart has no silent gaps. An empty list gives `[]`.
 *
 * ## Streaming
 * `sellers` may be an array or any `Iterable` (e.g. a generator), read once and never copied;
 * each seller is validated as it is read (an array is validated in full first, as before).
 * Memory: the result lists every seller's id (`sellerIds`), so it is O(sellers) ids — but the
 * seller records themselves are not kept.
 *
 * @param sellers - validated sellers, an array or any iterable; each record counts, so pass one record
 *   per seller (unlike {@link countNewSellers}, ids are not de-duplicated)
 * @param period - `"day"`, `"week"` (ISO, Monday), `"month"`, `"quarter"` or `"year"`
 * @returns the cohorts, ascending
 * @throws {@link ValidationError} on an unknown period, an invalid join date or a join date outside the years 0000–9999 that period keys cover (`OUT_OF_RANGE`)
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, cohortsByPeriod, createSeller } from "marketplace-economics";
 * const sellers = ["2017-01-10", "2017-01-20", "2017-03-05"].map((d, i) => createSeller({ id: `s${i}`, joinedOn: d }));
 * cohortsByPeriod(sellers, "month").map((c) => [c.cohort, c.size]); //=> [["2017-01", 2], ["2017-02", 0], ["2017-03", 1]]
 * // a generator: one seller joins every day of 2017
 * function* daily() {
 *   for (let i = 0; i < 365; i++) yield createSeller({ id: `d${i}`, joinedOn: addPeriods(calendarDay(2017, 1, 1), i, "day") });
 * }
 * cohortsByPeriod(daily(), "quarter").map((c) => c.size); //=> [90, 91, 92, 92]
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function cohortsByPeriod(sellers: Iterable<Seller>, period: Period): readonly SellerCohort[] {
  const fn = "cohortsByPeriod";
  const list = sellersOf(sellers, fn);
  const p = toPeriod(period, fn);
  return runFold(list, cohortsFold(p, fn));
}
