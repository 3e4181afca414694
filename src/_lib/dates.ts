/**
 * Internal date helpers. The library works in UTC calendar days: a "day" is a `Date` at
 * 00:00:00.000Z. These helpers never depend on the process time zone.
 *
 * Calendar arithmetic on whole UTC days (month lengths, adding months, month ends, the first day
 * of a month, quarter or year) is exact integer arithmetic on day numbers (whole days since
 * 1970-01-01) and proleptic Gregorian civil dates ({@link civilFromDays} / {@link daysFromCivil},
 * H. Hinnant's algorithms): it needs no `Date` object, no time zone and no module beyond this
 * one, and it is property-tested against date-fns run in UTC (./periods.prop.test.ts,
 * ./dates.test.ts). date-fns remains the library's calendar authority where its logic is not
 * a one-liner: ISO 8601 week numbering (./periods.ts `isoWeek`, `getISOWeek`/`getISOWeekYear`).
 * Before 0.2.0 every one of these went through a date-fns function (#10: the root entry point
 * loaded 23 date-fns modules for them; it now loads 9).
 */
import { ErrorCode } from "../errors.js";
import { rangeError, typeError } from "./validate.js";

/** Milliseconds in one day (the only copy in the library: import it, never write the literal). */
export const MS_PER_DAY = 86_400_000;

/**
 * Epoch milliseconds of the UTC calendar day `year-(month0 + 1)-day` at 00:00Z. Months and days
 * out of range roll over (`month0 = 12` is January of the next year, `day = 0` the last day of the
 * previous month), as with `Date.UTC`, but unlike `Date.UTC` the years 0–99 are not read as
 * 1900–1999: `utcTime(50, 0, 1)` is 0050-01-01.
 */
export function utcTime(year: number, month0: number, day: number): number {
  if (year >= 100 || year < 0) return Date.UTC(year, month0, day);
  const d = new Date(0);
  d.setUTCFullYear(year, month0, day);
  return d.getTime();
}

/** Whether `year` is a leap year of the proleptic Gregorian calendar (year 0 is one). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Number of days in the month `month0` (0 = January; out-of-range months roll over the year) of `year`, proleptic Gregorian. */
export function daysInMonthUtc(year: number, month0: number): number {
  const y = year + Math.floor(month0 / 12);
  const m = month0 - 12 * Math.floor(month0 / 12);
  return m === 1 && isLeapYear(y) ? 29 : MONTH_DAYS[m]!;
}

/** A proleptic Gregorian calendar date: year (0 = 1 BC), month 1–12, day of month 1–31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The civil date of a day number (whole days since 1970-01-01), exactly, for any safe integer:
 * H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", `civil_from_days`
 * (https://howardhinnant.github.io/date_algorithms.html#civil_from_days), eras of 400 years
 * (146,097 days) from 0000-03-01.
 */
export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365); // [0, 399]
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11], March = 0
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The day number of a civil date (month 1–12, day 1–31): H. Hinnant's `days_from_civil`, the inverse of {@link civilFromDays}. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146_097 + doe - 719_468;
}

/** What {@link addMonthsUtc} does with a day that is the last day of its month. */
export type MonthEndRule = "clamp" | "keep";

/**
 * The one month-arithmetic routine of the library, on day numbers: the day `months` calendar
 * months after day number `day` (before, if negative). The day of month is kept and clamped to the
 * target month's last day (2024-01-31 + 1 month = 2024-02-29), as date-fns `addMonths` does. With
 * `monthEnd: "keep"`, a month-end day stays a month end (2024-02-29 − 1 month = 2024-01-31), the
 * rule of Regulation Z Appendix J (b)(3)(iv). A non-finite input gives `NaN`.
 */
export function addMonthsToEpochDay(day: number, months: number, monthEnd: MonthEndRule = "clamp"): number {
  if (!Number.isFinite(day) || !Number.isFinite(months)) return Number.NaN;
  const c = civilFromDays(day);
  const total = c.year * 12 + (c.month - 1) + Math.trunc(months);
  const year = Math.floor(total / 12);
  const month0 = total - 12 * year;
  const last = daysInMonthUtc(year, month0);
  const d = monthEnd === "keep" && c.day === daysInMonthUtc(c.year, c.month - 1) ? last : Math.min(c.day, last);
  return daysFromCivil(year, month0 + 1, d);
}

/**
 * {@link addMonthsToEpochDay} on a `Date`: the UTC day `months` calendar months after the UTC day
 * of `date` (the time of day is dropped; an Invalid Date or a result outside `Date`'s range gives
 * an Invalid Date, as date-fns does).
 */
export function addMonthsUtc(date: Date, months: number, monthEnd: MonthEndRule = "clamp"): Date {
  return fromEpochDay(addMonthsToEpochDay(epochDay(date), months, monthEnd));
}

