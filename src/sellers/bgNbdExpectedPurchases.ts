import { bgExpected, finite, readParams, toModelTime } from "./_lib/bgNbd.js";
import type { BgNbdParameters } from "./fitBgNbd.js";

/**
 * Expected purchases of a newly acquired seller (or customer) in its first `t` time units under a
 * BG/NBD model: E[X(t)], the model's population curve.
 *
 * ## Notes
 * E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r · ₂F₁(r, b; a + b − 1; t/(α + t))]
 * (Fader, Hardie & Lee 2005, eq. 9), with ₂F₁ summed as its power series in float64 until a term
 * no longer changes the sum (A&S 15.1.1). E[X(0)] = 0. The formula divides by a − 1, so a = 1
 * exactly has no value here (`UNDEFINED_RESULT`); so has a horizon so long against α that the
 * series needs more than 20,000,000 terms.
 *
 * The tests check the CDNOW fit against Hardie's spreadsheet values used by lifetimes'
 * `test_expectation_returns_same_value_Hardie_excel_sheet` (t = 1 week: 0.0532; t = 78: 1.8576).
 *
 * ## References
 * P. S. Fader, B. G. S. Hardie, K. L. Lee (2005), "'Counting Your Customers' the Easy Way",
 * Marketing Science 24(2), 275–284, eq. 9.
 *
 * @param params - {@link BgNbdParameters} (a {@link BgNbdFit} or published values `{ r, alpha, a, b }`)
 * @param t - horizon, ≥ 0, in the time unit the model was fitted in
 * @returns expected purchases (a float64 number ≥ 0)
 * @throws {@link ValidationError} when a parameter is not a number > 0, `t` is negative or above 1e9, or the value is undefined (`UNDEFINED_RESULT`: a = 1, or a non-converging series)
 * @throws {@link ValidationTypeError} when `params` is not an object or a value is not a number
 *
 * @example
 * ```ts
 * import { bgNbdExpectedPurchases } from "marketplace-economics";
 * // Fader, Hardie & Lee (2005): the CDNOW fit, in weeks.
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * bgNbdExpectedPurchases(cdnow, 78).toFixed(3); //=> "1.861"
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export function bgNbdExpectedPurchases(params: BgNbdParameters, t: number): number {
  const fn = "bgNbdExpectedPurchases";
  const p = readParams(params, fn, "params", ["r", "alpha", "a", "b"], "BG/NBD");
  const time = toModelTime(t, fn, "t");
  return finite(p.a === 1 ? undefined : bgExpected(p, time), fn, "expected purchases");
}
