import { makeMoney, roundDecimalToMinor, toMoney, toRounding } from "../_lib/money.js";
import { toDecimal } from "../_lib/validate.js";
import type { Money, NumericInput, RoundingMode } from "./types.js";

/**
 * Multiply an amount by a factor (a rate, a share, a quantity), with explicit rounding.
 *
 * Without `mode` the product is exact (decimal.js, 20 significant digits); with a `mode` it is
 * rounded to the currency's minor unit using that {@link RoundingMode}.
 *
 * @param multiplicand - the amount
 * @param factor - the multiplier as a decimal (0.1 = 10 %)
 * @param mode - optional rounding to the minor unit; omit to keep the exact product
 * @returns `multiplicand × factor`
 * @throws {ValidationError} when the factor is not a finite number or the mode is unknown
 * @throws {ValidationTypeError} when the multiplicand is not a Money
 *
 * @example
 * ```ts
 * import { money, multiply } from "marketplace-economics";
 * multiply(money("123.45", "USD"), "0.1").amount.toString(); //=> "12.345"
 * multiply(money("123.45", "USD"), "0.1", "half-even").amount.toString(); //=> "12.34"
 * multiply(money("123.45", "USD"), "0.1", "half-up").amount.toString(); //=> "12.35"
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function multiply(multiplicand: Money, factor: NumericInput, mode?: RoundingMode): Money {
  const m = toMoney(multiplicand, "multiply", "multiplicand");
  const f = toDecimal(factor, "multiply", "factor");
  const product = m.amount.times(f);
  if (mode === undefined) return makeMoney(product, m.currency);
  return makeMoney(roundDecimalToMinor(product, m.currency, toRounding(mode, "multiply")), m.currency);
}
