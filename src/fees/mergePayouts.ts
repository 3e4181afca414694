import { rangeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import { addPayoutResult, payoutResult } from "./_lib/payouts.js";
import { checkConsistent } from "./_lib/takeRate.js";
import type { PayoutResult } from "./payoutSchedule.js";

/**
 * Merge payout results of shards of a sales log (computed with the same rules and `asOf`): payouts
 * on the same day are added and the summaries summed, exactly, in any order. JSON forms are
 * accepted (re-validated: a result whose `paid` or `netProceeds` disagrees with its payouts and
 * amounts, or whose payouts are not in ascending date order, is rejected).
 *
 * @param results - one or more {@link PayoutResult}s in one currency with the same `asOf`
 * @returns the combined frozen {@link PayoutResult}
 * @throws {@link ValidationError} when no result is given (`EMPTY_INPUT`), `asOf` differs (`CONFLICTING_OPTIONS`) or a result is malformed
 * @throws {@link ValidationTypeError} when an argument is not a payout result
 * @throws {@link CurrencyMismatchError} when results have different currencies
 *
 * @example
 * ```ts
 * import { ILLUSTRATIVE_FEE_SCHEDULE, mergePayouts, money, payoutSchedule } from "marketplace-economics";
 * const a = payoutSchedule(ILLUSTRATIVE_FEE_SCHEDULE, [{ category: "home", amount: money("100.00", "USD"), date: "2024-03-01" }]);
 * const b = payoutSchedule(ILLUSTRATIVE_FEE_SCHEDULE, [{ category: "home", amount: money("20.00", "USD"), date: "2024-03-01" }]);
 * mergePayouts(a, JSON.parse(JSON.stringify(b))).payouts[0]?.amount.amount.toString(); //=> "100.02"
 * ```
 *
 * @category Fees
 * @since 0.2.0
 */
export function mergePayouts(...results: readonly PayoutResult[]): PayoutResult {
  const fn = "mergePayouts";
  if (results.length === 0) rangeError(fn, "results", ErrorCode.EMPTY_INPUT, "must not be empty", results, "at least one payout result");
  let acc: ReturnType<typeof addPayoutResult> | undefined;
  results.forEach((r, i) => {
    const one = addPayoutResult(undefined, r, fn, `results[${i}]`);
    checkConsistent(r, payoutResult(one.st, one.currency, one.asOf), fn, `results[${i}]`);
    acc = addPayoutResult(acc, r, fn, `results[${i}]`);
  });
  const a = acc as ReturnType<typeof addPayoutResult>;
  return payoutResult(a.st, a.currency, a.asOf);
}
