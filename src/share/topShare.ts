import { Decimal, exactSum } from "../_lib/decimal.js";
import { toNonNegativeValues } from "./_lib/values.js";
import { rangeError, toInteger } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { AmountInput } from "../money/types.js";

/**
 * Share of the total held by the `k` largest values (the concentration ratio CR_k).
 *
 * ## Notes
 * CR_k = Σ of the k largest / Σ all. `k = 0` gives 0; `k ≥ n` gives 1. An empty list throws
 * `EMPTY_INPUT` and a zero total `UNDEFINED_RESULT` (a share of nothing is undefined; the
 * library's one empty-input policy, README "Conventions"), never NaN. Both sums are exact; the
 * one division is rounded to 20 significant digits.
 *
 * ## References
 * U.S. Census Bureau, Economic Census "Concentration ratios" (CR4, CR8, CR20, CR50).
 *
 * @param values - non-negative sizes (numbers, numeric strings, Decimals, or Money of one currency)
 * @param k - how many of the largest values to add, an integer ≥ 0
 * @returns the share, a Decimal in [0, 1]
 * @throws {@link ValidationError} when `values` is empty (`EMPTY_INPUT`), all values are 0 (`UNDEFINED_RESULT`: the shares are undefined), a value is negative or not a number, or `k` is not an integer ≥ 0
 * @throws {@link ValidationTypeError} when `values` is not an array or has a hole (`MISSING_VALUE`)
 * @throws {@link CurrencyMismatchError} when Money values mix currencies
 *
 * @example
 * ```ts
 * import { topShare } from "marketplace-economics";
 * topShare([50, 20, 10, 10, 10], 1).toString(); //=> "0.5"
 * topShare([50, 20, 10, 10, 10], 2).toString(); //=> "0.7"
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function topShare(values: readonly AmountInput[], k: number): Decimal {
  const fn = "topShare";
  const v = toNonNegativeValues(values, fn);
  const kk = toInteger(k, fn, "k", 0);
  // Empty-input policy (README "Conventions", #11): a share of nothing is undefined.
  if (v.length === 0) rangeError(fn, "values", ErrorCode.EMPTY_INPUT, "must not be empty (a share of nothing is undefined)", values, "at least one value");
  const total = exactSum(v);
  if (total.isZero()) rangeError(fn, "values", ErrorCode.UNDEFINED_RESULT, "must not all be 0 (the shares are undefined)", values, "at least one value > 0");
  if (kk === 0) return new Decimal(0);
  if (kk >= v.length) return new Decimal(1);
  v.sort((a, b) => b.comparedTo(a));
  return exactSum(v.slice(0, kk)).div(total);
}
