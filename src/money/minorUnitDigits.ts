import { minorDigits, toCurrency } from "../_internal/money.js";

/**
 * Number of decimal places of a currency's minor unit, as `Intl.NumberFormat` reports it
 * (ISO 4217 / CLDR data shipped with the JavaScript engine), not a hand-written table.
 *
 * @param currency - upper-case ISO 4217 code
 * @returns the number of minor-unit digits (USD 2, JPY 0, BHD 3)
 * @throws {ValidationError} when the currency is unknown (`UNKNOWN_CURRENCY`)
 *
 * @example
 * ```ts
 * import { minorUnitDigits } from "marketplace-economics";
 * minorUnitDigits("USD"); //=> 2
 * minorUnitDigits("JPY"); //=> 0
 * minorUnitDigits("BHD"); //=> 3
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function minorUnitDigits(currency: string): number {
  return minorDigits(toCurrency(currency, "minorUnitDigits"));
}
