import { daysBetweenUtc, toUtcDay } from "../_lib/dates.js";
import type { DateInput } from "./types.js";

/**
 * Whole UTC calendar days from `start` to `end` (negative when `end` is earlier). Times of day
 * are ignored and no daylight-saving hour can make it off by one.
 *
 * @param start - a Date or ISO 8601 string
 * @param end - a Date or ISO 8601 string
 * @returns `end − start` in days, an integer
 * @throws {@link ValidationError} for an invalid date
 *
 * @example
 * ```ts
 * import { daysBetween } from "marketplace-economics";
 * daysBetween("2024-01-01", "2025-01-01"); //=> 366
 * ```
 *
 * @category Time
 * @since 0.1.0
 */
export function daysBetween(start: DateInput, end: DateInput): number {
  return daysBetweenUtc(toUtcDay(start, "daysBetween", "start"), toUtcDay(end, "daysBetween", "end"));
}
