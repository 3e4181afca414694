/**
 * Local validation wrappers of the financing module (#11): dense arrays with a length bound,
 * option objects with a fixed set of keys, and UTC days inside the supported year range. They
 * sit on top of the shared `src/_lib/validate.ts` (owned elsewhere); when that file grows the
 * same checks, these wrappers can delegate to it. Never exported from the package.
 */
import { ErrorCode } from "../../errors.js";
import { toUtcDay } from "../../_lib/dates.js";
import type { Decimal } from "decimal.js";
import { Decimal as LibDecimal } from "../../_lib/decimal.js";
import { rangeError, toArray, toDecimal, toRecord, typeError } from "../../_lib/validate.js";

/** Longest sales series accepted (rows, before same-day rows are summed). */
export const MAX_SERIES_ROWS = 10_000_000;
/** Most loans in one portfolio. */
export const MAX_LOANS = 1_000_000;
/** Most scenarios in one {@link simulateSalesScenarios} call. */
export const MAX_SCENARIOS = 1_000;
/** Most months in `excludeMonths`. */
export const MAX_EXCLUDED_MONTHS = 1_200;
/** Day number of 0000-01-01 (proleptic Gregorian, days since 1970-01-01). */
export const MIN_FINANCING_DAY = -719_528;
/** Day number of 9999-12-31. */
export const MAX_FINANCING_DAY = 2_932_896;

/**
 * An array without holes and with at most `maxLength` entries. A hole (`[, x]`) is a missing
 * value, not `undefined` to skip: it throws `MISSING_VALUE` naming the index.
 */
export function toDenseArray<T>(value: unknown, fn: string, arg: string, options: { readonly nonEmpty?: boolean; readonly maxLength: number }): readonly T[] {
  // The shared toArray checks the length before it reads any element and rejects holes (MISSING_VALUE).
  return toArray<T>(value, fn, arg, options.nonEmpty ? { nonEmpty: true, maxLength: options.maxLength } : { maxLength: options.maxLength });
}

/**
 * An options object: `undefined` → `{}` when `optional`; `null`, an array or a non-object throws
 * `MISSING_VALUE` / `INVALID_TYPE`; a key outside `allowed` throws `UNKNOWN_OPTION` naming the
 * allowed keys (a misspelt option must not be silently ignored).
 */
export function toOptions(value: unknown, fn: string, arg: string, allowed: readonly string[], optional: boolean): Readonly<Record<string, unknown>> {
  if (value === undefined && optional) return {};
  const o = toRecord(value, fn, arg);
  let isDate = true;
  try {
    Date.prototype.getTime.call(o);
  } catch {
    isDate = false;
  }
  // A Date has no own keys: it would pass as an empty options object (#11: `new Date(NaN)` was accepted).
  if (isDate) typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be an options object, not a Date", o, `an object with the keys ${allowed.map((k) => JSON.stringify(k)).join(", ")}`);
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) {
      const list = allowed.map((k) => JSON.stringify(k)).join(", ");
      rangeError(fn, `${arg}.${key}`, ErrorCode.UNKNOWN_OPTION, "is not a known option", key, `the keys ${list}`);
    }
  }
  return o;
}

/** A UTC day (day number since 1970-01-01) of a date in the years 0000 to 9999. */
export function toFinancingDay(value: unknown, fn: string, arg: string): number {
  const day = Math.floor(toUtcDay(value, fn, arg).getTime() / 86_400_000);
  assertFinancingDay(day, fn, arg, value);
  return day;
}

/** Throw unless a day number is in the supported range (years 0000 to 9999). */
export function assertFinancingDay(day: number, fn: string, arg: string, received: unknown): void {
  if (!(day >= MIN_FINANCING_DAY && day <= MAX_FINANCING_DAY)) {
    rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "must be a date in the years 0000 to 9999", received, "a date from 0000-01-01 to 9999-12-31");
  }
}