/** Day number (whole days since 1970-01-01, UTC) of the UTC calendar day containing `date`. */
export function epochDay(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** The UTC calendar day (00:00Z) of a day number. */
export function fromEpochDay(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_ALLOWED = 'a valid Date or an ISO 8601 string such as "2024-03-31" or "2024-03-31T12:00:00Z"';

/**
 * The supported date range (README "Conventions", #11): every date the library accepts or returns
 * lies from 0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z (proleptic Gregorian, UTC). It
 * is checked by {@link parseDateInput} before any loop, so that no loop over days or periods can
 * be longer than these 10,000 years, and period keys always have 4-digit years.
 */
export const DATE_RANGE = Object.freeze({
  minTime: -62_167_219_200_000, // 0000-01-01T00:00:00.000Z
  maxTime: 253_402_300_799_999, // 9999-12-31T23:59:59.999Z
  text: "dates from 0000-01-01 to 9999-12-31 (UTC)",
});

/**
 * The epoch time of a genuine `Date` (its internal slot, read with `Date.prototype.getTime`, so a
 * Proxy of a Date or an object inheriting from `Date.prototype` is not one), or `undefined` when
 * `value` is not a genuine Date. Never throws and never runs user code.
 */
export function dateTimeOf(value: unknown): number | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return undefined;
  }
}

/** Throw `OUT_OF_RANGE` unless the epoch time `t` is a valid instant within {@link DATE_RANGE}. */
export function checkDateRange(t: number, fn: string, arg: string, received: unknown, what = "must fall in the years 0000–9999"): number {
  if (Number.isNaN(t)) rangeError(fn, arg, ErrorCode.INVALID_DATE, "must be a valid date", received, DATE_ALLOWED);
  if (t < DATE_RANGE.minTime || t > DATE_RANGE.maxTime) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, what, received, DATE_RANGE.text);
  return t;
}

/**
 * Parse a Date or ISO 8601 string into a valid Date instant within {@link DATE_RANGE}, or throw.
 * The one date path of the library (#11):
 * - `"YYYY-MM-DD"` → that calendar day at 00:00Z (impossible days such as `"2023-02-30"` throw);
 * - a date-time with `Z` or an offset → that instant; without an offset it is read as UTC.
 * - a genuine `Date` → a copy (Invalid Date throws `INVALID_DATE`); a Proxy of a Date or another
 *   object that only looks like a Date throws {@link ValidationTypeError} (`INVALID_TYPE`), read
 *   without calling its traps or getters;
 * - a date before 0000-01-01 or after 9999-12-31 throws `OUT_OF_RANGE`.
 */
export function parseDateInput(value: unknown, fn: string, arg: string): Date {
  if (typeof value === "string") return new Date(checkDateRange(parseDateString(value, fn, arg), fn, arg, value));
  const t = dateTimeOf(value);
  if (t === undefined) {
    return typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a date", value, DATE_ALLOWED);
  }
  return new Date(checkDateRange(t, fn, arg, value));
}

function parseDateString(value: string, fn: string, arg: string): number {
  const m = DATE_ONLY.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const check = new Date(utcTime(y, mo - 1, d));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
      rangeError(fn, arg, ErrorCode.INVALID_DATE, "must be a real calendar date", value, DATE_ALLOWED);
    }
    return check.getTime();
  }
  if (value.length <= 40 && DATE_TIME.test(value)) {
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
    const t = Date.parse(hasZone ? value : `${value}Z`);
    // Reject impossible calendar parts that Date.parse would roll over (2024-02-30T10:00Z).
    const [y, mo, d] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
    const check = new Date(utcTime(y, mo - 1, d));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
      rangeError(fn, arg, ErrorCode.INVALID_DATE, "must be a real calendar date", value, DATE_ALLOWED);
    }
    if (!Number.isNaN(t)) return t;
  }
  return rangeError(fn, arg, ErrorCode.INVALID_DATE, "must be an ISO 8601 date", value, DATE_ALLOWED);
}

/** Truncate an instant to its UTC calendar day (00:00Z). */
export function utcDay(date: Date): Date {
  return new Date(date.getTime() - (((date.getTime() % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY));
}

/** Parse then truncate to the UTC calendar day. */
export function toUtcDay(value: unknown, fn: string, arg: string): Date {
  return utcDay(parseDateInput(value, fn, arg));
}

/** Whole UTC calendar days from `a` to `b` (negative if b < a). Both are truncated to days first. */
export function daysBetweenUtc(a: Date, b: Date): number {
  return epochDay(b) - epochDay(a);
}

/**
 * The date of a sale record: a genuine, valid `Date` within {@link DATE_RANGE} as is (fast path,
 * no copy), or an ISO 8601 string parsed by {@link parseDateInput} (`"2024-03-01"` is that UTC
 * day). Anything else (a Proxy of a Date included) throws the same typed errors as
 * {@link parseDateInput}.
 */
export function toSaleDate(value: unknown, fn: string, arg: string): Date {
  const t = dateTimeOf(value);
  if (t !== undefined && t >= DATE_RANGE.minTime && t <= DATE_RANGE.maxTime) return value as Date;
  return parseDateInput(value, fn, arg);
}
