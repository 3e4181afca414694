import { Decimal } from "../_lib/decimal.js";
import { toNonNegativeValues } from "./_lib/values.js";
import { toInteger } from "../_lib/validate.js";
import type { AmountInput } from "../money/types.js";

/**
 * Share of the total held by the `k` largest values (the concentration ratio CR_k).
 *
 * ## Notes
 * CR_k = Σ of the k largest / Σ all. `k = 0` gives 0; `k ≥ n` gives 1. An empty list or a zero
 * total gives 0 (nothing is concentrated), never NaN. Computed in decimal.js (20 significant
 * digits).
 *
 * ## References
 * U.S. Census Bureau, Economic Census "Concentration ratios" (CR4, CR8, CR20, CR50).
 *
 * @param values - non-negative sizes (numbers, numeric strings, Decimals, or Money of one currency)
 * @param k - how many of the largest values to add, an integer ≥ 0
 * @returns the share, a Decimal in [0, 1]
 * @throws {ValidationError} when a value is negative or not a number, or `k` is not an integer ≥ 0
 * @throws {CurrencyMismatchError} when Money values mix currencies
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
  let total = new Decimal(0);
  for (const x of v) total = total.plus(x);
  if (total.isZero() || kk === 0) return new Decimal(0);
  if (kk >= v.length) return new Decimal(1);
  v.sort((a, b) => b.comparedTo(a));
  let top = new Decimal(0);
  for (let i = 0; i < kk; i++) top = top.plus(v[i] as Decimal);
  return top.div(total);
}
