import { toUtcDay } from "../_lib/dates.js";
import { PERIODS, periodLabel } from "../_lib/periods.js";
import { toOption } from "../_lib/validate.js";
import type { DateInput, Period } from "./types.js";

/**
 * A sortable text label of the period containing `date`: `"2024"`, `"2024-Q2"`, `"2024-05"`,
 * `"2024-W20"` (ISO 8601 week-numbering year and week) or `"2024-05-17"`. Labels of one period
 * kind sort chronologically as strings, so they make good map keys: the year always has 4
 * digits (`"0999-03"`), so `a ≤ b` implies `periodKey(a) ≤ periodKey(b)`. They are the same
 * labels as {@link salesShareByPeriod}'s `period` and {@link cohortsByPeriod}'s `cohort`.
 *
 * Keys exist for the years 0000–9999 (for `"week"`, ISO week-numbering years 0000–9999): a
 * `Date` outside that range throws rather than return a label that sorts wrongly.
 *
 * @param date - a Date (its UTC calendar day is used) or an ISO 8601 string
 * @param period - `"day"`, `"week"`, `"month"`, `"quarter"` or `"year"`
 * @returns the label
 * @throws {@link ValidationError} for an invalid date (`INVALID_DATE`), an unknown period (`UNKNOWN_OPTION`) or a date whose key year is outside 0000–9999 (`OUT_OF_RANGE`)
 *
 * @example
 * ```ts
 * import { periodKey } from "marketplace-economics";
 * periodKey("2024-05-17", "quarter"); //=> "2024-Q2"
 * periodKey("2021-01-03", "week"); //=> "2020-W53"
 * periodKey("0999-03-15", "month"); //=> "0999-03"
 * ```
 *
 * @category Time
 * @since 0.1.0
 */
export function periodKey(date: DateInput, period: Period): string {
  const fn = "periodKey";
  return periodLabel(toUtcDay(date, fn, "date"), toOption(period, fn, "period", PERIODS), fn, "date");
}
