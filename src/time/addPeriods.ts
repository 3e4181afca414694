import { toUtcDay } from "../_lib/dates.js";
import { PERIODS, periodAddChecked } from "../_lib/periods.js";
import { toInteger, toOption } from "../_lib/validate.js";
import type { DateInput, Period } from "./types.js";

/**
 * Move a UTC calendar day by a whole number of periods (negative moves back).
 *
 * Month arithmetic clamps to the month's end like date-fns's `addMonths`: 2024-01-31 plus one
 * month is 2024-02-29.
 *
 * @param date - a Date (its UTC calendar day is used) or an ISO 8601 string
 * @param amount - number of periods, an integer (may be negative)
 * @param period - `"day"`, `"week"`, `"month"`, `"quarter"` or `"year"`
 * @returns the new UTC day at 00:00Z
 * @throws {@link ValidationError} for an invalid date, a non-integer amount, an unknown period, or an amount whose result leaves the years 0000–9999 (`OUT_OF_RANGE`, checked before computing: never an Invalid Date)
 *
 * @example
 * ```ts
 * import { addPeriods } from "marketplace-economics";
 * addPeriods("2024-01-31", 1, "month").toISOString().slice(0, 10); //=> "2024-02-29"
 * addPeriods("2024-01-01", 90, "day").toISOString().slice(0, 10); //=> "2024-03-31"
 * ```
 *
 * @category Time
 * @since 0.1.0
 */
export function addPeriods(date: DateInput, amount: number, period: Period): Date {
  const fn = "addPeriods";
  const day = toUtcDay(date, fn, "date");
  const n = toInteger(amount, fn, "amount");
  return periodAddChecked(day, n, toOption(period, fn, "period", PERIODS), fn, "amount");
}
