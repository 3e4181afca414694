/**
 * Internal money helpers: currency validation, minor-unit digits (Intl's CLDR data or the bundled
 * ISO 4217 table), Money validation, rounding-mode mapping. Never exported from the package.
 */
import { Decimal, ExactDecimal } from "./decimal.js";
import { CurrencyMismatchError, ErrorCode } from "../errors.js";
import type { MinorUnitSource, Money, RoundingMode } from "../money/types.js";
import { rangeError, toAmount, toOption, typeError } from "./validate.js";

let knownCurrencies: ReadonlySet<string> | undefined;
const digitsCache = new Map<string, number>();

function currencies(): ReadonlySet<string> {
  knownCurrencies ??= new Set(Intl.supportedValuesOf("currency"));
  return knownCurrencies;
}

const CURRENCY_ALLOWED = 'an upper-case ISO 4217 code known to Intl, such as "USD", "EUR", "JPY"';

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

/**
 * ISO 4217 minor units (List One, published by the maintenance agency SIX: the `CcyMnrUnts` of
 * https://www.six-group.com/dam/download/financial-information/data-center/iso-currrency/lists/list-one.xml,
 * as vendored by moneyphp/iso-currencies `resources/current.json` at commit 5f34bac, 2024-09-12),
 * plus the codes added after that commit: XCG (Caribbean Guilder, 532: 2), ZWG (Zimbabwe Gold, 924:
 * 2) and XAD (Arab Accounting Dinar, 396: 2), as List One published 2026-01-01 gives them
 * (transcribed from list-one.xml in davestearns/penny-for-your-thoughts `src/iso_currencies.rs`;
 * the SIX file itself could not be read here). ZWG's two digits are also what the Reserve Bank of
 * Zimbabwe announced with the code (25 June 2024: "minor units ... denominated with two decimal
 * places as cents"), and the withdrawn codes Intl still lists (HRK, SLL: 2, List Three). Every
 * code is listed, so a code Intl knows but this table does not (a newer one) keeps the CLDR
 * digits rather than a guess.
 */
const ISO_DIGITS_BY_GROUP: readonly (readonly [number | null, string])[] = [
  [0, "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"],
  [3, "BHD IQD JOD KWD LYD OMR TND"],
  [4, "CLF UYW"],
  // "N.A." in ISO 4217 (no minor unit defined): the CLDR digits are kept.
  [null, "XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX"],
  [
    2,
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD " +
      "EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK " +
      "MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN " +
      "SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XAD XCD XCG YER ZAR ZMW ZWG ZWL",
  ],
];

let isoDigits: ReadonlyMap<string, number | null> | undefined;

/** The ISO 4217 minor unit of a code: a number, `null` for "N.A.", `undefined` when not listed. */
export function iso4217Digits(currency: string): number | null | undefined {
  if (isoDigits === undefined) {
    const m = new Map<string, number | null>();
    for (const [digits, codes] of ISO_DIGITS_BY_GROUP) for (const c of codes.split(" ")) m.set(c, digits);
    isoDigits = m;
  }
  return isoDigits.get(currency);
}

/** Minor-unit digits of a (validated) currency from Intl's CLDR data: JPY 0, USD 2, BHD 3. */
function cldrDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, d);
  }
  return d;
}

/**
 * Minor-unit digits of a (validated) currency: from Intl's CLDR data (`"cldr"`, the default) or
 * from ISO 4217 (`"iso4217"`; a code ISO gives no minor unit, or does not list, keeps CLDR's).
 */
export function minorDigits(currency: string, source: MinorUnitSource = "cldr"): number {
  if (source === "iso4217") {
    const iso = iso4217Digits(currency);
    if (typeof iso === "number") return iso;
  }
  return cldrDigits(currency);
}

const SOURCES: readonly MinorUnitSource[] = ["cldr", "iso4217"];

/**
 * Read the `digits` option (`{ digits: "cldr" | "iso4217" }`) of a money function's options
 * object; `undefined` options mean `"cldr"`.
 */
