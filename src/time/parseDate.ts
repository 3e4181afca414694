import { parseDateInput } from "../_lib/dates.js";
import type { DateInput } from "./types.js";

/**
 * Parse a `Date` or an ISO 8601 string into a valid `Date`, or throw.
 *
 * - `"YYYY-MM-DD"` is that calendar day at 00:00 UTC (not local midnight), and impossible days
 *   such as `"2023-02-30"` throw instead of rolling over to March;
 * - a date-time with `Z` or an offset is that instant; without an offset it is read as UTC;
 * - a `Date` is copied (the argument is never mutated).
 *
 * Unlike `new Date(string)`, loose formats (`"March 7"`, `"7/3/2024"`) are rejected.
 *
 * @param value - a Date or an ISO 8601 string
 * @returns a new valid Date
 * @throws {@link ValidationError} for an Invalid Date or a string that is not a real ISO 8601 date (`INVALID_DATE`)
 * @throws {@link ValidationTypeError} for other types (`INVALID_TYPE`, `MISSING_VALUE`)
 *
 * @example
 * ```ts
 * import { parseDate } from "marketplace-economics";
 * parseDate("2024-02-29").toISOString(); //=> "2024-02-29T00:00:00.000Z"
 * parseDate("2024-02-29T23:30:00-05:00").toISOString(); //=> "2024-03-01T04:30:00.000Z"
 * ```
 *
 * @category Time
 * @since 0.1.0
 */
export function parseDate(value: DateInput): Date {
  return parseDateInput(value, "parseDate", "value");
}
