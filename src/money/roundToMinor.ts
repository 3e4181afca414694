import { makeMoney, roundDecimalToMinor, toMoney, toRounding } from "../_lib/money.js";
import type { Money, RoundingMode } from "./types.js";

/**
 * Round an amount to its currency's minor unit (cents for USD, yen for JPY, fils for BHD).
 *
 * The number of decimal places comes from `Intl.NumberFormat` (see {@link minorUnitDigits}).
 *
 * @param amount - the amount to round
 * @param mode - the {@link RoundingMode}; default `"half-even"` (banker's rounding)
 * @returns the rounded amount
 * @throws {ValidationError} when the mode is not a known rounding mode (`UNKNOWN_OPTION`)
 *
 * @example
 * ```ts
 * import { money, roundToMinor } from "marketplace-economics";
 * roundToMinor(money("2.345", "USD")).amount.toString(); //=> "2.34"
 * roundToMinor(money("2.345", "USD"), "half-up").amount.toString(); //=> "2.35"
 * roundToMinor(money("1234.5", "JPY")).amount.toString(); //=> "1234"
 * roundToMinor(money("1.23456", "BHD")).amount.toString(); //=> "1.235"
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function roundToMinor(amount: Money, mode: RoundingMode = "half-even"): Money {
  const m = toMoney(amount, "roundToMinor", "amount");
  return makeMoney(roundDecimalToMinor(m.amount, m.currency, toRounding(mode, "roundToMinor")), m.currency);
}
