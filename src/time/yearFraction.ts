import { Decimal } from "../_lib/decimal.js";
import { daysBetweenUtc, toUtcDay, utcTime } from "../_lib/dates.js";
import { toOption } from "../_lib/validate.js";
import type { DateInput, DayCountConvention } from "./types.js";

const CONVENTIONS: readonly DayCountConvention[] = ["ACT/365F", "ACT/360", "30/360", "30E/360", "ACT/ACT-ISDA", "ACT/365.25", "ACT/364", "30E+/360"];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function thirty360(s: Date, e: Date, european: boolean, plus = false): Decimal {
  const y1 = s.getUTCFullYear();
  const m1 = s.getUTCMonth() + 1;
  let d1 = s.getUTCDate();
  const y2 = e.getUTCFullYear();
  let m2 = e.getUTCMonth() + 1;
  let d2 = e.getUTCDate();
  if (plus) {
    if (d1 === 31) d1 = 30;
    if (d2 === 31) [d2, m2] = [1, m2 + 1];
  } else if (european) {
    if (d1 === 31) d1 = 30;
    if (d2 === 31) d2 = 30;
  } else {
    if (d1 === 31) d1 = 30;
    if (d2 === 31 && d1 > 29) d2 = 30;
  }
  return new Decimal(360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1)).dividedBy(360);
}

function actActIsda(s: Date, e: Date): Decimal {
  const y1 = s.getUTCFullYear();
  const y2 = e.getUTCFullYear();
  if (y1 === y2) return new Decimal(daysBetweenUtc(s, e)).dividedBy(isLeap(y1) ? 366 : 365);
  const endOfFirst = new Date(utcTime(y1 + 1, 0, 1));
  const startOfLast = new Date(utcTime(y2, 0, 1));
  return new Decimal(daysBetweenUtc(s, endOfFirst))
    .dividedBy(isLeap(y1) ? 366 : 365)
    .plus(y2 - y1 - 1)
    .plus(new Decimal(daysBetweenUtc(startOfLast, e)).dividedBy(isLeap(y2) ? 366 : 365));
}

/**
 * The fraction of a year between two dates under a day-count convention
 * (ISDA 2006 Definitions § 4.16).
 *
 * ## Notes
 * - ACT/365F: (D₂ − D₁) / 365. ACT/360: (D₂ − D₁) / 360.
 * - 30/360 (Bond Basis): [360(Y₂−Y₁) + 30(M₂−M₁) + (d₂−d₁)] / 360, where d₁ = 31 → 30, and
 *   d₂ = 31 → 30 when d₁ > 29 (after adjustment).
 * - 30E/360 (Eurobond Basis): same formula with both d₁ = 31 → 30 and d₂ = 31 → 30.
 * - ACT/ACT-ISDA: days falling in a leap year / 366 + days in a non-leap year / 365 (the start
 *   day counts, the end day does not).
 * - ACT/365.25, ACT/364 (since 0.2.0): (D₂ − D₁) / 365.25, / 364. 30E+/360 (since 0.2.0): the
 *   30/360 formula with d₁ = 31 → 30 and, when d₂ = 31, d₂ → 1 and M₂ → M₂ + 1.
 * - Example: 2023-12-01 → 2024-03-01 under ACT/ACT-ISDA is 31/365 + 60/366 = 0.2488659331.
 * - `end` before `start` gives the negated fraction (`yearFraction(a, b) = −yearFraction(b, a)`).
 *
 * ## References
 * ISDA, 2006 ISDA Definitions, Section 4.16 (Day Count Fraction) (b), (d), (e), (f), (g).
 *
 * @param start - the first date (Date or ISO string; UTC calendar day)
 * @param end - the second date
 * @param convention - a {@link DayCountConvention}: `"ACT/365F"`, `"ACT/360"`, `"30/360"`, `"30E/360"`, `"ACT/ACT-ISDA"`, `"ACT/365.25"`, `"ACT/364"` or `"30E+/360"`
 * @returns the year fraction as a Decimal
 * @throws {ValidationError} for an invalid date or an unknown convention (`UNKNOWN_OPTION`)
 *
 * @example
 * ```ts
 * import { yearFraction } from "marketplace-economics";
 * yearFraction("2024-01-01", "2024-07-01", "ACT/365F").toString(); //=> "0.49863013698630136986"
 * yearFraction("2024-01-31", "2024-03-31", "30/360").toString(); //=> "0.16666666666666666667"
 * yearFraction("2023-12-01", "2024-03-01", "ACT/ACT-ISDA").toFixed(10); //=> "0.2488659331"
 * ```
 *
 * @category Time
 * @since 0.1.0
 */
export function yearFraction(start: DateInput, end: DateInput, convention: DayCountConvention): Decimal {
  const fn = "yearFraction";
  let s = toUtcDay(start, fn, "start");
  let e = toUtcDay(end, fn, "end");
  const c = toOption(convention, fn, "convention", CONVENTIONS);
  const negate = e.getTime() < s.getTime();
  if (negate) [s, e] = [e, s];
  let f: Decimal;
  switch (c) {
    case "ACT/365F":
      f = new Decimal(daysBetweenUtc(s, e)).dividedBy(365);
      break;
    case "ACT/360":
      f = new Decimal(daysBetweenUtc(s, e)).dividedBy(360);
      break;
    case "30/360":
      f = thirty360(s, e, false);
      break;
    case "30E/360":
      f = thirty360(s, e, true);
      break;
    case "ACT/ACT-ISDA":
      f = actActIsda(s, e);
      break;
    case "ACT/365.25":
    case "ACT/364":
      f = new Decimal(daysBetweenUtc(s, e)).dividedBy(c === "ACT/364" ? 364 : 365.25);
      break;
    case "30E+/360":
      f = thirty360(s, e, true, true);
      break;
  }
  return negate ? f.negated() : f;
}
