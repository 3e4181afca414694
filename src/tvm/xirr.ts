import type { Decimal } from "decimal.js";
import { dayBasis } from "./_lib/daycount.js";
import { parseSolverOptions } from "./_lib/options.js";
import { datedProblem } from "./_lib/problem.js";
import { rateDecimal, solveX } from "./_lib/solver.js";
import type { CashFlow, IrrRootPolicy } from "./types.js";
import type { NumericInput } from "../money/types.js";
import type { DayCountConvention } from "../time/types.js";

/**
 * The {@link xirr} function options.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface XirrOptions {
  /** Starting point of the search, annual rate as a decimal (> -1). Default `0.1` (Excel's). */
  readonly guess?: NumericInput;
  /** Newton iterations before the bracketing fallback (1–10 000). Default 50; with `root: "excel"`, Excel's 100. */
  readonly maxIterations?: number;
  /** Which root to return when several rates zero the NPV: an {@link IrrRootPolicy}. Default `"default"`. Since 0.2.0. */
  readonly root?: IrrRootPolicy;
  /**
   * Day count that turns dates into years: any {@link DayCountConvention} of {@link yearFraction}
   * (`"ACT/365F"`, `"ACT/360"`, `"30/360"`, `"30E/360"`, `"ACT/ACT-ISDA"`, `"ACT/365.25"`,
   * `"ACT/364"`, `"30E+/360"`). Default `"ACT/365F"` (Excel's). Since 0.2.0.
   */
  readonly dayCount?: DayCountConvention;
}

/**
 * Internal rate of return of dated cash flows (Excel's `XIRR`, ACT/365F by default): the annual
 * effective rate r such that XNPV(r) = 0.
 *
 * ## Notes
 * Solves Σᵢ aᵢ (1 + r)^(-tᵢ) = 0 for r > -1 in x = ln(1 + r), in float64, with
 * tᵢ = {@link yearFraction}(d₀, dᵢ, dayCount) from the earliest date d₀ ((dᵢ - d₀)/365 for the
 * default ACT/365F):
 * - one sign change in the flows (ordered by date): the root is unique (Descartes' rule of
 *   signs); Newton's method with the analytic derivative starts at `guess` and, if it diverges,
 *   leaves the range, stalls or steps outside the sign bracket its iterates found, Brent's method
 *   runs on that bracket (else on r ∈ (-1 + 2e-22, 5e21)). This
 *   finds roots where Excel and plain Newton fail (rates > 1000 %, near -100 %, decades-long
 *   flows, one-day payoffs).
 * - several sign changes: several rates can zero the NPV. All roots are located (grid of 4000
 *   points in x plus Brent) and the one chosen by `options.root` is returned (default: the one
 *   **nearest the guess**; `"excel"` follows Excel's Newton iteration, see {@link IrrRootPolicy});
 *   list them all with {@link xirrRoots}.
 * Before returning, the root is checked: |NPV(r)| ≤ 1e-9 × Σ|aᵢ|·(1+r)^(-tᵢ) (relative to the
 * discounted flows), the NPV taken at the date that keeps every discount factor ≤ 1 (the first date
 * for r ≥ 0, the last date for r < 0); a rate at or below -100 % is never returned (a rate within
 * 2e-9 of -100 % is computed in 40-digit decimal, where a float would round it to -1, and checked
 * again at the rate returned). Flows on the same date are netted exactly in decimal (-100.10,
 * +1e16 and -1e16 on one day net to -100.10, not the float -100); two flows after netting use the
 * closed form r = (a₁/-a₀)^(1/t₁) - 1 in decimal. Unsorted dates are accepted. Agrees with Excel where Excel converges (Excel stops at a looser tolerance: its documented
 * 0.373362535 is 1.5e-9 above the exact root 0.3733625335 returned here).
 *
 * ## References
 * Microsoft Excel `XIRR` documentation (example → 0.373362535); Brent, "Algorithms for
 * Minimization without Derivatives" (1973), ch. 4.
 *
 * @param flows - dated flows `{ date, amount }` with at least one negative and one positive amount
 * @param options - {@link XirrOptions}
 * @returns the annual effective rate as a decimal (0.1 = 10 %)
 * @throws {@link ConvergenceError} `NO_SIGN_CHANGE` when no rate zeroes the NPV (all flows one sign,
 *   all on one date, or no crossing); `NOT_CONVERGED` when the solver cannot meet the tolerance (or,
 *   with `root: "excel"`, where Excel returns `#NUM!`); `MULTIPLE_ROOTS` with `root: "unique"` when several rates zero the NPV
 * @throws {@link ValidationError} when flows is empty, a date is invalid, an amount is not a number, guess ≤ -1,
 *   or an option is unknown (`UNKNOWN_OPTION`, also for an unknown `dayCount`)
 * @throws {@link CurrencyMismatchError} when Money amounts mix currencies
 *
 * @example
 * ```ts
 * import { xirr } from "marketplace-economics";
 * const flows = [
 *   { date: "2008-01-01", amount: -10000 },
 *   { date: "2008-03-01", amount: 2750 },
 *   { date: "2008-10-30", amount: 4250 },
 *   { date: "2009-02-15", amount: 3250 },
 *   { date: "2009-04-01", amount: 2750 },
 * ];
 * xirr(flows).toFixed(6); //=> "0.373363"
 * xirr(flows, { dayCount: "30/360" }).toFixed(6); //=> "0.373366"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function xirr(flows: readonly CashFlow[], options?: XirrOptions): Decimal {
  const fn = "xirr";
  const o = parseSolverOptions(fn, options, true);
  const p = datedProblem(flows, fn, dayBasis(o.dayCount));
  return rateDecimal(p, fn, solveX(p, fn, o, EXCEL_XIRR));
}

/** Excel's XIRR: at most 100 iterations, accurate within 0.000001 % (Excel `XIRR` documentation). */
const EXCEL_XIRR = { maxIterations: 100, tolerance: 1e-8 } as const;
