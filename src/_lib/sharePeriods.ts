/**
 * Internal UTC period helpers for the sellers and share modules (month/quarter/year... keys).
 * Kept local so these modules do not depend on src/time while it is being written.
 */
import { ErrorCode } from "../errors.js";
import { rangeError } from "./validate.js";

/** A calendar period. */
export type SharePeriod = "day" | "week" | "month" | "quarter" | "year";
export const SHARE_PERIODS: readonly SharePeriod[] = ["day", "week", "month", "quarter", "year"];

export function toPeriod(value: unknown, fn: string, arg = "period"): SharePeriod {
  if (typeof value !== "string" || !(SHARE_PERIODS as readonly string[]).includes(value)) {
    rangeError(fn, arg, ErrorCode.UNKNOWN_OPTION, "must be a period name", value, SHARE_PERIODS.map((p) => JSON.stringify(p)).join(", "));
  }
  return value as SharePeriod;
}

/** First UTC day of the period containing `date` (weeks are ISO weeks starting Monday). */
export function startOfPeriodUtc(date: Date, period: SharePeriod): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  switch (period) {
    case "day":
      return new Date(Date.UTC(y, m, d));
    case "week": {
      const dow = (date.getUTCDay() + 6) % 7; // Monday = 0
      return new Date(Date.UTC(y, m, d - dow));
    }
    case "month":
      return new Date(Date.UTC(y, m, 1));
    case "quarter":
      return new Date(Date.UTC(y, m - (m % 3), 1));
    case "year":
      return new Date(Date.UTC(y, 0, 1));
  }
}

/** `start` (a period start) moved by `n` periods. */
export function addPeriodsUtc(start: Date, period: SharePeriod, n: number): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  switch (period) {
    case "day":
      return new Date(Date.UTC(y, m, d + n));
    case "week":
      return new Date(Date.UTC(y, m, d + 7 * n));
    case "month":
      return new Date(Date.UTC(y, m + n, 1));
    case "quarter":
      return new Date(Date.UTC(y, m + 3 * n, 1));
    case "year":
      return new Date(Date.UTC(y + n, 0, 1));
  }
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** Key of the period containing `date`: "2024", "2024-Q1", "2024-03", "2024-W05", "2024-03-31". */
export function periodKeyUtc(date: Date, period: SharePeriod): string {
  const y = date.getUTCFullYear();
  switch (period) {
    case "day":
      return `${pad(y, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    case "month":
      return `${pad(y, 4)}-${pad(date.getUTCMonth() + 1)}`;
    case "quarter":
      return `${pad(y, 4)}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
    case "year":
      return pad(y, 4);
    case "week": {
      // ISO 8601 week: the week containing the Thursday decides the week-year.
      const monday = startOfPeriodUtc(date, "week");
      const thursday = new Date(monday.getTime() + 3 * 86_400_000);
      const wy = thursday.getUTCFullYear();
      const jan1 = Date.UTC(wy, 0, 1);
      const week = Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1;
      return `${pad(wy, 4)}-W${pad(week)}`;
    }
  }
}

/** Number of whole periods from the period of `a` to the period of `b` (both period starts). */
export function periodsBetween(a: Date, b: Date, period: SharePeriod): number {
  switch (period) {
    case "day":
      return Math.round((b.getTime() - a.getTime()) / 86_400_000);
    case "week":
      return Math.round((b.getTime() - a.getTime()) / (7 * 86_400_000));
    case "month":
      return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
    case "quarter":
      return ((b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth()) / 3;
    case "year":
      return b.getUTCFullYear() - a.getUTCFullYear();
  }
}
