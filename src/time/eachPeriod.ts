import { ErrorCode } from "../errors.js";
import { toUtcDay } from "../_lib/dates.js";
import { PERIODS, eachPeriodStart, type WeekStartsOn } from "../_lib/periods.js";
import { rangeError, toInteger, toOption, toOptions } from "../_lib/validate.js";
import type { PeriodOptions } from "./startOfPeriod.js";
import type { DateInput, Period } from "./types.js";

/**
 * The first day of every period that overlaps the closed interval [start, end], in order.
 *
 * @param start - first day of the interval (Date or ISO string)
 * @param end - last day of the interval, inclusive; must not be before `start`
 * @param period - `"day"`, `"week"`, `"month"`, `"quarter"` or `"year"`
 * @param options - see {@link PeriodOptions}
 * @returns UTC period starts, a frozen array; the first may be before `start` (the start of its period)
 * @throws {@link ValidationError} for invalid dates, dates outside 0000–9999 (`OUT_OF_RANGE`), `end` before `start` (`INVALID_DATE_ORDER`), more than 100,000 periods (`OUT_OF_RANGE`: the output length is bounded), an unknown period or option key
 * @throws {@link ValidationTypeError} for a value that is not a date or options that are not an object
 *
 * @example
 * ```ts
 * import { eachPeriod } from "marketplace-economics";
 * eachPeriod("2024-01-15", "2024-03-01", "month").map((d) => d.toISOString().slice(0, 10)); //=> ["2024-01-01", "2024-02-01", "2024-03-01"]
 * ```
 *
 * @category Time
 * @since 0.1.0
 */
export function eachPeriod(start: DateInput, end: DateInput, period: Period, options?: PeriodOptions): readonly Date[] {
  const fn = "eachPeriod";
  const s = toUtcDay(start, fn, "start");
  const e = toUtcDay(end, fn, "end");
  const p = toOption(period, fn, "period", PERIODS);
  const o = toOptions(options, fn, "options", ["weekStartsOn"]);
  const ws = toInteger(o.weekStartsOn ?? 1, fn, "options.weekStartsOn", 0, 6) as WeekStartsOn;
  if (e.getTime() < s.getTime()) {
    rangeError(fn, "end", ErrorCode.INVALID_DATE_ORDER, `must not be before start (${s.toISOString().slice(0, 10)})`, e, "an end on or after start");
  }
  return Object.freeze(eachPeriodStart(s, e, p, ws));
}
