/**
 * Internal: times of dated flows under a day-count convention, for xirr / xnpv / xirrRoots.
 * Never exported from the package.
 *
 * The solver works on times kᵢ / D (years). For the actual-day conventions kᵢ are whole days and
 * D the year length (365, 360, 365.25, 364), so nothing changes but D. For the 30/360 family kᵢ
 * are 30/360 day numbers (whole) and D = 360; for ACT/ACT-ISDA kᵢ is the year fraction itself and
 * D = 1. The day counts come from the one implementation `yearFraction` uses too
 * (`src/_lib/dayCount.ts`), on day numbers measured from the earliest date: the same values as
 * `yearFraction(first, dateᵢ, convention)` without a `Date` and a validation per day (#15: that
 * made a 30/360 or ACT/ACT-ISDA `xirr` ~100x slower than an ACT/360 one).
 */
import type { Decimal } from "decimal.js";
import type { DayCountConvention } from "../../time/types.js";
import { Decimal as LibDecimal } from "../../_lib/decimal.js";
import { actActIsdaTimes, actActIsdaYears, thirty360Days, thirty360From } from "../../_lib/dayCount.js";

/** How a convention turns days into years. */
export interface DayBasis {
  /** Units per year. */
  readonly D: number;
  /**
   * Day number → time in units of 1/D year from the first day number; `undefined` for the
   * actual-day conventions (k = days). Made for one first day: `time(first)(day)`.
   */
  readonly time: ((firstEpochDay: number) => (epochDay: number) => number) | undefined;
  /** The same time as an exact Decimal fraction of a year (only for `time !== undefined`). */
  readonly years: ((firstEpochDay: number, epochDay: number) => Decimal) | undefined;
}

const ACTUAL: Readonly<Record<string, number>> = { "ACT/365F": 365, "ACT/360": 360, "ACT/365.25": 365.25, "ACT/364": 364 };

/** The {@link DayBasis} of a convention. */
export function dayBasis(convention: DayCountConvention): DayBasis {
  const D = ACTUAL[convention];
  if (D !== undefined) return { D, time: undefined, years: undefined };
  if (convention === "ACT/ACT-ISDA") return { D: 1, time: actActIsdaTimes, years: actActIsdaYears };
  // 30/360 family: the fraction × 360 is the whole number of 30/360 days
  const c = convention as "30/360" | "30E/360" | "30E+/360";
  return {
    D: 360,
    time: (first) => thirty360From(first, c),
    years: (first, day) => new LibDecimal(thirty360Days(first, day, c)).dividedBy(360),
  };
}
