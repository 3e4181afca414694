import type { Decimal } from "decimal.js";
import { toDecimalInRange, toInteger, toRecord } from "../_lib/validate.js";
import { datedProblem } from "./_lib/problem.js";
import { rateDecimal, solveX } from "./_lib/solver.js";
import type { CashFlow } from "./types.js";

/**
 * The {@link xirr} function options.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface XirrOptions {
  /** Starting point of the search, annual rate as a decimal (> -1). Default `0.1` (Excel's). */
  readonly guess?: Decimal | string | number;
  /** Newton iterations before the bracketing fallback. Default 50. */
  readonly maxIterations?: number;
}

/**
 * Internal rate of return of dated cash flows (Excel's `XIRR`, ACT/365F): the annual effective
 * rate r such that XNPV(r) = 0.
 *
 * ## Notes
 * Solves Σᵢ aᵢ (1 + r)^(-(dᵢ - d₀)/365) = 0 for r > -1 in x = ln(1 + r), in float64:
 * - one sign change in the flows (ordered by date): the root is unique (Descartes' rule of
 *   signs); Newton's method with the analytic derivative starts at `guess` and, if it diverges,
 *   leaves the range, stalls or steps outside the sign bracket its iterates found, Brent's method
 *   runs on that bracket (else on r ∈ (-1 + 2e-22, 5e21)). This
 *   finds roots where Excel and plain Newton fail (rates > 1000 %, near -100 %, decades-long
 *   flows, one-day payoffs).
 * - several sign changes: several rates can zero the NPV. All roots are located (grid of 4000
 *   points in x plus Brent) and the one **nearest the guess** is returned; others may exist —
 *   list them with {@link xirrRoots}.
 * Before returning, the root is checked: |NPV(r)| ≤ 1e-6 × Σ|aᵢ|, the NPV taken at the date that
 * keeps every discount factor ≤ 1 (the first date for r ≥ 0, the last date for r < 0); a rate
 * within 2e-9 of -100 % is computed in 40-digit decimal (a float would round it to -1) and checked
 * again at the rate returned. Flows on
 * the same date are netted; unsorted dates are accepted. Agrees with Excel where Excel converges (Excel stops at a looser tolerance: its documented
 * 0.373362535 is 1.5e-9 above the exact root 0.3733625335 returned here).
 *
 * ## References
 * Microsoft Excel `XIRR` documentation (example → 0.373362535); Brent, "Algorithms for
 * Minimization without Derivatives" (1973), ch. 4.
 *
 * @param flows - dated flows `{ date, amount }` with at least one negative and one positive amount
 * @param options - {@link XirrOptions}
 * @returns the annual effective rate as a decimal (0.1 = 10 %)
 * @throws {ConvergenceError} `NO_SIGN_CHANGE` when no rate zeroes the NPV (all flows one sign,
 *   all on one date, or no crossing); `NOT_CONVERGED` when the solver cannot meet the tolerance
 * @throws {ValidationError} when flows is empty, a date is invalid, an amount is not a number or guess ≤ -1
 * @throws {CurrencyMismatchError} when Money amounts mix currencies
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
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function xirr(flows: readonly CashFlow[], options?: XirrOptions): Decimal {
  const fn = "xirr";
  let guess = 0.1;
  let maxIter = 50;
  if (options !== undefined) {
    const o = toRecord(options, fn, "options");
    if (o["guess"] !== undefined) guess = toDecimalInRange(o["guess"], fn, "options.guess", -1, undefined, { lowerOpen: true }).toNumber();
    if (o["maxIterations"] !== undefined) maxIter = toInteger(o["maxIterations"], fn, "options.maxIterations", 1, 10_000);
  }
  const p = datedProblem(flows, fn, 365);
  return rateDecimal(p, fn, solveX(p, fn, guess, maxIter));
}
