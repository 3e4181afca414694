/**
 * The library's one period library: calendar periods ("day" | "week" | "month" | "quarter" |
 * "year") on UTC calendar days, used by `time/` (startOfPeriod, endOfPeriod, addPeriods,
 * eachPeriod, periodKey), `share/` (salesShareByPeriod) and `sellers/` (cohortsByPeriod,
 * cohortSurvival). Plain UTC arithmetic (no process time zone, no date-fns at run time: a
 * period start is needed once per sale, and date-fns on a UTC date costs ~25x more per call);
 * its results are property-tested equal to date-fns's `startOfWeek`/`startOfMonth`/
 * `startOfQuarter`/`startOfYear`/`addMonths`/`getISOWeek` run in UTC (src/_lib/periods.test.ts).
 * Day and month arithmetic itself lives in ./dates.ts.
 *
 * ## Period keys
 * `"2024"`, `"2024-Q2"`, `"2024-05"`, `"2024-W20"` (ISO 8601 week-numbering year and week),
 * `"2024-05-17"`. The year is always 4 digits (`"0999-03"`), so keys of one kind sort
 * chronologically as strings: `a ≤ b ⇒ periodLabel(a) ≤ periodLabel(b)`. That holds only while
 * the year fits in 4 digits, so a key is defined for the years 0000–9999 (for weeks: ISO
 * week-numbering years 0000–9999); a date outside throws `OUT_OF_RANGE` rather than return a key
 * that sorts wrongly (ISO 8601 expanded years `"+10000"`, `"-0001"` do not sort as strings).
 */
import { ErrorCode } from "../errors.js";
import type { Period } from "../time/types.js";
import { MS_PER_DAY, addMonthsUtc, epochDay, utcDay, utcTime } from "./dates.js";
import { rangeError } from "./validate.js";

/** Every period word, in increasing length. */
export const PERIODS: readonly Period[] = Object.freeze(["day", "week", "month", "quarter", "year"]);

/** First day of a week: 0 = Sunday … 6 = Saturday (1, Monday, is ISO 8601). */
export type WeekStartsOn = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Smallest and largest year of a period key. */
export const MIN_KEY_YEAR = 0;
export const MAX_KEY_YEAR = 9999;

/**
 * The period validator of share/ and sellers/ (message "must be a period name"); time/ validates
 * with `toOption` ("must be one of"). Both accept exactly {@link PERIODS}.
 */
export function toPeriod(value: unknown, fn: string, arg = "period"): Period {
  if (typeof value !== "string" || !(PERIODS as readonly string[]).includes(value)) {
    rangeError(fn, arg, ErrorCode.UNKNOWN_OPTION, "must be a period name", value, PERIODS.map((p) => JSON.stringify(p)).join(", "));
  }
  return value as Period;
}

/** First UTC day (00:00Z) of the period containing `date` (its UTC day; the time of day is dropped). */
export function periodStart(date: Date, period: Period, weekStartsOn: WeekStartsOn = 1): Date {
  switch (period) {
    case "day":
      return utcDay(date);
    case "week": {
      const back = (date.getUTCDay() - weekStartsOn + 7) % 7;
      return new Date(utcDay(date).getTime() - back * MS_PER_DAY);
    }
    case "month":
      return new Date(utcTime(date.getUTCFullYear(), date.getUTCMonth(), 1));
    case "quarter": {
      const m = date.getUTCMonth();
      return new Date(utcTime(date.getUTCFullYear(), m - (m % 3), 1));
    }
    case "year":
      return new Date(utcTime(date.getUTCFullYear(), 0, 1));
  }
}

/**
 * The UTC day of `date` moved by `n` periods. Months, quarters and years go through
 * {@link addMonthsUtc}: the day of month is clamped (2024-01-31 + 1 month = 2024-02-29, as
 * date-fns's `addMonths`); on a period start this is simply the `n`-th next period start.
 */
export function periodAdd(date: Date, n: number, period: Period): Date {
  switch (period) {
    case "day":
      return new Date(utcDay(date).getTime() + n * MS_PER_DAY);
    case "week":
      return new Date(utcDay(date).getTime() + 7 * n * MS_PER_DAY);
    case "month":
      return addMonthsUtc(date, n);
    case "quarter":
      return addMonthsUtc(date, 3 * n);
    case "year":
      return addMonthsUtc(date, 12 * n);
  }
}

/** The last instant (23:59:59.999Z) of the period containing `date`. */
export function periodEnd(date: Date, period: Period, weekStartsOn: WeekStartsOn = 1): Date {
  return new Date(periodAdd(periodStart(date, period, weekStartsOn), 1, period).getTime() - 1);
}

/** Whole periods from `a` to `b`, both period starts of the same kind (negative if b is earlier). */
export function periodsBetween(a: Date, b: Date, period: Period): number {
  switch (period) {
    case "day":
      return epochDay(b) - epochDay(a);
    case "week":
      return Math.round((epochDay(b) - epochDay(a)) / 7);
    case "month":
      return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
    case "quarter":
      return Math.floor(((b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth()) / 3);
    case "year":
      return b.getUTCFullYear() - a.getUTCFullYear();
  }
}

/** The start of every period from the one containing `start` to the one containing `end` (start ≤ end). */
export function eachPeriodStart(start: Date, end: Date, period: Period, weekStartsOn: WeekStartsOn = 1): Date[] {
  const first = periodStart(start, period, weekStartsOn);
  const n = periodsBetween(first, periodStart(end, period, weekStartsOn), period);
  const out: Date[] = new Array<Date>(n + 1);
  for (let i = 0; i <= n; i++) out[i] = periodAdd(first, i, period);
  return out;
}

/** ISO 8601 week-numbering year and week (1–53) of the UTC day of `date`. */
export function isoWeek(date: Date): { readonly year: number; readonly week: number } {
  // The week containing the Thursday decides the week-year; weeks start on Monday.
  const thursday = new Date(periodStart(date, "week", 1).getTime() + 3 * MS_PER_DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - utcTime(year, 0, 1)) / (7 * MS_PER_DAY)) + 1;
  return { year, week };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/**
 * The sortable key of the period containing `date` (see the module notes): throws a
 * `ValidationError` (`OUT_OF_RANGE`, named after `fn`/`arg`) when the key's year is outside
 * 0000–9999.
 */
export function periodLabel(date: Date, period: Period, fn: string, arg: string): string {
  const week = period === "week" ? isoWeek(date) : undefined;
  const y = week ? week.year : date.getUTCFullYear();
  if (y < MIN_KEY_YEAR || y > MAX_KEY_YEAR) {
    rangeError(
      fn,
      arg,
      ErrorCode.OUT_OF_RANGE,
      `must fall in the years 0000–9999 to have a period key (its ${period === "week" ? "ISO week-numbering year" : "year"} is ${y})`,
      date,
      "dates from 0000-01-01 to 9999-12-31 (week keys: ISO week-numbering years 0000–9999)",
    );
  }
  const yyyy = pad(y, 4);
  switch (period) {
    case "day":
      return `${yyyy}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    case "week":
      return `${yyyy}-W${pad((week as { week: number }).week)}`;
    case "month":
      return `${yyyy}-${pad(date.getUTCMonth() + 1)}`;
    case "quarter":
      return `${yyyy}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
    case "year":
      return yyyy;
  }
}
