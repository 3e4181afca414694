import type { Decimal } from "decimal.js";
import { periodicProblem } from "./_lib/problem.js";
import { ratesInRange } from "./_lib/solver.js";
import { parseRootsOptions } from "./_lib/options.js";
import type { RootsOptions } from "./xirrRoots.js";
import type { AmountInput } from "../money/types.js";

/**
 * Every internal rate of return of equally spaced cash flows in a range of rates — for flows
 * that change sign more than once, where {@link irr} returns only the root nearest its guess.
 *
 * ## Notes
 * Same method as {@link xirrRoots} with whole periods: grid scan in x = ln(1 + r) plus Brent,
 * every root checked (|NPV| ≤ 1e-9 × Σ|aᵢ|·(1+r)^(-i), relative to the discounted flows; never a rate at or below -100 %). Double roots or roots closer than one grid step can
 * be missed; raise `gridPoints` if in doubt.
 *
 * ## References
 * numpy-financial `irr` (returns a single root); Brent (1973).
 *
 * @param amounts - one amount per period
 * @param options - {@link RootsOptions}
 * @returns the roots as rates per period (decimals), ascending
 * @throws {@link ValidationError} when amounts or options are invalid
 *
 * @example
 * ```ts
 * import { irrRoots } from "marketplace-economics";
 * irrRoots([-100, 230, -132]).map((r) => r.toFixed(6)); //=> ["0.100000", "0.200000"]
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function irrRoots(amounts: readonly AmountInput[], options?: RootsOptions): readonly Decimal[] {
  const fn = "irrRoots";
  const { lower, upper, points } = parseRootsOptions(fn, options, false);
  const p = periodicProblem(amounts, fn);
  return Object.freeze(ratesInRange(p, lower, upper, points));
}
