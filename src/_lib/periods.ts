/**
 * The library's one period library: calendar periods ("day" | "week" | "month" | "quarter" |
 * "year") on UTC calendar days, used by `time/` (startOfPeriod, endOfPeriod, addPeriods,
 * eachPeriod, periodKey), `share/` (salesShareByPeriod) and `sellers/` (cohortsByPeriod,
 * cohortSurvival).
 *
 * ## Calendar arithmetic: exact day-number arithmetic, date-fns for ISO weeks, memoised per day
 * Period starts (`week` with any first weekday, `month`, `quarter`, `year`), period counts and
 * keys are exact integer arithmetic on day numbers (whole days since 1970-01-01) and civil dates
 * (./dates.ts `civilFromDays`/`daysFromCivil`), and month steps go through ./dates.ts
 * `addMonthsUtc`: no result depends on the process time zone. ISO 8601 week numbering (the
 * week-numbering year and week of a day) is date-fns (`getISOWeek`, `getISOWeekYear`, imported
 * from their own subpaths) run on a {@link UtcDate} (a `Date` whose local accessors are UTC).
 * Every other function is property-tested against the date-fns function it replaced
 * (`startOfWeek`/`Month`/`Quarter`/`Year`, `addMonths`, `differenceInCalendar*`, run in UTC) in
 * ./periods.prop.test.ts (#10: 23 date-fns modules at import became 9).
 *
 * A period start or key is needed once per sale, and computing one costs up to a few µs (a
 * date-fns ISO-week call) where a lookup costs tens of ns, so both are memoised per UTC day
 * number in a {@link DayCache}: a
 * fixed-size, direct-mapped table (4,096 slots, one per day number modulo 4,096: eleven
 * consecutive years never collide), allocated the first time a period kind is used. A hit is
 * one array read; a miss computes the value and overwrites the slot. Results are day numbers or
 * strings, never shared mutable objects, so a cached answer is indistinguishable from a fresh one
 * (property-tested against uncached date-fns calls in ./periods.prop.test.ts).
 *
 * ## Period keys
 * `"2024"`, `"2024-Q2"`, `"2024-05"`, `"2024-W20"` (ISO 8601 week-numbering year and week),
 * `"2024-05-17"`. The year is always 4 digits (`"0999-03"`), so keys of one kind sort
 * chronologically as strings: `a ≤ b ⇒ periodLabel(a) ≤ periodLabel(b)`. That holds only while
 * the year fits in 4 digits, so a key is defined for the years 0000–9999 (for weeks: ISO
 * week-numbering years 0000–9999); a date outside throws `OUT_OF_RANGE` rather than return a key
 * that sorts wrongly (ISO 8601 expanded years `"+10000"`, `"-0001"` do not sort as strings).
 */
/*! The build bundles date-fns' getISOWeek / getISOWeekYear (https://github.com/date-fns/date-fns),
 *  MIT License, Copyright (c) 2021 Sasha Koss and Lesha Koss. */
import { getISOWeek } from "date-fns/getISOWeek";
import { getISOWeekYear } from "date-fns/getISOWeekYear";
import { ErrorCode } from "../errors.js";
import type { Period } from "../time/types.js";
import { DATE_RANGE, MS_PER_DAY, addMonthsUtc, checkDateRange, civilFromDays, daysFromCivil, epochDay, fromEpochDay, utcDay } from "./dates.js";
import { UtcDate } from "./utcDate.js";
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

/** Slots of a {@link DayCache} (a power of two: the slot of day number `d` is `d & (SLOTS - 1)`). */
const SLOTS = 4096;

/**
 * A fixed-size, direct-mapped memo from UTC day numbers to values: slot `day mod SLOTS` holds the
 * last day looked up there and its value. Bounded (never grows), so it cannot leak however many
 * distinct days a process sees. Keys are stored as float64 with `NaN` for an empty slot (no day
 * number equals `NaN`, and an Invalid Date's day number `NaN` never hits).
 */
export class DayCache<V> {
  private readonly days = new Float64Array(SLOTS).fill(Number.NaN);
  private readonly values: V[] = new Array<V>(SLOTS);
  constructor(private readonly compute: (day: number) => V) {}
  /** The value for `day` (a whole day number): memoised, else computed and stored. */
  get(day: number): V {
    const slot = day & (SLOTS - 1);
    if (this.days[slot] === day) return this.values[slot] as V;
    const value = this.compute(day);
    this.days[slot] = day;
    this.values[slot] = value;
    return value;
  }
}

