/**
 * Internal money helpers: currency validation, minor-unit digits from Intl, Money validation,
 * rounding-mode mapping. Never exported from the package.
 */
import { Decimal } from "decimal.js";
import { CurrencyMismatchError, ErrorCode } from "../errors.js";
import type { Money, RoundingMode } from "../money/types.js";
import { rangeError, toDecimal, typeError } from "./validate.js";

let knownCurrencies: ReadonlySet<string> | undefined;
const digitsCache = new Map<string, number>();

function currencies(): ReadonlySet<string> {
  knownCurrencies ??= new Set(Intl.supportedValuesOf("currency"));
  return knownCurrencies;
}

const CURRENCY_ALLOWED = "an upper-case ISO 4217 code known to Intl, such as \"USD\", \"EUR\", \"JPY\"";

/** Validate an ISO 4217 code (upper case, known to `Intl.supportedValuesOf("currency")`). */
export function toCurrency(value: unknown, fn: string, arg = "currency"): string {
  if (typeof value !== "string") {
    typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a currency code", value, CURRENCY_ALLOWED);
  }
  if (!/^[A-Z]{3}$/.test(value) || !currencies().has(value)) {
    const hint = /^[a-z]{3}$/i.test(value) && currencies().has(value.toUpperCase()) ? ` (did you mean "${value.toUpperCase()}"?)` : "";
    rangeError(fn, arg, ErrorCode.UNKNOWN_CURRENCY, `must be a known ISO 4217 code${hint}`, value, CURRENCY_ALLOWED);
  }
  return value;
}

/** Minor-unit digits of a (validated) currency, from Intl: JPY 0, USD 2, BHD 3. */
export function minorDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, d);
  }
  return d;
}

/** Build a Money without validation (internal use on already-validated parts). */
export function makeMoney(amount: Decimal, currency: string): Money {
  return Object.freeze({ amount, currency });
}

/** Validate a Money-shaped input and return a normalised Money. */
export function toMoney(value: unknown, fn: string, arg: string): Money {
  if (typeof value !== "object" || value === null || Decimal.isDecimal(value) || Array.isArray(value)) {
    typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a Money", value, "a Money such as money(\"12.50\", \"USD\")");
  }
  const v = value as { amount?: unknown; currency?: unknown };
  const currency = toCurrency(v.currency, fn, `${arg}.currency`);
  const amount = toDecimal(v.amount, fn, `${arg}.amount`);
  if (amount === v.amount && Object.isFrozen(value)) return value as Money;
  return makeMoney(amount, currency);
}

/** Throw CurrencyMismatchError unless both currencies are equal. */
export function assertSameCurrency(fn: string, expected: string, received: string): void {
  if (expected !== received) throw new CurrencyMismatchError(fn, expected, received);
}

const ROUNDING: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  "half-even": Decimal.ROUND_HALF_EVEN,
  "half-up": Decimal.ROUND_HALF_UP,
  "half-down": Decimal.ROUND_HALF_DOWN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
  floor: Decimal.ROUND_FLOOR,
  ceil: Decimal.ROUND_CEIL,
};

/** Names of every rounding mode. */
export const ROUNDING_MODES = Object.keys(ROUNDING) as readonly RoundingMode[];

/** Validate a rounding-mode name and map it to decimal.js's constant. */
export function toRounding(value: unknown, fn: string, arg = "mode"): Decimal.Rounding {
  if (typeof value !== "string" || !Object.hasOwn(ROUNDING, value)) {
    const list = ROUNDING_MODES.map((m) => JSON.stringify(m)).join(", ");
    rangeError(fn, arg, ErrorCode.UNKNOWN_OPTION, "must be a rounding mode", value, list);
  }
  return ROUNDING[value as RoundingMode];
}

/** Round a Decimal to the currency's minor unit. */
export function roundDecimalToMinor(amount: Decimal, currency: string, rm: Decimal.Rounding): Decimal {
  return amount.toDecimalPlaces(minorDigits(currency), rm);
}

/** Plain (non-exponent) decimal string of a Decimal. */
export function plainString(d: Decimal): string {
  return d.toFixed();
}
