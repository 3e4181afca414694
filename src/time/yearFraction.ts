import { Decimal } from "../_lib/decimal.js";
import { daysBetweenUtc, epochDay, toUtcDay } from "../_lib/dates.js";
import { actActIsdaYears, thirty360Days } from "../_lib/dayCount.js";
import { toOption } from "../_lib/validate.js";
import type { DateInput, DayCountConvention } from "./types.js";

const CONVENTIONS: readonly DayCountConvention[] = ["ACT/365F", "ACT/360", "30/360", "30E/360", "ACT/ACT-ISDA", "ACT/365.25", "ACT/364", "30E+/360"];

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
 * @throws {@link ValidationError} for an invalid date or an unknown convention (`UNKNOWN_OPTION`)
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
    case "30E/360":
    case "30E+/360":
      f = new Decimal(thirty360Days(epochDay(s), epochDay(e), c)).dividedBy(360);
      break;
    case "ACT/ACT-ISDA":
      f = actActIsdaYears(epochDay(s), epochDay(e));
      break;
    case "ACT/365.25":
    case "ACT/364":
      f = new Decimal(daysBetweenUtc(s, e)).dividedBy(c === "ACT/364" ? 364 : 365.25);
      break;
  }
  return negate ? f.negated() : f;
}
