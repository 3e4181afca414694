import { normalQuantile } from "../_lib/normal.js";
import { Decimal } from "../_lib/decimal.js";
import { rangeError, toDecimalInRange, toInteger } from "../_lib/validate.js";
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
 * @throws {@link ValidationError} when counts are not integers, trials is 0 (`EMPTY_INPUT`) or negative, successes > trials, or
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
  // Empty-input policy (README "Conventions", #11): an interval from no trial is undefined.
  if (trials === 0) rangeError(fn, "trials", ErrorCode.EMPTY_INPUT, "must be ≥ 1 (an interval from no trial is undefined)", trials, "an integer ≥ 1");
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
  const half = z.div(denom).times(
    p
      .times(new Decimal(1).minus(p))
      .div(N)
      .plus(z2.div(N.times(N).times(4)))
      .sqrt(),
  );
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
