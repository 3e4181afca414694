import { Decimal } from "decimal.js";
import { toDecimalInRange, toInteger, toRecord } from "../_lib/validate.js";
import { periodicProblem } from "./_lib/problem.js";
import { rateDecimal, solveX } from "./_lib/solver.js";
import type { TvmAmount } from "./types.js";

/**
 * The {@link irr} function options.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface IrrOptions {
  /** Starting point, rate per period as a decimal (> -1). Default `0.1` (Excel's). */
  readonly guess?: Decimal | string | number;
  /** Newton iterations before the bracketing fallback. Default 50. */
  readonly maxIterations?: number;
}

/**
 * Internal rate of return of equally spaced cash flows (Excel's `IRR`, numpy-financial's `irr`):
 * the rate per period r with Σᵢ aᵢ (1 + r)^(-i) = 0.
 *
 * ## Notes
 * The root does not depend on the npv convention (t = 0 or t = 1 for the first amount). Same
 * solver as {@link xirr} with whole periods instead of days/365: unique root for one sign change
 * (Newton from `guess`, Brent fallback on r ∈ (-1 + 2e-22, 5e21)); for several sign changes, the
 * root nearest `guess` (default 0.1) — list all with {@link irrRoots}. The root is checked:
 * |NPV(r)| ≤ 1e-6 × Σ|aᵢ|. Float64 inside; result as a Decimal (a rate within 2e-9 of -100 % is
 * computed in 40-digit decimal so that it stays above -1).
 *
 * ## References
 * numpy-financial `irr` tests (`test_basic_values`, `test_gh_15`); Microsoft Excel `IRR` documentation.
 *
 * @param amounts - one amount per period, with at least one negative and one positive
 * @param options - {@link IrrOptions}
 * @returns the rate per period as a decimal (0.1 = 10 %)
 * @throws {ConvergenceError} `NO_SIGN_CHANGE` when no rate zeroes the NPV; `NOT_CONVERGED` when the tolerance cannot be met
 * @throws {ValidationError} when amounts is empty or holds a non-number, or guess ≤ -1
 *
 * @example
 * ```ts
 * import { irr } from "marketplace-economics";
 * irr([-100, 39, 59, 55, 20]).toFixed(5); //=> "0.28095"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function irr(amounts: readonly TvmAmount[], options?: IrrOptions): Decimal {
  const fn = "irr";
  let guess = 0.1;
  let maxIter = 50;
  if (options !== undefined) {
    const o = toRecord(options, fn, "options");
    if (o["guess"] !== undefined) guess = toDecimalInRange(o["guess"], fn, "options.guess", -1, undefined, { lowerOpen: true }).toNumber();
    if (o["maxIterations"] !== undefined) maxIter = toInteger(o["maxIterations"], fn, "options.maxIterations", 1, 10_000);
  }
  const p = periodicProblem(amounts, fn);
  return rateDecimal(p, fn, solveX(p, fn, guess, maxIter));
}
