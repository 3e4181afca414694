/**
 * Day-count arithmetic on UTC day numbers (whole days since 1970-01-01), shared by `time/`
 * (`yearFraction`) and `tvm/` (`xirr`, `xnpv`, `xirrRoots` with a `dayCount`): the one
 * implementation of the 30/360 day counts and of the ACT/ACT-ISDA year split (#15). Working on day
 * numbers and civil dates (./dates.ts `civilFromDays`) instead of `Date`s lets the dated solvers
 * compute one year fraction per distinct day without going through the validating public
 * `yearFraction` (a `Date` and a validation per day: ~100x the cost of the solve itself).
 *
 * ## References
 * ISDA, 2006 ISDA Definitions, Section 4.16 (Day Count Fraction) (b), (e), (f), (g); the rules
 * as written in the notes of `time/yearFraction.ts`.
 */
import { Decimal } from "./decimal.js";
import { civilFromDays, daysFromCivil, isLeapYear } from "./dates.js";

/** The 30/360 conventions. */
export type Thirty360 = "30/360" | "30E/360" | "30E+/360";

/**
 * 30/360 days from day number `start` to day number `end` (start ≤ end):
 * 360·(Y₂ - Y₁) + 30·(M₂ - M₁) + (D₂ - D₁) after the convention's end-of-month rule:
 * - 30/360 (US bond basis): D₁ = 31 → 30; D₂ = 31 → 30 when D₁ (after its rule) is 30 or 31;
 * - 30E/360: D₁ = 31 → 30, D₂ = 31 → 30;
 * - 30E+/360: D₁ = 31 → 30; D₂ = 31 → the 1st of the next month.
 */
export function thirty360Days(start: number, end: number, convention: Thirty360): number {
  return thirty360From(start, convention)(end);
}

/** {@link thirty360Days} from a fixed start day: `thirty360From(start, c)(end)`, the start's civil date computed once. */
export function thirty360From(start: number, convention: Thirty360): (end: number) => number {
  const s = civilFromDays(start);
  const d1 = s.day === 31 ? 30 : s.day;
  const base = 360 * s.year + 30 * s.month + d1;
  return (end) => {
    const e = civilFromDays(end);
    let d2 = e.day;
    let m2 = e.month;
    if (d2 === 31) {
      if (convention === "30E+/360") {
        d2 = 1;
        m2 += 1;
      } else if (convention === "30E/360" || d1 > 29) d2 = 30;
    }
    return 360 * e.year + 30 * m2 + d2 - base;
  };
}

/** Days in `year` (365 or 366). */
function yearDays(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/**
 * ACT/ACT-ISDA years from day number `start` to day number `end` (start ≤ end), as a library
 * Decimal: the days in each calendar year divided by that year's length, whole years between
 * counted as 1: `(days left in Y₁)/len(Y₁) + (Y₂ - Y₁ - 1) + (days into Y₂)/len(Y₂)`, or
 * `days/len(Y)` within one year. Each division and sum is rounded to the library Decimal's
 * precision in this order (what `yearFraction` returns).
 */
export function actActIsdaYears(start: number, end: number): Decimal {
  const y1 = civilFromDays(start).year;
  const y2 = civilFromDays(end).year;
  if (y1 === y2) return new Decimal(end - start).dividedBy(yearDays(y1));
  return new Decimal(daysFromCivil(y1 + 1, 1, 1) - start)
    .dividedBy(yearDays(y1))
    .plus(y2 - y1 - 1)
    .plus(new Decimal(end - daysFromCivil(y2, 1, 1)).dividedBy(yearDays(y2)));
}

/** `days / len` (a year's length) as a library Decimal, memoised: days 0–366, len 365 or 366. */
const partCache: (Decimal | undefined)[] = [];
/** The same fractions as float64 (`toNumber()` of the Decimal); NaN until computed. */
let partNumbers: Float64Array | undefined;

function part(days: number, len: number): Decimal {
  const slot = (len - 365) * 367 + days;
  return (partCache[slot] ??= new Decimal(days).dividedBy(len));
}

function partNumber(days: number, len: number): number {
  partNumbers ??= new Float64Array(2 * 367).fill(Number.NaN);
  const slot = (len - 365) * 367 + days;
  let t = partNumbers[slot]!;
  if (Number.isNaN(t)) {
    t = part(days, len).toNumber();
    partNumbers[slot] = t;
  }
  return t;
}

/**
 * A function giving `actActIsdaYears(first, day).toNumber()` for a fixed first day and any day ≥
 * first: the same Decimal operations in the same order, with the within-year fractions (at most
 * 734 distinct ones) memoised and the first year's part plus the whole years computed once per
 * end year, so a day costs a table read within the first year and one Decimal addition after it.
 */
export function actActIsdaTimes(first: number): (day: number) => number {
  const y1 = civilFromDays(first).year;
  const len1 = yearDays(y1);
  const nextYear = daysFromCivil(y1 + 1, 1, 1);
  const head = new Map<number, Decimal>();
  return (day) => {
    if (day < nextYear) return partNumber(day - first, len1);
    const y2 = civilFromDays(day).year;
    let h = head.get(y2);
    if (h === undefined) {
      h = part(nextYear - first, len1).plus(y2 - y1 - 1);
      head.set(y2, h);
    }
    return h.plus(part(day - daysFromCivil(y2, 1, 1), yearDays(y2))).toNumber();
  };
}
