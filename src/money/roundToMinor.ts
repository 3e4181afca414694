import { makeMoney, roundDecimalToMinor, toMinorUnitSource, toMoney, toRounding } from "../_lib/money.js";
import type { MinorUnitOptions, Money, RoundingMode } from "./types.js";

/**
 * Round an amount to its currency's minor unit (cents for USD, yen for JPY, fils for BHD).
 *
 * The number of decimal places comes from `Intl.NumberFormat` (CLDR), or from ISO 4217 with
 * `{ digits: "iso4217" }` (see {@link minorUnitDigits} for the currencies where they differ).
 *
 * @param amount - the amount to round
 * @param mode - the {@link RoundingMode}; default `"half-even"` (banker's rounding)
 * @param options - `{ digits: "cldr" | "iso4217" }` (since 0.2.0), see {@link MinorUnitOptions}
 * @returns the rounded amount
 * @throws {@link ValidationError} when the mode is not a known rounding mode, or `options.digits` is not `"cldr"` or `"iso4217"` (`UNKNOWN_OPTION`)
 *
 * @example
 * ```ts
 * import { money, roundToMinor } from "marketplace-economics";
 * roundToMinor(money("2.345", "USD")).amount.toString(); //=> "2.34"
 * roundToMinor(money("2.345", "USD"), "half-up").amount.toString(); //=> "2.35"
 * roundToMinor(money("1234.5", "JPY")).amount.toString(); //=> "1234"
 * roundToMinor(money("1.23456", "BHD")).amount.toString(); //=> "1.235"
 * roundToMinor(money("1.2345", "IQD")).amount.toString(); //=> "1"
 * roundToMinor(money("1.2345", "IQD"), "half-even", { digits: "iso4217" }).amount.toString(); //=> "1.234"
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function roundToMinor(amount: Money, mode: RoundingMode = "half-even", options?: MinorUnitOptions): Money {
  const fn = "roundToMinor";
  const m = toMoney(amount, fn, "amount");
  const rm = toRounding(mode, fn);
  return makeMoney(roundDecimalToMinor(m.amount, m.currency, rm, toMinorUnitSource(options, fn)), m.currency);
}
