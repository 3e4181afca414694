import { bgProbabilityOfPurchases, finite, readParams, toModelTime } from "./_lib/bgNbd.js";
import { toInteger } from "../_lib/validate.js";
import type { BgNbdParameters } from "./fitBgNbd.js";

/**
 * Probability that a newly acquired seller (or customer) makes exactly `n` purchases in its first
 * `t` time units under a BG/NBD model: P(X(t) = n).
 *
 * ## Notes
 * P(X(t) = n) = B(a, b + n)/B(a, b) · Γ(r + n)/(Γ(r) n!) · (α/(α + t))^r · (t/(α + t))^n
 * + δ(n>0) · B(a + 1, b + n − 1)/B(a, b) · [1 − (α/(α + t))^r Σ_{j<n} Γ(r + j)/(Γ(r) j!) (t/(α + t))^j]
 * (Fader, Hardie & Lee 2005, eq. 8), float64 in logs. The tests check R BTYD's documented values
 * for the CDNOW parameters (P(X(2) = 10) = 1.07869e-07, P(X(39) = 0) = 0.5737864), as quoted in
 * lifetimes' `test_probability_of_n_purchases_up_to_time_same_as_R_BTYD`.
 *
 * ## References
 * P. S. Fader, B. G. S. Hardie, K. L. Lee (2005), "'Counting Your Customers' the Easy Way",
 * Marketing Science 24(2), 275–284, eq. 8.
 *
 * @param params - {@link BgNbdParameters}
 * @param t - horizon, ≥ 0, in the model's time unit
 * @param n - number of purchases, an integer from 0 to 1,000,000
 * @returns the probability, a float64 number in [0, 1]
 * @throws {@link ValidationError} when a parameter is not > 0, `t` is negative or above 1e9, or `n` is not an integer in range
 * @throws {@link ValidationTypeError} when `params` is not an object or a value is not a number
 *
 * @example
 * ```ts
 * import { bgNbdProbabilityOfPurchases } from "marketplace-economics";
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * bgNbdProbabilityOfPurchases(cdnow, 39, 0).toFixed(7); //=> "0.5737864"
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export function bgNbdProbabilityOfPurchases(params: BgNbdParameters, t: number, n: number): number {
  const fn = "bgNbdProbabilityOfPurchases";
  const p = readParams(params, fn, "params", ["r", "alpha", "a", "b"], "BG/NBD");
  const time = toModelTime(t, fn, "t");
  const count = toInteger(n, fn, "n", 0, 1_000_000);
  return Math.min(1, Math.max(0, finite(bgProbabilityOfPurchases(p, time, count), fn, "probability")));
}
