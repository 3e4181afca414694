/**
 * Internal date helpers. The library works in UTC calendar days: a "day" is a `Date` at
 * 00:00:00.000Z. These helpers never depend on the process time zone.
 */
import { ErrorCode } from "../errors.js";
import { rangeError, typeError } from "./validate.js";

/** Milliseconds in one day. */
export const MS_PER_DAY = 86_400_000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_ALLOWED = "a valid Date or an ISO 8601 string such as \"2024-03-31\" or \"2024-03-31T12:00:00Z\"";

/**
 * Parse a Date or ISO 8601 string into a valid Date instant, or throw.
 * - `"YYYY-MM-DD"` → that calendar day at 00:00Z (impossible days such as `"2023-02-30"` throw);
 * - a date-time with `Z` or an offset → that instant; without an offset it is read as UTC.
 * - a `Date` → a copy (Invalid Date throws).
 */
export function parseDateInput(value: unknown, fn: string, arg: string): Date {
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) rangeError(fn, arg, ErrorCode.INVALID_DATE, "must be a valid date", value, DATE_ALLOWED);
    return new Date(t);
  }
  if (typeof value === "string") {
    const m = DATE_ONLY.exec(value);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      const t = Date.UTC(y, mo - 1, d);
      const check = new Date(t);
      if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
        rangeError(fn, arg, ErrorCode.INVALID_DATE, "must be a real calendar date", value, DATE_ALLOWED);
      }
      return check;
    }
    if (DATE_TIME.test(value)) {
      const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
      const t = Date.parse(hasZone ? value : `${value}Z`);
      // Reject impossible calendar parts that Date.parse would roll over (2024-02-30T10:00Z).
      const [y, mo, d] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
      const check = new Date(Date.UTC(y, mo - 1, d));
      if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
        rangeError(fn, arg, ErrorCode.INVALID_DATE, "must be a real calendar date", value, DATE_ALLOWED);
      }
      if (!Number.isNaN(t)) return new Date(t);
    }
    return rangeError(fn, arg, ErrorCode.INVALID_DATE, "must be an ISO 8601 date", value, DATE_ALLOWED);
  }
  return typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a date", value, DATE_ALLOWED);
}

/** Truncate an instant to its UTC calendar day (00:00Z). */
export function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Parse then truncate to the UTC calendar day. */
export function toUtcDay(value: unknown, fn: string, arg: string): Date {
  return utcDay(parseDateInput(value, fn, arg));
}

/** Whole UTC calendar days from `a` to `b` (negative if b < a). Both are truncated to days first. */
export function daysBetweenUtc(a: Date, b: Date): number {
  return Math.round((utcDay(b).getTime() - utcDay(a).getTime()) / MS_PER_DAY);
}

/**
 * The date of a sale record: a valid `Date` as is (fast path, no copy), or an ISO 8601 string
 * parsed by {@link parseDateInput} (`"2024-03-01"` is that UTC day). Anything else throws the
 * same typed errors as {@link parseDateInput}.
 */
export function toSaleDate(value: unknown, fn: string, arg: string): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  return parseDateInput(value, fn, arg);
}
