import type { Decimal } from "../_lib/decimal.js";
import type { DateInput, Period } from "../time/types.js";
import { sellersOf } from "./_lib/core.js";
import { parseSurvivalOptions, runFold, survivalFold } from "./_lib/folds.js";
import type { Seller } from "./types.js";

/**
 * The {@link cohortSurvival} function options.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface CohortSurvivalOptions {
  /** Cohort period: `"month"` (default), `"quarter"`, `"year"`, `"week"` or `"day"`. */
  readonly period?: Period | undefined;
  /**
   * Last observed day (inclusive). The column measured at the start of day t (the end of a
   * period) is reported once every day before t has been observed, i.e. when t ≤ asOf + 1 day:
   * with `asOf: "2017-03-31"`, a January cohort is reported at Feb 1, Mar 1 and Apr 1.
   */
  readonly asOf: DateInput;
}

/**
 * Survival of one cohort in {@link cohortSurvival}.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface CohortSurvival {
  /** Cohort period key, as {@link periodKey} (e.g. `"2017-01"`). */
  readonly cohort: string;
  /** Sellers who joined in the period. */
  readonly size: number;
  /** `active[k]`: sellers still active at the start of the k-th period after the cohort period (k = 0 is the cohort period's end). */
  readonly active: readonly number[];
  /** `rate[k] = active[k] / size` (0 for an empty cohort, never NaN). */
  readonly rate: readonly Decimal[];
}

/**
 * Retention (survival) of seller cohorts: of the sellers who joined in a period, how many are
 * still selling 1, 2, 3… periods later.
 *
 * ## Notes
 * A seller is active at an instant t when `joinedOn < t` and it has no `leftOn` or
 * `leftOn ≥ t`. `active[k]` is measured at t = end of the cohort period + k periods, for every
 * t ≤ `asOf` (later columns are not observed yet and are left out, so young cohorts have
 * shorter rows — the usual cohort triangle). Churn must be recorded in `leftOn`
 * ({@link createSeller}); sellers without `leftOn` are active forever.
 *
 * @param sellers - validated sellers with optional `leftOn`; each record counts, so pass one record per seller (ids are not de-duplicated)
 * @param options - the period (default month) and `asOf`
 * @returns one row per cohort with counts and rates
 * @throws {@link ValidationError} on an unknown period, an invalid date or a join date outside the years 0000–9999 that period keys cover (`OUT_OF_RANGE`)
 *
 * @example
 * ```ts
 * import { cohortSurvival, createSeller } from "marketplace-economics";
 * const sellers = [
 *   createSeller({ id: "a", joinedOn: "2017-01-05" }),
 *   createSeller({ id: "b", joinedOn: "2017-01-09", leftOn: "2017-02-10" }),
 *   createSeller({ id: "c", joinedOn: "2017-01-20", leftOn: "2017-03-15" }),
 *   createSeller({ id: "d", joinedOn: "2017-01-25", leftOn: "2017-01-28" }),
 * ];
 * const [jan] = cohortSurvival(sellers, { period: "month", asOf: "2017-04-01" });
 * jan?.active; //=> [3, 2, 1]
 * jan?.rate.map((r) => r.toString()); //=> ["0.75", "0.5", "0.25"]
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function cohortSurvival(sellers: Iterable<Seller>, options: CohortSurvivalOptions): readonly CohortSurvival[] {
  const fn = "cohortSurvival";
  const list = sellersOf(sellers, fn);
  const { p, asOf } = parseSurvivalOptions(options, fn);
  return runFold(list, survivalFold(p, asOf, fn));
}
