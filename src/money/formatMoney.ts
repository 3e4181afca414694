import { ErrorCode } from "../errors.js";
import { minorDigits, toMoney, toRounding } from "../_lib/money.js";
import { rangeError, toOption, toOptions, typeError } from "../_lib/validate.js";
import type { MinorUnitSource, Money, RoundingMode } from "./types.js";

/**
 * The {@link formatMoney} function options.
 *
 * @category Money
 * @since 0.1.0
 */
export interface FormatMoneyOptions {
  /** Fraction digits to show; default: the currency's minor-unit digits (see `digits`). */
  readonly fractionDigits?: number;
  /** Where the default fraction digits come from: `"cldr"` (default) or `"iso4217"` (since 0.2.0); see {@link minorUnitDigits}. */
  readonly digits?: MinorUnitSource;
  /** `"symbol"` ($, default), `"code"` (USD), `"name"` (US dollars) or `"narrowSymbol"`. */
  readonly currencyDisplay?: "symbol" | "code" | "name" | "narrowSymbol";
  /** How the amount is rounded to `fractionDigits` before display; default `"half-even"`, like {@link roundToMinor}. */
  readonly rounding?: RoundingMode;
}

/**
 * Format an amount for display with `Intl.NumberFormat`, without ever going through a JS
 * float: the amount is rounded in decimal (half-even by default, the same rule as
 * {@link roundToMinor}, so what you see is what you would book) and the exact decimal string is
 * passed to Intl, so $12,345,678,901,234,567.12 prints correctly.
 *
 * @param amount - the amount
 * @param locale - a BCP 47 locale, default `"en-US"`
 * @param options - see {@link FormatMoneyOptions}
 * @returns the formatted string
 * @throws {@link ValidationError} when the locale is invalid, `fractionDigits` is not an integer from 0 to 20, `rounding` or `digits` is not one of its names, or `options` has an unknown key (`UNKNOWN_OPTION`)
 * @throws {@link ValidationTypeError} when `options` is not an object (`null` included) or `locale` is not a string
 *
 * @example
 * ```ts
 * import { formatMoney, money } from "marketplace-economics";
 * formatMoney(money("1234.5", "USD")); //=> "$1,234.50"
 * formatMoney(money("1234.5", "EUR"), "de-DE").replace(/\s/u, " "); //=> "1.234,50 €"
 * formatMoney(money("1234.5", "JPY"), "ja-JP"); //=> "￥1,234"
 * formatMoney(money("12.345", "USD")); //=> "$12.34"
 * formatMoney(money("12.345", "USD"), "en-US", { rounding: "half-up" }); //=> "$12.35"
 * formatMoney(money("1234.5", "IQD"), "en-US", { currencyDisplay: "code", digits: "iso4217" }).replace(/\s/u, " "); //=> "IQD 1,234.500"
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function formatMoney(amount: Money, locale = "en-US", options?: FormatMoneyOptions): string {
  const fn = "formatMoney";
  const m = toMoney(amount, fn, "amount");
  if (typeof locale !== "string") typeError(fn, "locale", ErrorCode.INVALID_TYPE, "must be a string", locale, 'a BCP 47 locale such as "en-US"');
  const o = toOptions(options, fn, "options", ["fractionDigits", "currencyDisplay", "rounding", "digits"]);
  const source = o.digits === undefined ? "cldr" : toOption(o.digits, fn, "options.digits", ["cldr", "iso4217"] as const);
  const display = o.currencyDisplay === undefined ? "symbol" : toOption(o.currencyDisplay, fn, "options.currencyDisplay", ["symbol", "code", "name", "narrowSymbol"] as const);
  const digits: unknown = o.fractionDigits ?? minorDigits(m.currency, source);
  if (typeof digits !== "number" || !Number.isInteger(digits) || digits < 0 || digits > 20) {
    return rangeError(fn, "options.fractionDigits", ErrorCode.OUT_OF_RANGE, "must be an integer from 0 to 20", digits, "an integer from 0 to 20");
  }
  const rm = toRounding(o.rounding ?? "half-even", fn, "options.rounding");
  let nf: Intl.NumberFormat;
  try {
    nf = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: m.currency,
      currencyDisplay: display,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  } catch {
    return rangeError(fn, "locale", ErrorCode.OUT_OF_RANGE, "must be a valid BCP 47 locale", locale, 'a BCP 47 locale such as "en-US"');
  }
  // Round in decimal first, then Intl.NumberFormat v3 formats the decimal string exactly (no float
  // conversion, and no second rounding since the digits already fit).
  return nf.format(m.amount.toDecimalPlaces(digits, rm).toFixed(digits) as unknown as number);
}