export function toMinorUnitSource(options: unknown, fn: string, arg = "options"): MinorUnitSource {
  if (options === undefined) return "cldr";
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be an options object or undefined", options, '{ digits: "cldr" | "iso4217" }, or undefined');
  }
  let digits: unknown;
  let keys: string[];
  try {
    keys = Object.keys(options);
    digits = (options as { digits?: unknown }).digits;
  } catch {
    return typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a readable options object", undefined, '{ digits: "cldr" | "iso4217" }');
  }
  for (const k of keys) {
    if (k !== "digits") rangeError(fn, `${arg}.${k}`, ErrorCode.UNKNOWN_OPTION, `has an unknown key ${JSON.stringify(k.slice(0, 40))}`, options, 'the key "digits"');
  }
  return digits === undefined ? "cldr" : toOption(digits, fn, `${arg}.digits`, SOURCES);
}

/** Build a Money without validation (internal use on already-validated parts). */
export function makeMoney(amount: Decimal, currency: string): Money {
  return Object.freeze({ amount, currency });
}

/**
 * Validate a Money-shaped input and return a new frozen Money made of plain values: the amount
 * copied into the library's own Decimal (whatever decimal.js copy or settings made it) and
 * checked against the amount range, the currency a validated string. Each field is read once,
 * so a getter or a Proxy cannot change it after the check, and the caller's object never ends
 * up inside a result.
 */
export function toMoney(value: unknown, fn: string, arg: string): Money {
  let amount: unknown;
  let currency: unknown;
  let isObject: boolean;
  try {
    isObject = typeof value === "object" && value !== null && !Array.isArray(value) && !Decimal.isDecimal(value);
    if (isObject) {
      currency = (value as { currency?: unknown }).currency;
      amount = (value as { amount?: unknown }).amount;
    }
  } catch {
    return typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a readable Money (reading its fields threw)", undefined, 'a Money such as money("12.50", "USD")');
  }
  if (!isObject) {
    typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a Money", value, 'a Money such as money("12.50", "USD")');
  }
  const c = toCurrency(currency, fn, `${arg}.currency`);
  return makeMoney(toAmount(amount, fn, `${arg}.amount`), c);
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
export function roundDecimalToMinor(amount: Decimal, currency: string, rm: Decimal.Rounding, source: MinorUnitSource = "cldr"): Decimal {
  return amount.toDecimalPlaces(minorDigits(currency, source), rm);
}

/** Plain (non-exponent) decimal string of a Decimal. */
export function plainString(d: Decimal): string {
  return d.toFixed();
}

/**
 * `amount × 10^digits`, exactly: computed with {@link ExactDecimal}, because an amount may have up
 * to 70 significant digits, beyond the library Decimal's 20-digit precision. It is an integer
 * exactly when `amount` has at most `digits` decimal places; read it with `isInteger()` /
 * `toFixed(0)`, not as an operand of further arithmetic.
 */
export function scaleToMinor(amount: Decimal, digits: number): Decimal {
  return new ExactDecimal(amount).times(new ExactDecimal(`1e${digits}`));
}

/**
 * `amount × 10^digits` as a plain integer string (`"-1250"`) when it is a whole number, else
 * `undefined`: the same answer as {@link scaleToMinor} read with `isInteger()` / `toFixed(0)`
 * (property test in src/fees/fees.prop.test.ts), read from the Decimal's own digits (decimal.js:
 * base-1e7 words `d`, base-10 exponent `e` of the first digit, sign `s`) instead of computing the
 * exact product, which costs a Decimal copy, a power and a multiplication per amount (#17: most of
 * payoutSchedule's and trackSellerActivity's time per record). `amount` must be a finite Decimal
 * (validated).
 */
export function minorUnitString(amount: Decimal, digits: number): string | undefined {
  const words = amount.d;
  let str = String(words[0]);
  for (let i = 1; i < words.length; i++) str += String(words[i]).padStart(7, "0");
  if (str === "0") return "0";
  // value = str × 10^(e − (len − 1)); scaled by 10^digits.
  const shift = amount.e - (str.length - 1) + digits;
  if (shift > 0) str += "0".repeat(shift);
  else if (shift < 0) {
    const cut = str.length + shift;
    if (cut <= 0) return undefined; // below one minor unit and not zero
    for (let i = cut; i < str.length; i++) if (str.charCodeAt(i) !== 48) return undefined;
    str = str.slice(0, cut);
  }
  return amount.s < 0 ? `-${str}` : str;
}

/** `minor / 10^digits`, exactly, as a library Decimal: moving the decimal point is a change of exponent, not a division. */
export function amountFromMinor(minor: bigint, digits: number): Decimal {
  return new Decimal(`${minor.toString()}e-${digits}`);
}