/** A {@link UtcDate} at 00:00Z of a day number (the argument date-fns computes on). */
const utcOf = (day: number): UtcDate => new UtcDate(day * MS_PER_DAY);

/** Day of the week of a day number, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** Uncached day number of the first day of the period containing day number `day` (not "day"). */
function startDayOf(day: number, period: Exclude<Period, "day">, weekStartsOn: WeekStartsOn): number {
  if (period === "week") return day - ((weekday(day) - weekStartsOn + 7) % 7);
  const c = civilFromDays(day);
  switch (period) {
    case "month":
      return daysFromCivil(c.year, c.month, 1);
    case "quarter":
      return daysFromCivil(c.year, c.month - ((c.month - 1) % 3), 1);
    case "year":
      return daysFromCivil(c.year, 1, 1);
  }
}

// One start cache per kind: weeks by first weekday (0–6), then month, quarter, year.
const startCaches: (DayCache<number> | undefined)[] = new Array<DayCache<number> | undefined>(10);
const START_SLOT: Readonly<Record<Exclude<Period, "day" | "week">, number>> = { month: 7, quarter: 8, year: 9 };

function startCache(period: Exclude<Period, "day">, weekStartsOn: WeekStartsOn): DayCache<number> {
  const i = period === "week" ? weekStartsOn : START_SLOT[period];
  return (startCaches[i] ??= new DayCache((day) => startDayOf(day, period, weekStartsOn)));
}

/**
 * First UTC day (00:00Z) of the period containing `date` (its UTC day; the time of day is
 * dropped): date-fns `startOfWeek`/`startOfMonth`/`startOfQuarter`/`startOfYear` in UTC, memoised
 * per day.
 */
export function periodStart(date: Date, period: Period, weekStartsOn: WeekStartsOn = 1): Date {
  if (period === "day") return utcDay(date);
  return fromEpochDay(startCache(period, weekStartsOn).get(epochDay(date)));
}

/**
 * The UTC day of `date` moved by `n` periods. Days and weeks are whole days added to the day
 * number; months, quarters (3 months) and years (12 months, as date-fns's `addYears`) go through
 * {@link addMonthsUtc} (date-fns `addMonths`): the day of month is clamped (2024-01-31 + 1 month
 * = 2024-02-29); on a period start this is simply the `n`-th next period start.
 */
