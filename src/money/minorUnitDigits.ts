import { minorDigits, toCurrency, toMinorUnitSource } from "../_lib/money.js";
import type { MinorUnitOptions } from "./types.js";

/**
 * Number of decimal places of a currency's minor unit: by default as `Intl.NumberFormat` reports
 * it (the CLDR data of the engine's ICU, not a hand-written table), or, with
 * `{ digits: "iso4217" }`, as ISO 4217 defines it (a table bundled with the library).
 *
 * CLDR follows ISO 4217 for most currencies but uses the digits in everyday cash use for some,
 * and it can change with the ICU version. On Node 20.20 (ICU 78.2, CLDR 48) they differ for 19
 * of the 162 codes Intl knows (17 with other digits, and XDR, XSU that ISO defines without a minor unit):
 *
 * | codes | CLDR | ISO 4217 |
 * |---|---|---|
 * | AFN, ALL, COP, HUF, IDR, IRR, KPW, LAK, LBP, MGA, MMK, PKR, SOS, SYP, YER, and SLL (withdrawn) | 0 | 2 |
 * | IQD | 0 | 3 |
 * | XDR, XSU | 2 | "N.A." (no minor unit; `"iso4217"` keeps CLDR's 2) |
 *
 * (Other ICU versions differ for other codes: CLDR has listed RSD with 0 digits, for instance;
 * `"iso4217"` gives the same digits on every runtime.) Amounts finer than these digits are kept
 * exactly; only {@link roundToMinor}, {@link toMinorUnits}, {@link fromMinorUnits},
 * {@link allocate}, {@link formatMoney} and a rounding {@link multiply} work in minor units.
 *
 * ## References
 * ISO 4217 List One, "CcyMnrUnts" (SIX, the ISO 4217 maintenance agency), as vendored by
 * moneyphp/iso-currencies (`resources/current.json`, 2024-09-12), with the codes added since:
 * XCG (532), ZWG (924) and XAD (396), 2 digits each in List One as published 2026-01-01
 * (transcribed from list-one.xml in davestearns/penny-for-your-thoughts `src/iso_currencies.rs`;
 * for ZWG also the Reserve Bank of Zimbabwe's announcement of 25 June 2024: two decimal places,
 * "cents"); the comparison with Intl was run over
 * `Intl.supportedValuesOf("currency")`.
 *
 * @param currency - upper-case ISO 4217 code
 * @param options - `{ digits: "cldr" | "iso4217" }` (since 0.2.0), default `"cldr"`; see {@link MinorUnitOptions}
 * @returns the number of minor-unit digits (USD 2, JPY 0, BHD 3)
 * @throws {@link ValidationError} when the currency is unknown (`UNKNOWN_CURRENCY`) or `options.digits` is not `"cldr"` or `"iso4217"` (`UNKNOWN_OPTION`)
 *
 * @example
 * ```ts
 * import { minorUnitDigits } from "marketplace-economics";
 * minorUnitDigits("USD"); //=> 2
 * minorUnitDigits("JPY"); //=> 0
 * minorUnitDigits("BHD"); //=> 3
 * minorUnitDigits("IQD"); //=> 0
 * minorUnitDigits("IQD", { digits: "iso4217" }); //=> 3
 * minorUnitDigits("COP", { digits: "iso4217" }); //=> 2
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function minorUnitDigits(currency: string, options?: MinorUnitOptions): number {
  const fn = "minorUnitDigits";
  return minorDigits(toCurrency(currency, fn), toMinorUnitSource(options, fn));
}
