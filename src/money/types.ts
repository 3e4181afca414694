import type { Decimal } from "decimal.js";

/**
 * An amount of money: an exact decimal amount in an ISO 4217 currency.
 *
 * The amount is a `decimal.js` {@link Decimal}, never a JS float. It may carry more decimal
 * places than the currency's minor unit (an intermediate result such as 10 % of $123.45 =
 * $12.345); use {@link roundToMinor} to settle it to cents. `JSON.stringify` gives
 * `{"amount":"12.5","currency":"USD"}`; {@link moneyToJSON} gives the fixed-notation shape.
 *
 * @category Money
 * @since 0.1.0
 */
export interface Money {
  /** Exact amount in major units (dollars, not cents). */
  readonly amount: Decimal;
  /** ISO 4217 currency code, upper case (e.g. `"USD"`). */
  readonly currency: string;
}

/**
 * The JSON shape of a {@link Money}: the amount as a plain decimal string (never exponent
 * notation) and the currency code.
 *
 * @category Money
 * @since 0.1.0
 */
export interface MoneyJSON {
  /** Amount in major units as a plain decimal string, e.g. `"1234.50"` or `"-0.01"`. */
  readonly amount: string;
  /** ISO 4217 currency code. */
  readonly currency: string;
}

/**
 * A number-like input: a `Decimal`, a decimal string (`"12.50"`, `"1e3"`) or a finite number.
 * NaN, ±Infinity and non-numeric strings throw {@link ValidationError}.
 *
 * @category Money
 * @since 0.1.0
 */
export type NumericInput = Decimal | string | number;

/**
 * A named rounding mode:
 * - `"half-even"` (banker's rounding, the default): 2.345 → 2.34, 2.355 → 2.36;
 * - `"half-up"`: ties away from zero: 2.345 → 2.35, -2.345 → -2.35;
 * - `"half-down"`: ties toward zero: 2.345 → 2.34;
 * - `"down"`: toward zero (truncate): 2.349 → 2.34, -2.349 → -2.34;
 * - `"up"`: away from zero: 2.341 → 2.35;
 * - `"floor"`: toward −∞; `"ceil"`: toward +∞.
 *
 * @category Money
 * @since 0.1.0
 */
export type RoundingMode = "half-even" | "half-up" | "half-down" | "down" | "up" | "floor" | "ceil";

/**
 * An amount input: a {@link Money} (its currency is checked against the other amounts of the
 * call) or a plain {@link NumericInput} in the call's currency. The one name for "money or
 * number" in every signature (replaces `TvmAmount` and `JobsAmountInput` of 0.1.0).
 *
 * @category Money
 * @since 0.2.0
 */
export type AmountInput = Money | NumericInput;

/**
 * Where minor-unit digits come from: `"cldr"` (the default: `Intl.NumberFormat`'s CLDR data,
 * the digits in everyday use, e.g. IQD 0, HUF 0) or `"iso4217"` (the ISO 4217 List One minor
 * unit, e.g. IQD 3, HUF 2; a code ISO gives no minor unit for, such as XDR, keeps CLDR's). See
 * {@link minorUnitDigits} for every currency where the two differ.
 *
 * @category Money
 * @since 0.2.0
 */
export type MinorUnitSource = "cldr" | "iso4217";

/**
 * The options of the money functions that work in minor units ({@link minorUnitDigits},
 * {@link roundToMinor}, {@link toMinorUnits}, {@link fromMinorUnits}).
 *
 * @category Money
 * @since 0.2.0
 */
export interface MinorUnitOptions {
  /** Where the currency's minor-unit digits come from; default `"cldr"`. */
  readonly digits?: MinorUnitSource;
}
