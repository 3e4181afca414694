import { ActivityState, handleOf, mergeInto, toActivityState } from "./_lib/activity.js";
import { rangeError } from "../_lib/validate.js";
import { CurrencyMismatchError, ErrorCode } from "../errors.js";
import type { SellerActivity } from "./trackSellerActivity.js";

/**
 * Merge seller-activity states of shards of a sales log into one, without changing the inputs.
 *
 * Per seller the first sale day is the minimum, the last the maximum, GMV and sale counts per
 * period are added (exactly: integer minor units or exact decimals). The merge is associative and
 * commutative, so shards split by seller, by time or at random combine in any order to the state
 * of the whole log. A state's JSON form (`JSON.parse(JSON.stringify(activity))`) is accepted.
 *
 * @param activities - one or more states (or their JSON forms) with the same period; a state without sales merges with any currency
 * @returns a new frozen {@link SellerActivity}
 * @throws {@link ValidationError} when no state is given (`EMPTY_INPUT`), periods differ, or a JSON form is malformed
 * @throws {@link ValidationTypeError} when an argument is not a seller activity
 * @throws {@link CurrencyMismatchError} when two states have different currencies
 *
 * @example
 * ```ts
 * import { mergeSellerActivity, money, trackSellerActivity } from "marketplace-economics";
 * const east = trackSellerActivity([{ sellerId: "a", date: "2024-01-03", amount: money("10", "USD") }]);
 * const west = trackSellerActivity([{ sellerId: "a", date: "2024-03-09", amount: money("5", "USD") }, { sellerId: "b", date: "2024-02-01", amount: money("7", "USD") }]);
 * const all = mergeSellerActivity(east, JSON.parse(JSON.stringify(west)));
 * all.sellers; //=> 2
 * all.records; //=> 3
 * ```
 *
 * @category Sellers
 * @since 0.2.0
 */
export function mergeSellerActivity(...activities: readonly SellerActivity[]): SellerActivity {
  const fn = "mergeSellerActivity";
  if (activities.length === 0) rangeError(fn, "activities", ErrorCode.EMPTY_INPUT, "must not be empty", activities, "at least one seller activity");
  const parts = activities.map((a, i) => toActivityState(a, fn, `activities[${i}]`));
  const first = parts[0] as ActivityState;
  let currency: string | undefined;
  parts.forEach((p, i) => {
    if (p.period !== first.period) rangeError(fn, `activities[${i}].period`, ErrorCode.CONFLICTING_OPTIONS, "must equal the first state's period", p.period, JSON.stringify(first.period));
    if (p.currency !== undefined) {
      if (currency === undefined) currency = p.currency;
      else if (currency !== p.currency) throw new CurrencyMismatchError(fn, currency, p.currency);
    }
  });
  const out = new ActivityState(first.period, currency);
  parts.forEach((p, i) => mergeInto(out, p, fn, `activities[${i}]`));
  return handleOf(out) as SellerActivity;
}
