/**
 * Internal: times of dated flows under a day-count convention, for xirr / xnpv / xirrRoots.
 * Never exported from the package.
 *
 * The solver works on times kᵢ / D (years). For the actual-day conventions kᵢ are whole days and
 * D the year length (365, 360, 365.25, 364), so nothing changes but D. For the 30/360 family kᵢ
 * are 30/360 day numbers (whole) and D = 360; for ACT/ACT-ISDA kᵢ is the year fraction itself and
 * D = 1. The year fraction always comes from the public `yearFraction` (passed in by the caller:
 * a `_lib` file imports no other module's code), measured from the earliest date, so every
 * convention has one implementation.
 */
import type { Decimal } from "decimal.js";
import type { DateInput, DayCountConvention } from "../../time/types.js";
import { MS_PER_DAY } from "../../_lib/dates.js";

/** The public `yearFraction` signature. */
export type YearFractionFn = (start: DateInput, end: DateInput, convention: DayCountConvention) => Decimal;

/** How a convention turns days into years. */
export interface DayBasis {
  /** Units per year. */
  readonly D: number;
  /** Day offset → time in units of 1/D year; `undefined` for the actual-day conventions (k = days). */
  readonly time: ((firstEpochDay: number, epochDay: number) => number) | undefined;
  /** The same time as an exact Decimal fraction of a year (only for `time !== undefined`). */
  readonly years: ((firstEpochDay: number, epochDay: number) => Decimal) | undefined;
}

const ACTUAL: Readonly<Record<string, number>> = { "ACT/365F": 365, "ACT/360": 360, "ACT/365.25": 365.25, "ACT/364": 364 };

/** The {@link DayBasis} of a convention. */
export function dayBasis(convention: DayCountConvention, yearFraction: YearFractionFn): DayBasis {
  const D = ACTUAL[convention];
  if (D !== undefined) return { D, time: undefined, years: undefined };
  const years = (first: number, day: number): Decimal => yearFraction(new Date(first * MS_PER_DAY), new Date(day * MS_PER_DAY), convention);
  if (convention === "ACT/ACT-ISDA") return { D: 1, time: (first, day) => years(first, day).toNumber(), years };
  // 30/360 family: the fraction × 360 is a whole number of 30/360 days
  return { D: 360, time: (first, day) => Math.round(years(first, day).times(360).toNumber()), years };
}
