import { utcTime } from "../_lib/dates.js";
import { toInteger } from "../_lib/validate.js";

/**
 * The UTC calendar day `year-month-day` as a `Date` at 00:00:00.000Z: the safe way to write a
 * date in code, whatever the time zone of the machine that runs it.
 *
 * The library works in UTC calendar days (README "Conventions"). `new Date(2017, 0, 1)` is local
 * midnight: east of Greenwich (Berlin, Tokyo) that instant is still 2016-12-31 in UTC, so a sale
 * dated with it counts in 2016; west of Greenwich the UTC day is right only until the time of day
 * matters. `calendarDay(2017, 1, 1)` is 2017-01-01T00:00:00.000Z everywhere. Unlike `Date` and
 * `Date.UTC`, `month` counts from 1 (January = 1, as written in ISO dates), nothing rolls over
 * (`calendarDay(2023, 2, 30)` throws instead of giving March 2) and the years 0–99 are not read
 * as 1900–1999. The ISO string `"2017-01-01"` is the same day wherever a `DateInput` is accepted.
 *
 * @param year - the calendar year, an integer from 0 to 9999 (proleptic Gregorian)
 * @param month - the month, an integer from 1 (January) to 12 (December)
 * @param day - the day of the month, an integer from 1 to the month's last day (28–31)
 * @returns a new `Date` at 00:00:00.000Z of that day
 * @throws {@link ValidationError} when a part is not finite (`INVALID_NUMBER`), not an integer (`NOT_INTEGER`) or out of range (`OUT_OF_RANGE`: a month outside 1–12, a day the month does not have, a year outside 0–9999)
 * @throws {@link ValidationTypeError} when a part is not a number (`INVALID_TYPE`) or is missing (`MISSING_VALUE`)
 *
 * @example
 * ```ts
 * import { calendarDay } from "marketplace-economics";
 * calendarDay(2017, 1, 1).toISOString(); //=> "2017-01-01T00:00:00.000Z"
 * calendarDay(2024, 2, 29).toISOString(); //=> "2024-02-29T00:00:00.000Z"
 * ```
 *
 * @category Time
 * @since 0.3.0
 */
export function calendarDay(year: number, month: number, day: number): Date {
  const y = toInteger(year, "calendarDay", "year", 0, 9999);
  const m = toInteger(month, "calendarDay", "month", 1, 12);
  const last = new Date(utcTime(y, m, 0)).getUTCDate();
  const d = toInteger(day, "calendarDay", "day", 1, last);
  return new Date(utcTime(y, m - 1, d));
}