export function periodAdd(date: Date, n: number, period: Period): Date {
  switch (period) {
    case "day":
      return fromEpochDay(epochDay(date) + n);
    case "week":
      return fromEpochDay(epochDay(date) + 7 * n);
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

/**
 * Whole periods from `a` to `b`, both period starts of the same kind (negative if b is earlier):
 * day numbers for days and weeks, date-fns `differenceInCalendarMonths`/`Quarters`/`Years` in
 * UTC for the rest.
 */
export function periodsBetween(a: Date, b: Date, period: Period): number {
  const da = epochDay(a);
  const db = epochDay(b);
  if (period === "day") return db - da;
  if (period === "week") return Math.round((db - da) / 7);
  const ca = civilFromDays(da);
  const cb = civilFromDays(db);
  const months = (cb.year - ca.year) * 12 + (cb.month - ca.month);
  if (period === "month") return months;
  if (period === "quarter") return (cb.year - ca.year) * 4 + (Math.floor((cb.month - 1) / 3) - Math.floor((ca.month - 1) / 3));
  return cb.year - ca.year;
}

/**
 * Most periods in one sequence the library builds (#11): `eachPeriod`'s output, the periods of
 * `salesShareByPeriod` and `cohortsByPeriod` (every period from the first to the last record),
 * the cohorts of `cohortSurvival`. 100,000 days are 273 years; 100,000 months 8,333 years.
 */
export const MAX_PERIODS = 100_000;

/**
 * Throw `OUT_OF_RANGE` (before any loop) unless a sequence of `count` periods is at most
 * {@link MAX_PERIODS} long.
 */
export function checkPeriodCount(count: number, period: Period, fn: string, arg: string, received: unknown): void {
  if (!(count <= MAX_PERIODS)) {
    rangeError(
      fn,
      arg,
      ErrorCode.OUT_OF_RANGE,
      `must span at most ${MAX_PERIODS} ${period}s (it spans ${String(count)})`,
      received,
      `dates at most ${MAX_PERIODS} periods apart (use a longer period, or split the range)`,
    );
  }
}

/**
 * Most periods {@link periodAddChecked} moves by: the days in the supported date range rounded up
 * (a larger count always leaves it).
 */
const MAX_PERIOD_STEP = 3_700_000;

/**
 * {@link periodAdd} for a user-given count: `n` must be a safe integer of at most
 * 3,700,000 in magnitude (checked before computing) and the result must lie within the supported
 * date range (`DATE_RANGE` of ./dates.ts), else `OUT_OF_RANGE` naming `fn`/`arg`.
 */
export function periodAddChecked(date: Date, n: number, period: Period, fn: string, arg: string): Date {
  if (!(Math.abs(n) <= MAX_PERIOD_STEP)) {
    rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `must be at most ${MAX_PERIOD_STEP} in magnitude`, n, `an integer from -${MAX_PERIOD_STEP} to ${MAX_PERIOD_STEP} whose result falls in ${DATE_RANGE.text}`);
  }
  const out = periodAdd(date, n, period);
  checkDateRange(out.getTime(), fn, arg, n, `must keep the result in the years 0000–9999 (${date.toISOString().slice(0, 10)} + ${n} ${period}s leaves them)`);
  return out;
}

/**
 * The start of every period from the one containing `start` to the one containing `end`
 * (start ≤ end), at most {@link MAX_PERIODS} of them (checked before the loop; `OUT_OF_RANGE`
 * naming `fn`/`arg`).
 */
export function eachPeriodStart(start: Date, end: Date, period: Period, weekStartsOn: WeekStartsOn = 1, fn = "eachPeriod", arg = "end"): Date[] {
  const first = periodStart(start, period, weekStartsOn);
  const n = periodsBetween(first, periodStart(end, period, weekStartsOn), period);
  checkPeriodCount(n + 1, period, fn, arg, end);
  const out: Date[] = new Array<Date>(n + 1);
  for (let i = 0; i <= n; i++) out[i] = periodAdd(first, i, period);
  return out;
}

/** ISO 8601 week-numbering year and week (1–53) of the UTC day of `date` (date-fns `getISOWeekYear`, `getISOWeek`). */
export function isoWeek(date: Date): { readonly year: number; readonly week: number } {
  const u = utcOf(epochDay(date));
  return { year: getISOWeekYear(u), week: getISOWeek(u) };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** Why a day has no key: the key's year (ISO week-numbering year for weeks) is outside 0000–9999. */
interface NoKey {
  readonly year: number;
}

/** Uncached key of the period containing day number `day`, or the out-of-range year. */
function labelOf(day: number, period: Period): string | NoKey {
  const c = civilFromDays(day);
  const y = period === "week" ? getISOWeekYear(utcOf(day)) : c.year;
  if (y < MIN_KEY_YEAR || y > MAX_KEY_YEAR) return { year: y };
  const yyyy = pad(y, 4);
  switch (period) {
    case "day":
      return `${yyyy}-${pad(c.month)}-${pad(c.day)}`;
    case "week":
      return `${yyyy}-W${pad(getISOWeek(utcOf(day)))}`;
    case "month":
      return `${yyyy}-${pad(c.month)}`;
    case "quarter":
      return `${yyyy}-Q${Math.floor((c.month - 1) / 3) + 1}`;
    case "year":
      return yyyy;
  }
}

const labelCaches: Partial<Record<Period, DayCache<string | NoKey>>> = {};

/**
 * The sortable key of the period containing `date` (see the module notes), memoised per day:
 * throws a `ValidationError` (`OUT_OF_RANGE`, named after `fn`/`arg`) when the key's year is
 * outside 0000–9999.
 */
export function periodLabel(date: Date, period: Period, fn: string, arg: string): string {
  const key = (labelCaches[period] ??= new DayCache((day) => labelOf(day, period))).get(epochDay(date));
  if (typeof key === "string") return key;
  return rangeError(
    fn,
    arg,
    ErrorCode.OUT_OF_RANGE,
    `must fall in the years 0000–9999 to have a period key (its ${period === "week" ? "ISO week-numbering year" : "year"} is ${key.year})`,
    date,
    "dates from 0000-01-01 to 9999-12-31 (week keys: ISO week-numbering years 0000–9999)",
  );
}
