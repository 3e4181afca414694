import { bgConditionalExpected, finite, readParams, readRfm, toModelTime } from "./_lib/bgNbd.js";
import type { BgNbdParameters, RepeatPurchaseSummary } from "./fitBgNbd.js";

/**
 * Expected purchases of one seller (or customer) in the next `t` time units given its history,
 * under a BG/NBD model: E[Y(t) | x, tₓ, T].
 *
 * ## Notes
 * E[Y(t) | x, tₓ, T] = (a + b + x − 1)/(a − 1) ·
 * [1 − ((α + T)/(α + T + t))^(r+x) · ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t))]
 * ÷ [1 + δ(x>0) · a/(b + x − 1) · ((α + T)/(α + tₓ))^(r+x)]
 * (Fader, Hardie & Lee 2005, eq. 10), float64, ₂F₁ by its power series. a = 1 exactly, or a
 * series that does not converge in 20,000,000 terms, throws `UNDEFINED_RESULT`.
 *
 * The tests check the CDNOW customer with x = 2, tₓ = 30.43, T = 38.86 over the next 39 weeks:
 * 1.226 (Hardie's spreadsheet, as in lifetimes'
 * `test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet`).
 *
 * ## References
 * P. S. Fader, B. G. S. Hardie, K. L. Lee (2005), "'Counting Your Customers' the Easy Way",
 * Marketing Science 24(2), 275–284, eq. 10.
 *
 * @param params - {@link BgNbdParameters} (a {@link BgNbdFit} or published values)
 * @param summary - the seller's {@link RepeatPurchaseSummary}, in the model's time unit
 * @param t - horizon after the end of the observation period, ≥ 0, same unit
 * @returns expected purchases in (T, T + t], a float64 number ≥ 0
 * @throws {@link ValidationError} when a parameter is not > 0, the summary is inconsistent, `t` is negative or above 1e9, or the value is undefined (`UNDEFINED_RESULT`)
 * @throws {@link ValidationTypeError} when an argument is not an object or a value is not a number
 *
 * @example
 * ```ts
 * import { bgNbdConditionalExpectedPurchases } from "marketplace-economics";
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * bgNbdConditionalExpectedPurchases(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, 39).toFixed(3); //=> "1.226"
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export function bgNbdConditionalExpectedPurchases(params: BgNbdParameters, summary: RepeatPurchaseSummary, t: number): number {
  const fn = "bgNbdConditionalExpectedPurchases";
  const p = readParams(params, fn, "params", ["r", "alpha", "a", "b"], "BG/NBD");
  const s = readRfm(summary, fn, "summary", false);
  const time = toModelTime(t, fn, "t");
  return finite(p.a === 1 ? undefined : bgConditionalExpected(p, s.x, s.tx, s.T, time), fn, "conditional expected purchases");
}
