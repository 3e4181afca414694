import type { Decimal } from "decimal.js";
import { toAmount } from "./_lib/values.js";
import { assertSameCurrency } from "../_lib/money.js";
import { NUMBER_RANGE, rangeError, toDecimalInRange } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * Compound annual growth rate (CAGR) between a starting and an ending value.
 *
 * ## Notes
 * CAGR = (end / begin)^(1 / years) − 1, computed in decimal.js (20 significant digits).
 * `end = 0` gives −1 (everything lost). `begin ≤ 0` has no CAGR and throws.
 *
 * ## References
 * CFA Institute, "Quantitative Methods" (growth rates): g = (FV/PV)^(1/N) − 1.
 *
 * @param begin - starting value, > 0 (number-like or Money)
 * @param end - ending value, ≥ 0 (same kind and currency)
 * @param years - elapsed years, from 0.001 to 10,000 (may be fractional)
 * @returns the annual growth rate as a decimal (0.1 = 10 % a year)
 * @throws {@link ValidationError} when begin ≤ 0, end < 0, years is outside [0.001, 10000], an amount is outside the amount range, a value is not a number, or the rate is too large to represent (`UNDEFINED_RESULT`; never Infinity)
 * @throws {@link CurrencyMismatchError} when Money values have different currencies
 *
 * @example
 * ```ts
 * import { compoundAnnualGrowthRate } from "marketplace-economics";
 * compoundAnnualGrowthRate(100, 121, 2).toString(); //=> "0.1"
 * compoundAnnualGrowthRate(100, 200, 3).toFixed(6); //=> "0.259921"
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function compoundAnnualGrowthRate(begin: AmountInput, end: AmountInput, years: NumericInput): Decimal {
  const fn = "compoundAnnualGrowthRate";
  const b = toAmount(begin, fn, "begin");
  const e = toAmount(end, fn, "end");
  if (b.currency !== undefined && e.currency !== undefined) assertSameCurrency(fn, b.currency, e.currency);
  if (!b.amount.greaterThan(0)) rangeError(fn, "begin", ErrorCode.OUT_OF_RANGE, "must be > 0 (growth from zero or below has no rate)", b.amount, "a value > 0");
  if (e.amount.isNegative() && !e.amount.isZero()) rangeError(fn, "end", ErrorCode.OUT_OF_RANGE, "must be ≥ 0", e.amount, "a value ≥ 0");
  const y = toDecimalInRange(years, fn, "years", "0.001", "10000");
  if (e.amount.isZero()) return e.amount.minus(1);
  const g = e.amount.div(b.amount).pow(y.pow(-1)).minus(1);
  // Bounded amounts (< 1e30, ≥ 1e-40) and years in [0.001, 10000] keep the ratio's root below
  // 1e70000, but a result must still be finite and in the number range: never Infinity (#11).
  if (!g.isFinite() || g.e > NUMBER_RANGE.maxExponent) {
    rangeError(fn, "years", ErrorCode.UNDEFINED_RESULT, "gives a growth rate too large to represent", years, `a rate of magnitude below 1e${NUMBER_RANGE.maxExponent + 1} (a longer period or closer values)`);
  }
  return g;
}
