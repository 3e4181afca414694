import { rangeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import { addTakeRateResult, checkConsistent, takeRateResult, type TakeRateState } from "./_lib/takeRate.js";
import type { TakeRateResult } from "./takeRateBySegment.js";

/**
 * Merge take-rate results of shards of a sales log: per segment the sales, units, GMV and fees are
 * added (exact minor units) and the take rates recomputed, so the merge is associative,
 * commutative and equal to the result on the whole log. JSON forms are accepted (re-validated:
 * a result whose derived fields — net, take rate, total row — disagree with its amounts is rejected).
 *
 * @param results - one or more {@link TakeRateResult}s in one currency
 * @returns the combined frozen {@link TakeRateResult}
 * @throws {@link ValidationError} when no result is given (`EMPTY_INPUT`) or a result is malformed
 * @throws {@link ValidationTypeError} when an argument is not a take-rate result
 * @throws {@link CurrencyMismatchError} when results have different currencies
 *
 * @example
 * ```ts
 * import { ILLUSTRATIVE_FEE_SCHEDULE, mergeTakeRates, money, takeRateBySegment } from "marketplace-economics";
 * const a = takeRateBySegment(ILLUSTRATIVE_FEE_SCHEDULE, [{ category: "home", amount: money("100.00", "USD") }]);
 * const b = takeRateBySegment(ILLUSTRATIVE_FEE_SCHEDULE, [{ category: "home", amount: money("20.00", "USD") }]);
 * mergeTakeRates(a, JSON.parse(JSON.stringify(b))).total.takeRate?.toFixed(4); //=> "0.1665"
 * ```
 *
 * @category Fees
 * @since 0.2.0
 */
export function mergeTakeRates(...results: readonly TakeRateResult[]): TakeRateResult {
  const fn = "mergeTakeRates";
  if (results.length === 0) rangeError(fn, "results", ErrorCode.EMPTY_INPUT, "must not be empty", results, "at least one take-rate result");
  let st: TakeRateState | undefined;
  results.forEach((r, i) => {
    checkConsistent(r, takeRateResult(addTakeRateResult(undefined, r, fn, `results[${i}]`)), fn, `results[${i}]`);
    st = addTakeRateResult(st, r, fn, `results[${i}]`);
  });
  return takeRateResult(st as TakeRateState);
}
