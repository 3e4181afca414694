import { Decimal, exactTimes } from "../_lib/decimal.js";
import { makeMoney, roundDecimalToMinor, toMoney, toRounding } from "../_lib/money.js";
import { checkAmount, toDecimal } from "../_lib/validate.js";
import type { Money, NumericInput, RoundingMode } from "./types.js";

/**
 * Multiply an amount by a factor (a rate, a share, a quantity), with explicit rounding.
 *
 * The product is computed exactly (every digit of both operands, whatever precision a
 * `Decimal.set()` gave the application's decimal.js). Without `mode` that exact product is the
 * result; with a `mode` it is rounded once, to the currency's minor unit, using that
 * {@link RoundingMode}: $1,234.50 × (1/12 to 20 digits) = 102.874999… → $102.87 half-up, never a
 * double rounding through an intermediate 20-digit product (which gives 102.875 → $102.88).
 *
 * @param multiplicand - the amount
 * @param factor - the multiplier as a decimal (0.1 = 10 %), a Decimal from any decimal.js copy, a decimal string or a finite number
 * @param mode - optional rounding to the minor unit (once, on the exact product); omit to keep the exact product
 * @returns `multiplicand × factor`, exact or rounded once to the minor unit
 * @throws {@link ValidationError} when the factor is not a finite number or is outside the supported range (`INVALID_NUMBER`, `OUT_OF_RANGE`), the exact product is outside the amount range (below 1e30, at most 40 decimal places: pass a `mode`), or the mode is unknown (`UNKNOWN_OPTION`)
 * @throws {@link ValidationTypeError} when the multiplicand is not a Money
 *
 * @example
 * ```ts
 * import { money, multiply } from "marketplace-economics";
 * import { Decimal } from "decimal.js";
 * multiply(money("123.45", "USD"), "0.1").amount.toString(); //=> "12.345"
 * multiply(money("123.45", "USD"), "0.1", "half-even").amount.toString(); //=> "12.34"
 * multiply(money("123.45", "USD"), "0.1", "half-up").amount.toString(); //=> "12.35"
 * multiply(money("1234.50", "USD"), new Decimal(1).div(12), "half-up").amount.toString(); //=> "102.87"
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function multiply(multiplicand: Money, factor: NumericInput, mode?: RoundingMode): Money {
  const fn = "multiply";
  const m = toMoney(multiplicand, fn, "multiplicand");
  const f = toDecimal(factor, fn, "factor");
  const rm = mode === undefined ? undefined : toRounding(mode, fn);
  const product = exactTimes(m.amount, f);
  if (rm === undefined) return makeMoney(checkAmount(product, fn, "result", undefined, "(the exact product) is outside the supported amount range; pass a rounding mode"), m.currency);
  // Round the exact product once; the magnitude check is on the rounded result.
  const rounded = roundDecimalToMinor(product, m.currency, rm);
  return makeMoney(checkAmount(new Decimal(rounded), fn, "result", undefined, "(the product) is outside the supported amount range"), m.currency);
}
