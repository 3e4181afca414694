import { Decimal, exactSum, exactTimes } from "../_lib/decimal.js";
import { toNonNegativeValues } from "./_lib/values.js";
import { rangeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { AmountInput } from "../money/types.js";

/**
 * Herfindahl–Hirschman Index of a market, on the 0–10,000 scale.
 *
 * Pass each firm's (or segment's) size: sales, GMV as {@link Money}, or shares in any unit;
 * they are normalised to shares first, so `[40, 30, 20, 10]`, `["0.4", "0.3", "0.2", "0.1"]`
 * and dollar sales in that ratio all give 3,000.
 *
 * ## Notes
 * HHI = Σ (100 · s_i)², s_i = v_i / Σv. One firm → 10,000; n equal firms → 10,000 / n.
 * Computed as 10,000 · Σv² / (Σv)² in decimal.js (exact up to the final division, which is
 * correctly rounded to 20 significant digits). Compare with the thresholds in
 * {@link HHI_MERGER_GUIDELINES_2023}.
 *
 * ## References
 * U.S. DOJ & FTC, Merger Guidelines (2023), § 2.1 Guideline 1 ("The HHI is defined as the sum of
 * the squares of the market shares").
 *
 * @param values - non-negative sizes (numbers, numeric strings, Decimals, or Money of one currency)
 * @returns the index, a Decimal from 0 (exclusive) to 10,000
 * @throws {@link ValidationError} when `values` is empty (`EMPTY_INPUT`), a value is negative or not a
 *   number, or every value is 0 (`UNDEFINED_RESULT`: no market)
 * @throws {@link CurrencyMismatchError} when Money values mix currencies
 *
 * @example
 * ```ts
 * import { herfindahlHirschmanIndex } from "marketplace-economics";
 * herfindahlHirschmanIndex([40, 30, 20, 10]).toString(); //=> "3000"
 * herfindahlHirschmanIndex([1, 1, 1, 1]).toString(); //=> "2500"
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function herfindahlHirschmanIndex(values: readonly AmountInput[]): Decimal {
  const fn = "herfindahlHirschmanIndex";
  const v = toNonNegativeValues(values, fn);
  if (v.length === 0) rangeError(fn, "values", ErrorCode.EMPTY_INPUT, "must not be empty", values, "at least one market size");
  // Σx and Σx² exactly (ExactDecimal: no rounding at any size the amount range allows), then one
  // rounded division: the result is a function of the multiset of values, so it does not depend
  // on their order, to the last digit (#11).
  const total = exactSum(v);
  const squares = exactSum(v.map((x) => exactTimes(x, x)));
  if (total.isZero()) rangeError(fn, "values", ErrorCode.UNDEFINED_RESULT, "must not all be 0 (the shares are undefined)", values, "at least one size > 0");
  return exactTimes(squares, new Decimal(10_000)).div(exactTimes(total, total));
}
