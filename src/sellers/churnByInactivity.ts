import { Decimal } from "../_lib/decimal.js";
import { fromEpochDay } from "../_lib/dates.js";
import { deepFreeze } from "../_lib/freeze.js";
import { toInteger, toOptions, toRecord } from "../_lib/validate.js";
import { toActivityState, toAsOfDay } from "./_lib/activity.js";
import { TallyBuilder } from "./_lib/survival.js";
import type { DateInput } from "../time/types.js";
import type { SellerActivity } from "./trackSellerActivity.js";
import type { SurvivalTally } from "./tallySurvival.js";

/**
 * The {@link churnByInactivity} function options.
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface ChurnByInactivityOptions {
  /** A seller has churned after this many consecutive days without a sale (an integer from 1 to 36,500). */
  readonly inactivityDays: number;
  /** Last observed day (default: the last day tracked: the last sale day, or the first day of a later period holding a refund); must not be before it. */
  readonly asOf?: DateInput;
}

/**
 * Result of {@link churnByInactivity}.
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface ChurnByInactivityResult {
  /** Last observed day (00:00Z). */
  readonly asOf: Date;
  /** The inactivity threshold in days. */
  readonly inactivityDays: number;
  /** Sellers with at least one sale on or before `asOf`. */
  readonly sellers: number;
  /** Sellers whose last sale is at least `inactivityDays` days before `asOf`. */
  readonly churned: number;
  /** `sellers − churned`. */
  readonly active: number;
  /** `churned / sellers` (0 when there is no seller). */
  readonly churnRate: Decimal;
  /**
   * Survival observations in days since each seller's first sale: churned sellers have their event
   * at `lastSale + inactivityDays − firstSale`, active ones are censored at `asOf − firstSale`. Pass
   * it to {@link kaplanMeier}.
   */
  readonly survival: SurvivalTally;
}

/**
 * Seller churn defined by inactivity: a seller has churned once `inactivityDays` consecutive days
 * have passed without a sale, computed from a sales log (no leave date needed).
 *
 * ## Notes
 * For a seller with first sale day F and last sale day L (sales with a positive amount), and the
 * last observed day A: churned ⇔ A − L ≥ N (N = `inactivityDays`). The churn day is L + N (the day
 * the seller is known to have churned), so the lifetime is L + N − F days; a seller still active is
 * right-censored at A − F, which is before its churn day if it ever churns — censoring is
 * consistent with the definition. A gap of N days or more followed by a new sale is treated as one
 * continuing life (the seller came back): only the silence up to `asOf` counts. Sellers with no
 * positive sale are left out.
 *
 * @param activity - a {@link SellerActivity} (or its JSON form) from {@link trackSellerActivity}
 * @param options - `inactivityDays` and `asOf`
 * @returns counts, churn rate and the survival tally of the sellers
 * @throws {@link ValidationError} when `inactivityDays` is not an integer from 1 to 36,500, `asOf` is invalid or before the last sale tracked
 * @throws {@link ValidationTypeError} when `activity` is not a seller activity or an option has the wrong type
 *
 * @example
 * ```ts
 * import { churnByInactivity, kaplanMeier, money, trackSellerActivity } from "marketplace-economics";
 * const sale = (sellerId: string, date: string) => ({ sellerId, date, amount: money("10", "USD") });
 * const activity = trackSellerActivity([sale("a", "2024-01-01"), sale("a", "2024-01-20"), sale("b", "2024-01-05"), sale("b", "2024-03-30"), sale("c", "2024-02-01")]);
 * const churn = churnByInactivity(activity, { inactivityDays: 30, asOf: "2024-03-31" });
 * churn.churned; //=> 2
 * churn.survival.times; //=> [30, 49, 86]
 * kaplanMeier(churn.survival).rows.map((r) => r.survival.toFixed(4)); //=> ["0.6667", "0.3333", "0.3333"]
 * ```
 *
 * @category Sellers
 * @since 0.2.0
 */
export function churnByInactivity(activity: SellerActivity, options: ChurnByInactivityOptions): ChurnByInactivityResult {
  const fn = "churnByInactivity";
  const state = toActivityState(activity, fn, "activity");
  const o = toOptions(toRecord(options, fn, "options"), fn, "options", ["inactivityDays", "asOf"]);
  const n = toInteger(o["inactivityDays"], fn, "options.inactivityDays", 1, 36_500);
  const asOf = toAsOfDay(state, o["asOf"], fn, "options.asOf", false) ?? 0;
  const b = new TallyBuilder();
  let sellers = 0;
  let churned = 0;
  for (const s of state.sellers.values()) {
    if (!Number.isFinite(s.first)) continue;
    sellers += 1;
    if (asOf - s.last >= n) {
      churned += 1;
      b.add(s.last + n - s.first, 1, 0, fn, "activity");
    } else b.add(asOf - s.first, 0, 1, fn, "activity");
  }
  return deepFreeze({
    asOf: fromEpochDay(asOf),
    inactivityDays: n,
    sellers,
    churned,
    active: sellers - churned,
    churnRate: sellers === 0 ? new Decimal(0) : new Decimal(churned).div(sellers),
    survival: b.finish(),
  });
}
