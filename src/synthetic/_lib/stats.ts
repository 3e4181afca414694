/**
 * Internal float statistics for the synthetic marketplace calibration: the standard normal CDF
 * and its inverse, and lognormal partial expectations. Never exported from the package. Floats
 * are fine here: these numbers shape synthetic data; every money value emitted is exact cents.
 */

/**
 * Standard normal CDF Φ(x), via the complementary error function of W. H. Press et al.,
 * Numerical Recipes (2nd ed.), § 6.2 `erfcc` (fractional error < 1.2e-7 everywhere).
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

export { normalQuantile } from "../../_lib/normal.js";

/**
 * E[S · 1{a ≤ S < b}] for S ~ Lognormal(mu, sigma): exp(mu + σ²/2) · (Φ(β − σ) − Φ(α − σ)) with
 * α = (ln a − mu)/σ, β = (ln b − mu)/σ. `a = 0` and `b = Infinity` are allowed.
 */
export function lognormalPartialMean(mu: number, sigma: number, a: number, b: number): number {
  const alpha = a <= 0 ? -Infinity : (Math.log(a) - mu) / sigma;
  const beta = b === Infinity ? Infinity : (Math.log(b) - mu) / sigma;
  const cdf = (x: number): number => (x === Infinity ? 1 : x === -Infinity ? 0 : normalCdf(x));
  return Math.exp(mu + (sigma * sigma) / 2) * (cdf(beta - sigma) - cdf(alpha - sigma));
}

/** E[min(S, cap)] for S ~ Lognormal(mu, sigma). */
export function lognormalCappedMean(mu: number, sigma: number, cap: number): number {
  return lognormalPartialMean(mu, sigma, 0, cap) + cap * (1 - normalCdf((Math.log(cap) - mu) / sigma));
}
