import type { Decimal } from "decimal.js";
import { parseRootsOptions } from "./_lib/options.js";
import { dayBasis } from "./_lib/daycount.js";
import { datedProblem } from "./_lib/problem.js";
import { ratesInRange } from "./_lib/solver.js";
import type { CashFlow } from "./types.js";
import type { NumericInput } from "../money/types.js";
import type { DayCountConvention } from "../time/types.js";

/**
 * The {@link xirrRoots} and {@link irrRoots} function options.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface RootsOptions {
  /** Lowest rate searched, as a decimal (> -1). Default `-0.999`. */
  readonly lower?: NumericInput;
  /** Highest rate searched, as a decimal (> lower). Default `100` (10 000 %). */
  readonly upper?: NumericInput;
  /** Grid points in x = ln(1 + r) between lower and upper. Default 2000. */
  readonly gridPoints?: number;
  /** {@link xirrRoots} only: the day count, as {@link XirrOptions} `dayCount`. Default `"ACT/365F"`. Since 0.2.0. */
  readonly dayCount?: DayCountConvention;
}

/**
 * Every internal rate of return of dated cash flows in a range of rates — for flows that change
 * sign more than once, where {@link xirr} returns only the root nearest its guess.
 *
 * ## Notes
 * Scans XNPV (day count `options.dayCount`, default ACT/365F, as {@link xirr}) on a uniform grid of `gridPoints` values of x = ln(1 + r) between
 * `lower` and `upper`, refines every sign change with Brent's method and keeps roots with
 * |NPV| ≤ 1e-9 × Σ|aᵢ|·(1+r)^(-tᵢ) (relative to the discounted flows) that are rates above -100 %. Roots where the NPV touches zero without crossing (double roots), or
 * two roots closer than one grid step, can be missed: raise `gridPoints` if in doubt. The number
 * of roots never exceeds the number of sign changes of the date-ordered flows.
 * An empty array means no rate in the range zeroes the NPV.
 *
 * ## References
 * Microsoft Excel `XIRR` documentation; Brent (1973).
 *
 * @param flows - dated flows `{ date, amount }`
 * @param options - {@link RootsOptions}
 * @returns the roots as annual rates (decimals), ascending
 * @throws {@link ValidationError} when flows or options are invalid
 *
 * @example
 * ```ts
 * import { xirrRoots } from "marketplace-economics";
 * // -100 now, +230 in a year, -132 in two years: NPV is zero at 10 % and at 20 %
 * const flows = [
 *   { date: "2023-01-01", amount: -100 },
 *   { date: "2024-01-01", amount: 230 },
 *   { date: "2024-12-31", amount: -132 },
 * ];
 * xirrRoots(flows).map((r) => r.toFixed(6)); //=> ["0.100000", "0.200000"]
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function xirrRoots(flows: readonly CashFlow[], options?: RootsOptions): readonly Decimal[] {
  const fn = "xirrRoots";
  const { lower, upper, points, dayCount } = parseRootsOptions(fn, options, true);
  const p = datedProblem(flows, fn, dayBasis(dayCount));
  return Object.freeze(ratesInRange(p, lower, upper, points));
}
