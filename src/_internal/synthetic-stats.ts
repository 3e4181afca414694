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
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/**
 * Inverse standard normal CDF Φ⁻¹(p) for 0 < p < 1: P. J. Acklam's rational approximation
 * (relative error < 1.15e-9).
 */
export function normalQuantile(p: number): number {
  const [a0, a1, a2, a3, a4, a5] = A as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = B as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = C as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = D as [number, number, number, number];
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

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
