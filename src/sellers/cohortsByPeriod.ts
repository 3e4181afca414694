import { addPeriodsUtc, periodKeyUtc, periodsBetween, startOfPeriodUtc, toPeriod } from "../_internal/share-periods.js";
import { toSellers } from "../_internal/sellers-core.js";
import type { Seller } from "./types.js";

/**
 * One cohort of {@link cohortsByPeriod}.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface SellerCohort {
  /** Period key: `"2017"`, `"2017-Q3"`, `"2017-07"`, `"2017-W27"` or `"2017-07-03"`. */
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
 * @param sellers - validated sellers
 * @param period - `"day"`, `"week"` (ISO, Monday), `"month"`, `"quarter"` or `"year"`
 * @returns the cohorts, ascending
 * @throws {ValidationError} on an unknown period or an invalid join date
 *
 * @example
 * ```ts
 * import { cohortsByPeriod, createSeller } from "marketplace-economics";
 * const sellers = ["2017-01-10", "2017-01-20", "2017-03-05"].map((d, i) => createSeller({ id: `s${i}`, joinedOn: d }));
 * cohortsByPeriod(sellers, "month").map((c) => [c.cohort, c.size]); //=> [["2017-01", 2], ["2017-02", 0], ["2017-03", 1]]
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function cohortsByPeriod(sellers: readonly Seller[], period: "day" | "week" | "month" | "quarter" | "year"): readonly SellerCohort[] {
  const fn = "cohortsByPeriod";
  const list = toSellers(sellers, fn);
  const p = toPeriod(period, fn);
  if (list.length === 0) return Object.freeze([]);
  const groups = new Map<number, string[]>();
  let min = Infinity;
  let max = -Infinity;
  for (const s of list) {
    const start = startOfPeriodUtc(s.joinedOn, p).getTime();
    const g = groups.get(start);
    if (g) g.push(s.id);
    else groups.set(start, [s.id]);
    if (start < min) min = start;
    if (start > max) max = start;
  }
  const first = new Date(min);
  const n = periodsBetween(first, new Date(max), p);
  const out: SellerCohort[] = [];
  for (let k = 0; k <= n; k++) {
    const start = addPeriodsUtc(first, p, k);
    const ids = groups.get(start.getTime()) ?? [];
    out.push(Object.freeze({ cohort: periodKeyUtc(start, p), start, end: addPeriodsUtc(first, p, k + 1), size: ids.length, sellerIds: Object.freeze(ids) }));
  }
  return Object.freeze(out);
}
