/**
 * Local validation helpers of the jobs module (#11): dense arrays with a length bound (option
 * objects go through the shared `toOptions`), percentage-typo hints for shares, and the finiteness check
 * every result passes before it is returned (no NaN or Infinity from any jobs function). They sit
 * on top of the shared `src/_lib/validate.ts` (owned elsewhere). Never exported from the package.
 */
import type { Decimal } from "decimal.js";
import { ErrorCode } from "../../errors.js";
import { rangeError, toArray } from "../../_lib/validate.js";

/** Most sectors of an input-output table (Gauss–Jordan is O(n³): 1,000 sectors take about a second). */
export const MAX_SECTORS = 1_000;
/** Most sellers in one {@link attributeJobsToMarketplace} call. */
export const MAX_SELLERS = 10_000_000;

/** An array without holes and with at most `maxLength` entries (a hole throws `MISSING_VALUE`). */
export function toDenseArray<T>(value: unknown, fn: string, arg: string, options: { readonly nonEmpty?: boolean; readonly maxLength: number }): readonly T[] {
  // The shared toArray checks the length before it reads any element and rejects holes (MISSING_VALUE).
  return toArray<T>(value, fn, arg, options.nonEmpty ? { nonEmpty: true, maxLength: options.maxLength } : { maxLength: options.maxLength });
}

/** `", a percentage? write 0.35 for 35 %"` when a share above 1 reads as a percentage, else `""`. */
export function percentHint(d: Decimal): string {
  const pct = d.div(100);
  return d.greaterThan(1) && pct.lessThanOrEqualTo(1) ? ` (a percentage? write ${pct.toString()} for ${d.toString()} %)` : "";
}

/**
 * Throw `OUT_OF_RANGE` unless a computed Decimal is finite: inputs at the edges of the number
 * range (1e-320 divisors, huge multipliers) must give a typed error, never NaN or Infinity.
 */
export function finiteDecimal(d: Decimal, fn: string, what: string): Decimal {
  if (!d.isFinite()) rangeError(fn, what, ErrorCode.OUT_OF_RANGE, "is not a finite number for these inputs (they are too large or too small)", d.toString(), "inputs whose result is finite");
  return d;
}

/** Throw `OUT_OF_RANGE` unless every number is finite (float64 results overflow for huge inputs). */
export function finiteNumbers(values: ArrayLike<number>, fn: string, what: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      rangeError(fn, what, ErrorCode.OUT_OF_RANGE, "overflows float64 for these inputs (scale them, e.g. output in millions)", v, "inputs whose result is finite");
    }
  }
}
