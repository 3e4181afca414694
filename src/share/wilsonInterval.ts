import { Decimal } from "decimal.js";
import { rangeError, toDecimalInRange, toInteger } from "../_internal/validate.js";
import { ErrorCode } from "../errors.js";
import type { NumericInput } from "../money/types.js";

/**
 * Result of {@link wilsonInterval}.
 *
 * @category Share
 * @since 0.1.0
 */
export interface WilsonInterval {
  /** Observed proportion p̂ = successes / trials. */
  readonly estimate: Decimal;
  /** Lower bound, in [0, 1]. */
  readonly lower: Decimal;
  /** Upper bound, in [0, 1]. */
  readonly upper: Decimal;
  /** Centre of the interval (p̂ shrunk toward 1/2). */
  readonly center: Decimal;
  /** Standard-normal quantile used (1.9599639845400542355 for 95 %). */
  readonly z: Decimal;
  /** Confidence level. */
  readonly confidence: Decimal;
}

/** Inverse standard-normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** Standard-normal CDF Φ(z) for z ≥ 0 by the all-positive series Φ(z) = 1/2 + φ(z) Σ z^(2k+1)/(2k+1)!!. */
function normalCdf(z: Decimal): Decimal {
  const z2 = z.times(z);
  let term = z;
  let sum = z;
  for (let k = 1; k < 2000; k++) {
    term = term.times(z2).div(2 * k + 1);
    sum = sum.plus(term);
    if (term.lt(sum.times("1e-22"))) break;
  }
  return normalPdf(z).times(sum).plus("0.5");
}

function normalPdf(z: Decimal): Decimal {
  return z.times(z).div(-2).exp().div(Decimal.acos(-1).times(2).sqrt());
}

const quantileCache = new Map<string, Decimal>();

/** z with Φ(z) = p (p in [1/2, 1)): Acklam's approximation, then Newton steps in decimal.js. */
function quantile(p: Decimal): Decimal {
  let z = new Decimal(normalQuantile(p.toNumber()));
  for (let i = 0; i < 3; i++) z = z.minus(normalCdf(z).minus(p).div(normalPdf(z)));
  return z;
}

/**
 * Wilson score confidence interval for a proportion estimated from a sample — e.g. "every second
 * sale comes from an SMB", measured on 1,000 sampled orders.
 *
 * ## Notes
 * With p̂ = x/n and z = Φ⁻¹(1 − (1 − c)/2):
 * centre = (p̂ + z²/(2n)) / (1 + z²/n),
 * half-width = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²)).
 * Unlike the normal (Wald) interval it stays inside [0, 1] and is sensible at x = 0 or x = n.
 * z starts from Acklam's rational approximation and is polished by Newton steps on the exact
 * series for Φ in decimal.js, so z and the bounds carry about 19 significant digits.
 *
 * ## References
 * E. B. Wilson, "Probable inference, the law of succession, and statistical inference",
 * JASA 22 (1927) 209–212; Brown, Cai & DasGupta, "Interval Estimation for a Binomial
 * Proportion", Statistical Science 16 (2001) 101–133.
 *
 * @param successes - sampled items with the property, an integer 0 ≤ successes ≤ trials
 * @param trials - sample size, an integer ≥ 1
 * @param confidence - confidence level, 0 < c < 1 (default 0.95)
 * @returns estimate, bounds, centre, z and confidence, as Decimals
 * @throws {ValidationError} when counts are not integers, trials < 1, successes > trials, or
 *   confidence is outside (0, 1)
 *
 * @example
 * ```ts
 * import { wilsonInterval } from "marketplace-economics";
 * const ci = wilsonInterval(500, 1000, 0.95);
 * [ci.lower.toFixed(4), ci.upper.toFixed(4)]; //=> ["0.4691", "0.5309"]
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function wilsonInterval(successes: number, trials: number, confidence: NumericInput = "0.95"): WilsonInterval {
  const fn = "wilsonInterval";
  const n = toInteger(trials, fn, "trials", 1);
  const x = toInteger(successes, fn, "successes", 0);
  if (x > n) rangeError(fn, "successes", ErrorCode.OUT_OF_RANGE, `must be ≤ trials (${n})`, successes, `an integer from 0 to ${n}`);
  const c = toDecimalInRange(confidence, fn, "confidence", 0, 1, { lowerOpen: true, upperOpen: true });
  const key = c.toString();
  let z = quantileCache.get(key);
  if (z === undefined) {
    z = quantile(new Decimal(1).minus(new Decimal(1).minus(c).div(2)));
    if (quantileCache.size < 64) quantileCache.set(key, z);
  }
  const N = new Decimal(n);
  const p = new Decimal(x).div(N);
  const z2 = z.times(z);
  const denom = z2.div(N).plus(1);
  const center = p.plus(z2.div(N.times(2))).div(denom);
  const half = z.div(denom).times(p.times(new Decimal(1).minus(p)).div(N).plus(z2.div(N.times(N).times(4))).sqrt());
  const clamp = (d: Decimal): Decimal => Decimal.max(0, Decimal.min(1, d));
  return Object.freeze({
    estimate: p,
    lower: x === 0 ? new Decimal(0) : clamp(center.minus(half)),
    upper: x === n ? new Decimal(1) : clamp(center.plus(half)),
    center,
    z,
    confidence: c,
  });
}
