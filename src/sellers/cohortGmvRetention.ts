import { Decimal } from "../_lib/decimal.js";
import { deepFreeze } from "../_lib/freeze.js";
import { makeMoney } from "../_lib/money.js";
import { toOptions } from "../_lib/validate.js";
import { cohortTable, toActivityState, toAsOfDay } from "./_lib/activity.js";
import type { Money } from "../money/types.js";
import type { DateInput, Period } from "../time/types.js";
import type { SellerActivity } from "./trackSellerActivity.js";

/**
 * The {@link cohortGmvRetention} function options.
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface CohortGmvRetentionOptions {
  /** Last observed day (default: the last day tracked: the last sale day, or the first day of a later period holding a refund); not before it. Columns run to the period containing it. */
  readonly asOf?: DateInput;
}

/**
 * One cohort (row) of a {@link CohortGmvRetentionResult}.
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface CohortGmvRow {
  /** Cohort period key (`"2024-01"`, `"2024-Q1"`, ...): the period of the sellers' first sale. */
  readonly cohort: string;
  /** First day of the cohort period (00:00Z). */
  readonly start: Date;
  /** Sellers whose first sale fell in the cohort period. */
  readonly sellers: number;
  /** `gmv[k]`: exact GMV (sales minus refunds) of the cohort's sellers in the k-th period after the cohort period (k = 0 is the cohort period). */
  readonly gmv: readonly Money[];
  /** `activeSellers[k]`: sellers of the cohort with at least one sale in period k. */
  readonly activeSellers: readonly number[];
  /** `gmvRetention[k] = gmv[k] / gmv[0]` (20 significant digits), or `null` when `gmv[0]` is not positive. */
  readonly gmvRetention: readonly (Decimal | null)[];
}

/**
 * Result of {@link cohortGmvRetention}.
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface CohortGmvRetentionResult {
  /** Period of the cohorts and columns. */
  readonly period: Period;
  /** Currency of the amounts (`undefined` when there was no sale). */
  readonly currency: string | undefined;
  /** One row per cohort period that has sellers, ascending; each row has one column per period from the cohort period to the period of `asOf`. */
  readonly cohorts: readonly CohortGmvRow[];
}

/**
 * Cohort GMV retention triangle: for the sellers who made their first sale in a period, their GMV
 * in each later period, the number still selling, and GMV relative to the first period (net
 * revenue retention of the cohort).
 *
 * ## Notes
 * Cohort = period of the seller's first sale (a record with a positive amount). Column k = the k-th
 * period after the cohort period, up to the period containing `asOf` (young cohorts have shorter
 * rows: the triangle). Amounts are exact sums; `gmvRetention[k] = gmv[k] / gmv[0]` is rounded to
 * 20 significant digits and `null` when `gmv[0] ≤ 0`. A refund recorded before a seller's first
 * sale is counted in column 0.
 *
 * @param activity - a {@link SellerActivity} (or its JSON form) from {@link trackSellerActivity}; its period is the cohort period
 * @param options - `asOf`
 * @returns the frozen triangle
 * @throws {@link ValidationError} when `asOf` is invalid or before the last sale tracked, or the table would exceed 100,000 periods or 10,000,000 cells
 * @throws {@link ValidationTypeError} when `activity` is not a seller activity
 *
 * @example
 * ```ts
 * import { cohortGmvRetention, money, trackSellerActivity } from "marketplace-economics";
 * const sale = (sellerId: string, date: string, usd: string) => ({ sellerId, date, amount: money(usd, "USD") });
 * const activity = trackSellerActivity([sale("a", "2024-01-03", "100"), sale("b", "2024-01-09", "100"), sale("a", "2024-02-02", "150"), sale("c", "2024-02-14", "40")]);
 * const [jan, feb] = cohortGmvRetention(activity).cohorts;
 * jan?.gmv.map((m) => m.amount.toString()); //=> ["200", "150"]
 * jan?.activeSellers; //=> [2, 1]
 * jan?.gmvRetention.map((r) => r?.toString()); //=> ["1", "0.75"]
 * feb?.sellers; //=> 1
 * ```
 *
 * @category Sellers
 * @since 0.2.0
 */
export function cohortGmvRetention(activity: SellerActivity, options?: CohortGmvRetentionOptions): CohortGmvRetentionResult {
  const fn = "cohortGmvRetention";
  const state = toActivityState(activity, fn, "activity");
  const o = toOptions(options, fn, "options", ["asOf"]);
  const asOf = toAsOfDay(state, o["asOf"], fn, "options.asOf", false);
  const rows = asOf === undefined ? [] : cohortTable(state, asOf, fn);
  const currency = state.currency;
  const cohorts = rows.map((r) => {
    const g0 = r.gmv[0] as Decimal;
    return {
      cohort: r.label,
      start: r.start,
      sellers: r.sellers,
      gmv: r.gmv.map((g) => makeMoney(g, currency as string)),
      activeSellers: r.active,
      gmvRetention: r.gmv.map((g) => (g0.greaterThan(0) ? new Decimal(g).div(g0) : null)),
    };
  });
  return deepFreeze({ period: state.period, currency, cohorts });
}
