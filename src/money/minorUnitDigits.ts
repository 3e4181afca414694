import { minorDigits, toCurrency } from "../_lib/money.js";

/**
 * Number of decimal places of a currency's minor unit, as `Intl.NumberFormat` reports it: the
 * CLDR data of the engine's ICU, not a hand-written table. CLDR follows ISO 4217 for most
 * currencies but uses the digits in everyday cash use for a few (on Node 20 / ICU 78: IQD 0
 * where ISO says 3; HUF, IDR and MGA 0 where ISO says 2), and it can change with the ICU version;
 * amounts finer than these digits are kept exactly, only {@link roundToMinor},
 * {@link toMinorUnits} and {@link allocate} work in these units.
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
