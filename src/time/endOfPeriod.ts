import { toUtcDay } from "../_lib/dates.js";
import { PERIODS, periodEnd, type WeekStartsOn } from "../_lib/periods.js";
import { toInteger, toOption, toOptions } from "../_lib/validate.js";
import type { PeriodOptions } from "./startOfPeriod.js";
import type { DateInput, Period } from "./types.js";

/**
 * The last instant (23:59:59.999 UTC) of the period that contains `date`, like date-fns's
 * `endOfMonth`, but in UTC: `startOfPeriod(d) ≤ d ≤ endOfPeriod(d)` for every `d` of the period.
 *
 * @param date - a Date (its UTC calendar day is used) or an ISO 8601 string
 * @param period - `"day"`, `"week"`, `"month"`, `"quarter"` or `"year"`
 * @param options - see {@link PeriodOptions}
 * @returns the period's last millisecond
 * @throws {@link ValidationError} for an invalid date, a date outside 0000–9999 (`OUT_OF_RANGE`), an unknown period or an unknown option key (`UNKNOWN_OPTION`)
 * @throws {@link ValidationTypeError} for a value that is not a date (a Proxy of a Date included) or options that are not an object
 *
 * @example
 * ```ts
 * import { endOfPeriod } from "marketplace-economics";
 * endOfPeriod("2024-02-10", "month").toISOString(); //=> "2024-02-29T23:59:59.999Z"
 * ```
 *
 * @category Time
 * @since 0.1.0
 */
export function endOfPeriod(date: DateInput, period: Period, options?: PeriodOptions): Date {
  const fn = "endOfPeriod";
  const day = toUtcDay(date, fn, "date");
  const p = toOption(period, fn, "period", PERIODS);
  const o = toOptions(options, fn, "options", ["weekStartsOn"]);
  const ws = toInteger(o.weekStartsOn ?? 1, fn, "options.weekStartsOn", 0, 6) as WeekStartsOn;
  return periodEnd(day, p, ws);
}
