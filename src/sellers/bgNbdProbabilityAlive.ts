import { bgProbabilityAlive, finite, readParams, readRfm } from "./_lib/bgNbd.js";
import type { BgNbdParameters, RepeatPurchaseSummary } from "./fitBgNbd.js";

/**
 * Probability that a seller (or customer) with a given repeat-purchase history is still active
 * ("alive") at the end of its observation period, under a BG/NBD model.
 *
 * ## Notes
 * P(alive | x, tₓ, T) = 1 / [1 + δ(x>0) · a/(b + x − 1) · ((α + T)/(α + tₓ))^(r+x)]
 * (Fader, Hardie & Lee 2005, eq. 12; Fader, Hardie & Lee 2008, "Computing P(alive) using the
 * BG/NBD model"). A seller without a repeat purchase is alive with probability 1: in the BG/NBD
 * a seller can only drop out right after a purchase. Float64 arithmetic; the ratio is taken in
 * logs, so long histories neither overflow nor return NaN.
 *
 * ## References
 * P. S. Fader, B. G. S. Hardie, K. L. Lee (2005), "'Counting Your Customers' the Easy Way",
 * Marketing Science 24(2), 275–284, eq. 12.
 *
 * @param params - {@link BgNbdParameters} (a {@link BgNbdFit} or published values)
 * @param summary - the seller's {@link RepeatPurchaseSummary} (`frequency`, `recency`, `T`), in the model's time unit
 * @returns P(alive), a float64 number in [0, 1]
 * @throws {@link ValidationError} when a parameter is not > 0 or the summary is inconsistent (recency above T, recency ≠ 0 with frequency 0, T ≤ 0)
 * @throws {@link ValidationTypeError} when an argument is not an object or a value is not a number
 *
 * @example
 * ```ts
 * import { bgNbdProbabilityAlive } from "marketplace-economics";
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * bgNbdProbabilityAlive(cdnow, { frequency: 0, recency: 0, T: 38.86 }); //=> 1
 * bgNbdProbabilityAlive(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }).toFixed(3); //=> "0.727"
 * // Same number of purchases, but the last one long ago: probably gone.
 * bgNbdProbabilityAlive(cdnow, { frequency: 2, recency: 5, T: 38.86 }).toFixed(3); //=> "0.124"
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export function bgNbdProbabilityAlive(params: BgNbdParameters, summary: RepeatPurchaseSummary): number {
  const fn = "bgNbdProbabilityAlive";
  const p = readParams(params, fn, "params", ["r", "alpha", "a", "b"], "BG/NBD");
  const s = readRfm(summary, fn, "summary", false);
  return finite(bgProbabilityAlive(p, s.x, s.tx, s.T), fn, "probability");
}