/** Throw unless `value` is `undefined` or a boolean. */
export function toOptionalBoolean(value: unknown, fn: string, arg: string): boolean | undefined {
  if (value !== undefined && typeof value !== "boolean") typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a boolean", value, "true or false");
  return value;
}

/**
 * A rate or multiple in a range (`toDecimalInRange`), with a hint when the value looks like a
 * percentage typed for a decimal (140 for 1.40, 15 for 0.15): the error then suggests
 * `value / 100`. Used for every rate and multiple input of the module (#11).
 */
export function toRateInRange(value: unknown, fn: string, arg: string, lower: number, upper: number, open: { readonly lowerOpen?: boolean; readonly upperOpen?: boolean } = {}): Decimal {
  const d = toDecimal(value, fn, arg);
  const inRange = (x: Decimal): boolean => (open.lowerOpen ? x.greaterThan(lower) : x.greaterThanOrEqualTo(lower)) && (open.upperOpen ? x.lessThan(upper) : x.lessThanOrEqualTo(upper));
  if (inRange(d)) return d;
  const parts = `${open.lowerOpen ? ">" : "≥"} ${lower} and ${open.upperOpen ? "<" : "≤"} ${upper}`;
  const pct = d.div(100);
  const hint = d.greaterThan(upper) && inRange(pct) ? ` (a percentage? write ${pct.toString()} for ${d.toString()} %)` : "";
  return rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `must be ${parts}${hint}`, value, `a decimal ${parts}`);
}

/** Most values {@link assertNoInvalidValue} looks at (a product is ~20, a year's result ~5,000). */
const MAX_SCANNED_VALUES = 2_000_000;

/**
 * A product or repayment result that did not come from this module (a copy, parsed JSON) must
 * not carry a value no field may hold, even in a field that is recomputed or ignored (#11:
 * `totalRepayment: -Infinity`, `result.product: NaN` were silently accepted): NaN / ±Infinity,
 * a non-finite Decimal, an Invalid Date or a hole anywhere throws `INVALID_NUMBER` /
 * `INVALID_DATE` / `MISSING_VALUE` naming the path. Plain objects, arrays, Decimals and Dates
 * are walked (cycles once, arrays longer than the scan bound are left to the length checks).
 */
export function assertNoInvalidValue(value: unknown, fn: string, arg: string): void {
  const seen = new Set<object>();
  let budget = MAX_SCANNED_VALUES;
  const walk = (x: unknown, where: string): void => {
    if (--budget < 0) return;
    if (typeof x === "number") {
      if (!Number.isFinite(x)) rangeError(fn, where, ErrorCode.INVALID_NUMBER, "must be a finite number", x, "a finite value");
      return;
    }
    if (typeof x !== "object" || x === null || seen.has(x)) return;
    seen.add(x);
    if (LibDecimal.isDecimal(x)) {
      if (!(x as Decimal).isFinite()) rangeError(fn, where, ErrorCode.INVALID_NUMBER, "must be a finite number", x, "a finite value");
      return;
    }
    let time: number | undefined;
    try {
      time = Date.prototype.getTime.call(x);
    } catch {
      time = undefined;
    }
    if (time !== undefined) {
      if (Number.isNaN(time)) rangeError(fn, where, ErrorCode.INVALID_DATE, "must be a valid date", x, "a valid date");
      return;
    }
    if (Array.isArray(x)) {
      if (x.length > budget) return;
      for (let i = 0; i < x.length; i++) {
        if (!(i in x)) typeError(fn, `${where}[${i}]`, ErrorCode.MISSING_VALUE, "must not be a hole (sparse arrays are not accepted)", undefined, "an array with a value at every index");
        walk(x[i], `${where}[${i}]`);
      }
      return;
    }
    const proto: unknown = Object.getPrototypeOf(x);
    if (proto !== Object.prototype && proto !== null) return;
    for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k], `${where}.${k}`);
  };
  walk(value, arg);
}
