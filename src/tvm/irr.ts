import type { Decimal } from "decimal.js";
import { parseSolverOptions } from "./_lib/options.js";
import { periodicProblem } from "./_lib/problem.js";
import { rateDecimal, solveX } from "./_lib/solver.js";
import type { AmountInput, NumericInput } from "../money/types.js";
import type { IrrRootPolicy } from "./types.js";

/**
 * The {@link irr} function options.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface IrrOptions {
  /** Starting point, rate per period as a decimal (> -1). Default `0.1` (Excel's). */
  readonly guess?: NumericInput;
  /** Newton iterations before the bracketing fallback (1–10 000). Default 50; with `root: "excel"`, Excel's 20. */
  readonly maxIterations?: number;
  /**
   * Which root to return when the flows change sign more than once: an {@link IrrRootPolicy}.
   * Default `"default"` (the 0.1.0 behaviour). Since 0.2.0.
   */
  readonly root?: IrrRootPolicy;
}

/**
 * Internal rate of return of equally spaced cash flows (Excel's `IRR`, numpy-financial's `irr`):
 * the rate per period r with Σᵢ aᵢ (1 + r)^(-i) = 0.
 *
 * ## Notes
 * The root does not depend on the npv convention (t = 0 or t = 1 for the first amount). Same
 * solver as {@link xirr} with whole periods instead of days/365: unique root for one sign change
 * (Newton from `guess`, Brent fallback on r ∈ (-1 + 2e-22, 5e21)); for several sign changes, the
 * root chosen by `options.root` (default: nearest `guess`, default 0.1) — list all with
 * {@link irrRoots}. Excel's `IRR` runs Newton from its guess instead and may land on another root:
 * for `[-50, -100, 600, 300, -100]` the default gives -76.9 % and `{ root: "excel" }` 185.4 %, as
 * Excel (see {@link IrrRootPolicy}). Every root is checked before it is returned:
 * |NPV(r)| ≤ 1e-9 × Σ|aᵢ|·(1+r)^(-i) (relative to the discounted flows), and it is a rate above
 * -100 %. Float64 inside; result as a Decimal (a rate within 2e-9 of -100 % is computed in 40-digit
 * decimal so that it stays above -1; two flows use the closed form (a₁/-a₀)^(1/k) - 1 in decimal).
 *
 * ## References
 * numpy-financial `irr` tests (`test_basic_values`, `test_gh_15`); Microsoft Excel `IRR` documentation
 * (-70000, 12000, 15000, 18000, 21000 → -2.1 %; with 26000 → 8.7 %; first three with guess -10 % → -44.4 %).
 *
 * @param amounts - one amount per period, with at least one negative and one positive
 * @param options - {@link IrrOptions}
 * @returns the rate per period as a decimal (0.1 = 10 %)
 * @throws {@link ConvergenceError} `NO_SIGN_CHANGE` when no rate zeroes the NPV; `NOT_CONVERGED` when the tolerance cannot be met
 *   (or, with `root: "excel"`, where Excel returns `#NUM!`); `MULTIPLE_ROOTS` with `root: "unique"` when several rates zero the NPV
 * @throws {@link ValidationError} when amounts is empty or holds a non-number, guess ≤ -1, or an option is unknown
 *
 * @example
 * ```ts
 * import { irr } from "marketplace-economics";
 * irr([-100, 39, 59, 55, 20]).toFixed(5); //=> "0.28095"
 * irr([-50, -100, 600, 300, -100]).toFixed(4); //=> "-0.7689"
 * irr([-50, -100, 600, 300, -100], { root: "excel" }).toFixed(4); //=> "1.8544"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function irr(amounts: readonly AmountInput[], options?: IrrOptions): Decimal {
  const fn = "irr";
  const o = parseSolverOptions(fn, options, false);
  const p = periodicProblem(amounts, fn);
  return rateDecimal(p, fn, solveX(p, fn, o, EXCEL_IRR));
}

/** Excel's IRR: at most 20 iterations, accurate within 0.00001 % (Excel `IRR` documentation). */
const EXCEL_IRR = { maxIterations: 20, tolerance: 1e-7 } as const;
