import { toUtcDay } from "../_lib/dates.js";
import { PERIODS, periodStart, type WeekStartsOn } from "../_lib/periods.js";
import { toInteger, toOption, toOptions } from "../_lib/validate.js";
import type { DateInput, Period } from "./types.js";

/**
 * The {@link startOfPeriod} and {@link eachPeriod} function options.
 *
 * @category Time
 * @since 0.1.0
 */
export interface PeriodOptions {
  /** First day of the week, 0 = Sunday … 6 = Saturday; default 1 (Monday, ISO 8601). */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * The first UTC calendar day of the period that contains `date`.
 *
 * The result is that of date-fns's `startOfWeek`/`startOfMonth`/`startOfQuarter`/`startOfYear`
 * run on UTC calendar days, and the same in every process time zone.
 *
 * @param date - a Date (its UTC calendar day is used) or an ISO 8601 string
 * @param period - `"day"`, `"week"`, `"month"`, `"quarter"` or `"year"`
 * @param options - see {@link PeriodOptions}
 * @returns the period's first day at 00:00Z
 * @throws {@link ValidationError} for an invalid date, a date outside 0000–9999 (`OUT_OF_RANGE`), an unknown period or an unknown option key (`UNKNOWN_OPTION`)
 * @throws {@link ValidationTypeError} for a value that is not a date (a Proxy of a Date included) or options that are not an object
 *
 * @example
 * ```ts
 * import { startOfPeriod } from "marketplace-economics";
 * startOfPeriod("2024-05-17", "quarter").toISOString(); //=> "2024-04-01T00:00:00.000Z"
 * startOfPeriod("2024-05-17", "week").toISOString(); //=> "2024-05-13T00:00:00.000Z"
 * ```
 *
 * @category Time
 * @since 0.1.0
 */
export function startOfPeriod(date: DateInput, period: Period, options?: PeriodOptions): Date {
  const fn = "startOfPeriod";
  const day = toUtcDay(date, fn, "date");
  const p = toOption(period, fn, "period", PERIODS);
  const o = toOptions(options, fn, "options", ["weekStartsOn"]);
  const ws = toInteger(o.weekStartsOn ?? 1, fn, "options.weekStartsOn", 0, 6) as WeekStartsOn;
  return periodStart(day, p, ws);
}
