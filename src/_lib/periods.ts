/**
 * Internal period arithmetic on UTC calendar days: date-fns on a {@link UtcDate}, whose calendar
 * accessors are UTC, so results never depend on the process time zone.
 */
import { addDays, addMonths, addQuarters, addWeeks, addYears, getISOWeek, getISOWeekYear, startOfMonth, startOfQuarter, startOfWeek, startOfYear } from "date-fns";
import type { Period } from "../time/types.js";
import { utcDay } from "./dates.js";
import { UtcDate, plainDate } from "./utcDate.js";

export const PERIODS: readonly Period[] = ["day", "week", "month", "quarter", "year"];

/** First UTC day of the period containing `day`. */
export function periodStart(day: Date, period: Period, weekStartsOn: 0 | 1 | 2 | 3 | 4 | 5 | 6 = 1): Date {
  if (period === "day") return utcDay(day);
  const local = new UtcDate(utcDay(day).getTime());
  switch (period) {
    case "week":
      return plainDate(startOfWeek(local, { weekStartsOn }));
    case "month":
      return plainDate(startOfMonth(local));
    case "quarter":
      return plainDate(startOfQuarter(local));
    case "year":
      return plainDate(startOfYear(local));
  }
}

/** `day` moved by `n` periods (month ends clamp: Jan 31 + 1 month = Feb 28/29, as date-fns). */
export function periodAdd(day: Date, n: number, period: Period): Date {
  const local = new UtcDate(utcDay(day).getTime());
  switch (period) {
    case "day":
      return plainDate(addDays(local, n));
    case "week":
      return plainDate(addWeeks(local, n));
    case "month":
      return plainDate(addMonths(local, n));
    case "quarter":
      return plainDate(addQuarters(local, n));
    case "year":
      return plainDate(addYears(local, n));
  }
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** A sortable label of the period containing `day`: "2024", "2024-Q1", "2024-03", "2024-W05", "2024-03-31". */
export function periodLabel(day: Date, period: Period): string {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + 1;
  switch (period) {
    case "day":
      return `${y}-${pad(m)}-${pad(day.getUTCDate())}`;
    case "week": {
      const local = new UtcDate(utcDay(day).getTime());
      return `${getISOWeekYear(local)}-W${pad(getISOWeek(local))}`;
    }
    case "month":
      return `${y}-${pad(m)}`;
    case "quarter":
      return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    case "year":
      return String(y);
  }
}
