import { Decimal, exactPlus, exactTimes } from "../_lib/decimal.js";
import { deepFreeze } from "../_lib/freeze.js";
import { makeMoney, roundDecimalToMinor } from "../_lib/money.js";
import { rangeError, toDecimalInRange, toInteger, toOptions, toRecord } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import { cohortTable, toActivityState, toAsOfDay } from "./_lib/activity.js";
import type { Money } from "../money/types.js";
import type { DateInput, Period } from "../time/types.js";
import type { SellerActivity } from "./trackSellerActivity.js";

/**
 * The {@link sellerLifetimeValue} function options.
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface SellerLifetimeValueOptions {
  /** Horizon in periods of the activity (an integer from 1 to 1,200): the value of a seller's first `horizon` periods. */
  readonly horizon: number;
  /** Share of GMV the marketplace keeps (its take rate, 0 to 1; default 1 = the value in GMV). */
  readonly takeRate?: Decimal | string | number;
  /** Discount rate per period (≥ 0, below 10; default 0): period k is discounted by (1 + rate)^k. */
  readonly discountRate?: Decimal | string | number;
  /** Last observed day (default: the last day tracked: the last sale day, or the first day of a later period holding a refund). */
  readonly asOf?: DateInput;
}

/**
 * Result of {@link sellerLifetimeValue}.
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface SellerLifetimeValueResult {
  /** The method, always `"cohort-historical"` (see the function notes). */
  readonly method: "cohort-historical";
  /** Period of the horizon. */
  readonly period: Period;
  /** Horizon in periods. */
  readonly horizon: number;
  /** Take rate applied. */
  readonly takeRate: Decimal;
  /** Discount rate per period applied. */
  readonly discountRate: Decimal;
  /** Cohorts observed for the whole horizon (the ones used). */
  readonly cohorts: number;
  /** Sellers in those cohorts. */
  readonly sellers: number;
  /** Value per acquired seller over the horizon, rounded half-even to the minor unit. */
  readonly value: Money;
  /** `curve[k]`: cumulative value per seller after k + 1 periods (rounded half-even); `curve[horizon − 1]` is `value`. */
  readonly curve: readonly Money[];
}

/**
 * Seller lifetime value, historical cohort method: what an acquired seller has brought over its
 * first `horizon` periods, averaged over every cohort observed that long.
 *
 * ## Notes
 * Method `"cohort-historical"`: take the cohorts (by first-sale period, as
 * {@link cohortGmvRetention}) whose first `horizon` periods are all observed (the cohort period
 * plus horizon − 1 periods end by the period of `asOf`; the period containing `asOf` counts as
 * observed). Then
 * LTV(H) = takeRate × Σ_c Σ_{k<H} GMV_c(k) / (1 + d)^k ÷ Σ_c sellers_c —
 * a seller-weighted average, so churned sellers count with what they brought (zero after they
 * leave). It is a historical estimate: no extrapolation beyond the horizon and no model of
 * future churn (a probabilistic BG/NBD + Gamma-Gamma model is not provided). With `d = 0` the
 * sums are exact and only the final division is rounded.
 *
 * The formula is this library's definition of a historical cohort average (a discounted sum of
 * the take on GMV per acquired seller); no published worked example is reproduced by the tests,
 * which check it against hand-computed cohorts.
 *
 * @param activity - a {@link SellerActivity} (or its JSON form)
 * @param options - horizon, take rate, discount rate, asOf
 * @returns the frozen estimate with its cumulative curve
 * @throws {@link ValidationError} when an option is out of range, or no cohort is observed for the whole horizon (`EMPTY_INPUT`)
 * @throws {@link ValidationTypeError} when `activity` is not a seller activity or an option has the wrong type
 *
 * @example
 * ```ts
 * import { money, sellerLifetimeValue, trackSellerActivity } from "marketplace-economics";
 * const sale = (sellerId: string, date: string, usd: string) => ({ sellerId, date, amount: money(usd, "USD") });
 * const activity = trackSellerActivity([sale("a", "2024-01-03", "100"), sale("b", "2024-01-09", "100"), sale("a", "2024-02-02", "150"), sale("c", "2024-02-14", "40")]);
 * const ltv = sellerLifetimeValue(activity, { horizon: 2, takeRate: "0.15" });
 * ltv.value.amount.toString(); //=> "26.25"
 * ltv.curve.map((m) => m.amount.toString()); //=> ["15", "26.25"]
 * ltv.cohorts; //=> 1
 * ```
 *
 * @category Sellers
 * @since 0.2.0
 */
export function sellerLifetimeValue(activity: SellerActivity, options: SellerLifetimeValueOptions): SellerLifetimeValueResult {
  const fn = "sellerLifetimeValue";
  const state = toActivityState(activity, fn, "activity");
  const o = toOptions(toRecord(options, fn, "options"), fn, "options", ["horizon", "takeRate", "discountRate", "asOf"]);
  const horizon = toInteger(o["horizon"], fn, "options.horizon", 1, 1200);
  const takeRate = o["takeRate"] === undefined ? new Decimal(1) : toDecimalInRange(o["takeRate"], fn, "options.takeRate", 0, 1);
  const discountRate = o["discountRate"] === undefined ? new Decimal(0) : toDecimalInRange(o["discountRate"], fn, "options.discountRate", 0, 10, { upperOpen: true });
  const asOf = toAsOfDay(state, o["asOf"], fn, "options.asOf", false);
  const rows = (asOf === undefined ? [] : cohortTable(state, asOf, fn)).filter((r) => r.gmv.length >= horizon);
  if (rows.length === 0) {
    rangeError(fn, "options.horizon", ErrorCode.EMPTY_INPUT, `leaves no cohort observed for ${horizon} periods`, horizon, "a horizon no longer than the oldest cohort's observed periods");
  }
  const currency = state.currency as string;
  let sellers = 0;
  const sums = Array.from({ length: horizon }, () => new Decimal(0));
  for (const r of rows) {
    sellers += r.sellers;
    for (let k = 0; k < horizon; k++) sums[k] = exactPlus(sums[k] as Decimal, r.gmv[k] as Decimal);
  }
  const curve: Money[] = [];
  let cum = new Decimal(0);
  for (let k = 0; k < horizon; k++) {
    const factor = discountRate.isZero() ? new Decimal(1) : discountRate.plus(1).pow(k);
    cum = discountRate.isZero() ? exactPlus(cum, sums[k] as Decimal) : cum.plus((sums[k] as Decimal).div(factor));
    curve.push(makeMoney(roundDecimalToMinor(exactTimes(cum, takeRate).div(sellers), currency, Decimal.ROUND_HALF_EVEN), currency));
  }
  return deepFreeze({ method: "cohort-historical" as const, period: state.period, horizon, takeRate, discountRate, cohorts: rows.length, sellers, value: curve[horizon - 1] as Money, curve });
}
