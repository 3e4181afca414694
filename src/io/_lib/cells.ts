/**
 * Cell parsers of the row readers: amounts into exact integer minor units (no float, no Decimal),
 * units, dates in an explicit format, seller ids. Each returns a value or throws a
 * {@link ValidationError} whose `argument` names the line and column of the cell.
 */
import { ErrorCode } from "../../errors.js";
import { rangeError } from "../../_lib/validate.js";
import { DATE_RANGE, utcTime } from "../../_lib/dates.js";

/** Date formats of the readers' `dateFormat` option. */
export const DATE_FORMATS = ["YYYY-MM-DD", "DD.MM.YYYY", "DD/MM/YYYY", "MM/DD/YYYY", "YYYY/MM/DD", "YYYYMMDD", "ISO"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const DECIMAL_SEPARATORS = [".", ","] as const;
export const THOUSANDS_SEPARATORS = ["", ",", ".", " ", "'", "\u00a0", "\u202f", "_"] as const;

/** Where a cell is, for messages: `line 12, column 3 ("amount")`. */
export type Where = (line: number) => string;

/** The number conventions of a reader. */
export interface NumberFormat {
  readonly decimal: string;
  readonly thousands: string;
}

/** Largest number of digits of an amount cell (sign, separators excluded): 10^30 in minor units. */
const MAX_DIGITS = 30;

/**
 * An amount cell as integer minor units of a currency with `digits` minor digits. `"1,234.50"`
 * (thousands ",", decimal ".") with 2 digits is 123450. The text is `[sign] digits [decimal
 * digits]`, with thousands separators only between groups of exactly three digits. More
 * fractional digits than the currency has are allowed only when they are zeros ("12.500" USD).
 * `minor` = the cell is already an integer count of minor units (no decimal separator allowed).
 * Returns a number when it is a safe integer, else a bigint.
 */
export function parseAmountCell(text: string, currencyDigits: number, f: NumberFormat, minor: boolean, fn: string, where: string, currency: string): number | bigint {
  const s = text.trim();
  const digits = minor ? 0 : currencyDigits;
  const bad = (must: string, allowed: string): never => rangeError(fn, where, ErrorCode.INVALID_NUMBER, must, text, allowed);
  const allowed = minor
    ? "an integer number of minor units such as 1250 or -99"
    : `a decimal amount such as ${f.thousands ? `1${f.thousands}234` : "1234"}${f.decimal}50 (decimal separator ${JSON.stringify(f.decimal)}${f.thousands ? `, thousands separator ${JSON.stringify(f.thousands)}` : ", no thousands separator"})`;
  if (s.length === 0) return bad("must not be empty", allowed);
  let i = 0;
  let negative = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 /* - */ || c0 === 43 /* + */) {
    negative = c0 === 45;
    i = 1;
  }
  let intDigits = "";
  let frac = "";
  let groupLen = -1; // digits since the last thousands separator (-1: none seen yet)
  let seenDecimal = false;
  for (; i < s.length; i++) {
    const ch = s[i] as string;
    const code = ch.charCodeAt(0);
    if (code >= 48 && code <= 57) {
      if (seenDecimal) frac += ch;
      else {
        intDigits += ch;
        if (groupLen >= 0) groupLen += 1;
      }
      continue;
    }
    if (!minor && !seenDecimal && f.thousands !== "" && ch === f.thousands) {
      if (intDigits.length === 0 || (groupLen >= 0 && groupLen !== 3) || (groupLen < 0 && intDigits.length > 3)) return bad("has a misplaced thousands separator", allowed);
      groupLen = 0;
      continue;
    }
    if (!minor && !seenDecimal && ch === f.decimal) {
      seenDecimal = true;
      continue;
    }
    return bad(`has an unexpected character ${JSON.stringify(ch)}`, allowed);
  }
  if (groupLen >= 0 && groupLen !== 3) return bad("has a misplaced thousands separator", allowed);
  if (intDigits.length === 0 && frac.length === 0) return bad("has no digits", allowed);
  if (seenDecimal && frac.length === 0 && intDigits.length === 0) return bad("has no digits", allowed);
  if (frac.length > digits) {
    const extra = frac.slice(digits);
    if (!/^0+$/.test(extra)) {
      return rangeError(fn, where, ErrorCode.SUB_MINOR_UNIT, `has more decimal places than ${currency} has minor digits (${digits})`, text, `at most ${digits} decimal places for ${currency}`);
    }
    frac = frac.slice(0, digits);
  }
  const all = (intDigits + frac.padEnd(digits, "0")).replace(/^0+(?=\d)/, "");
  if (all.length > MAX_DIGITS) return rangeError(fn, where, ErrorCode.OUT_OF_RANGE, `has more than ${MAX_DIGITS} digits`, text, "an amount below 1e30 minor units");
  if (all.length <= 15) {
    const n = Number(all);
    return negative && n !== 0 ? -n : n;
  }
  const b = BigInt(all);
  const v = negative ? -b : b;
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** A units cell: a finite decimal number written with the reader's separators. */
export function parseUnitsCell(text: string, f: NumberFormat, fn: string, where: string): number {
  const s = text.trim();
  const normal = f.thousands === "" ? s : s.split(f.thousands).join("");
  const plain = f.decimal === "." ? normal : normal.replace(f.decimal, ".");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain) || plain.length > 40) {
    return rangeError(fn, where, ErrorCode.INVALID_NUMBER, "must be a number", text, `a finite number of units such as 3 or 1${f.decimal}5`);
  }
  const n = Number(plain);
  return Object.is(n, -0) ? 0 : n;
}

