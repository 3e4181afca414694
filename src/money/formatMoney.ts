import { ErrorCode } from "../errors.js";
import { minorDigits, toMoney } from "../_internal/money.js";
import { rangeError, typeError } from "../_internal/validate.js";
import type { Money } from "./types.js";

/**
 * The {@link formatMoney} function options.
 *
 * @category Money
 * @since 0.1.0
 */
export interface FormatMoneyOptions {
  /** Fraction digits to show; default: the currency's minor-unit digits. */
  readonly fractionDigits?: number;
  /** `"symbol"` ($, default), `"code"` (USD), `"name"` (US dollars) or `"narrowSymbol"`. */
  readonly currencyDisplay?: "symbol" | "code" | "name" | "narrowSymbol";
}

/**
 * Format an amount for display with `Intl.NumberFormat`, without ever going through a JS
 * float: the exact decimal string is passed to Intl, so $12,345,678,901,234,567.13 prints
 * correctly. Display rounding is Intl's (half-expand, i.e. half away from zero).
 *
 * @param amount - the amount
 * @param locale - a BCP 47 locale, default `"en-US"`
 * @param options - see {@link FormatMoneyOptions}
 * @returns the formatted string
 * @throws {ValidationError} when the locale is invalid or `fractionDigits` is not an integer from 0 to 20
 *
 * @example
 * ```ts
 * import { formatMoney, money } from "marketplace-economics";
 * formatMoney(money("1234.5", "USD")); //=> "$1,234.50"
 * formatMoney(money("1234.5", "EUR"), "de-DE").replace(/\s/u, " "); //=> "1.234,50 €"
 * formatMoney(money("1234", "JPY"), "ja-JP"); //=> "￥1,234"
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function formatMoney(amount: Money, locale = "en-US", options: FormatMoneyOptions = {}): string {
  const fn = "formatMoney";
  const m = toMoney(amount, fn, "amount");
  if (typeof locale !== "string") typeError(fn, "locale", ErrorCode.INVALID_TYPE, "must be a string", locale, "a BCP 47 locale such as \"en-US\"");
  const digits = options.fractionDigits ?? minorDigits(m.currency);
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    rangeError(fn, "options.fractionDigits", ErrorCode.OUT_OF_RANGE, "must be an integer from 0 to 20", digits, "an integer from 0 to 20");
  }
  let nf: Intl.NumberFormat;
  try {
    nf = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: m.currency,
      currencyDisplay: options.currencyDisplay ?? "symbol",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  } catch {
    return rangeError(fn, "locale", ErrorCode.OUT_OF_RANGE, "must be a valid BCP 47 locale", locale, "a BCP 47 locale such as \"en-US\"");
  }
  // Intl.NumberFormat v3 formats decimal strings exactly (no float conversion).
  return nf.format(m.amount.toFixed() as unknown as number);
}
