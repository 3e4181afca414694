import type { Decimal } from "decimal.js";
import { toAmount } from "./_lib/values.js";
import { assertSameCurrency } from "../_lib/money.js";
import { rangeError, toPositiveDecimal } from "../_lib/validate.js";
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
 * @param years - elapsed years, > 0 (may be fractional)
 * @returns the annual growth rate as a decimal (0.1 = 10 % a year)
 * @throws {ValidationError} when begin ≤ 0, end < 0, years ≤ 0 or a value is not a number
 * @throws {CurrencyMismatchError} when Money values have different currencies
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
  const y = toPositiveDecimal(years, fn, "years");
  if (e.amount.isZero()) return e.amount.minus(1);
  return e.amount.div(b.amount).pow(y.pow(-1)).minus(1);
}