/**
 * A date cell in the reader's format → epoch milliseconds of that UTC day (00:00Z). `"ISO"` also
 * takes an ISO 8601 date-time (with `Z` or an offset; without one, UTC), truncated to its UTC day.
 */
export function parseDateCell(text: string, format: DateFormat, fn: string, where: string): number {
  const s = text.trim();
  let y: number, m: number, d: number;
  const fail = (): never =>
    rangeError(
      fn,
      where,
      ErrorCode.INVALID_DATE,
      `must be a real calendar date in the format ${format}`,
      text,
      format === "ISO" ? "an ISO 8601 date or date-time such as 2024-03-01 or 2024-03-01T10:00:00Z" : `a date written ${format}`,
    );
  const num = (a: number, b: number): number => {
    let v = 0;
    for (let k = a; k < b; k++) {
      const c = s.charCodeAt(k) - 48;
      if (c < 0 || c > 9) fail();
      v = v * 10 + c;
    }
    return v;
  };
  const sep = (k: number, ch: string): void => {
    if (s[k] !== ch) fail();
  };
  switch (format) {
    case "YYYY-MM-DD":
    case "YYYY/MM/DD": {
      if (s.length !== 10) fail();
      const c = format[4] as string;
      sep(4, c);
      sep(7, c);
      [y, m, d] = [num(0, 4), num(5, 7), num(8, 10)];
      break;
    }
    case "DD.MM.YYYY":
    case "DD/MM/YYYY":
    case "MM/DD/YYYY": {
      if (s.length !== 10) fail();
      const c = format[2] as string;
      sep(2, c);
      sep(5, c);
      const a = num(0, 2);
      const b = num(3, 5);
      y = num(6, 10);
      [d, m] = format === "MM/DD/YYYY" ? [b, a] : [a, b];
      break;
    }
    case "YYYYMMDD":
      if (s.length !== 8) fail();
      [y, m, d] = [num(0, 4), num(4, 6), num(6, 8)];
      break;
    case "ISO": {
      if (s.length === 10) {
        sep(4, "-");
        sep(7, "-");
        [y, m, d] = [num(0, 4), num(5, 7), num(8, 10)];
        break;
      }
      if (s.length > 40 || !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s)) fail();
      [y, m, d] = [num(0, 4), num(5, 7), num(8, 10)];
      checkDay(y, m, d, fail);
      const iso = s.replace(" ", "T");
      const t = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`);
      if (Number.isNaN(t) || t < DATE_RANGE.minTime || t > DATE_RANGE.maxTime) fail();
      return t - (((t % 86_400_000) + 86_400_000) % 86_400_000);
    }
  }
  return checkDay(y, m, d, fail);
}

function checkDay(y: number, m: number, d: number, fail: () => never): number {
  if (m < 1 || m > 12 || d < 1 || d > 31) fail();
  const t = utcTime(y, m - 1, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) fail();
  return t;
}
