/**
 * Internal high-precision Decimal for the tvm module. Never exported from the package.
 *
 * The library never calls `Decimal.set()`; the tvm formulas run on a private clone with 40
 * significant digits (created lazily, so importing the module has no side effect), and results
 * are handed back as ordinary `Decimal`s rounded to 28 significant digits (Python's `decimal`
 * default, which numpy-financial's Decimal tests use).
 */
import { Decimal } from "../../_lib/decimal.js";

let HP: typeof Decimal | undefined;

/** The 40-digit Decimal constructor used inside tvm formulas. */
export function hp(): typeof Decimal {
  HP ??= Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
  return HP;
}

/**
 * Convert any Decimal to a high-precision instance. A Decimal's digits are copied as they are
 * (a decimal.js constructor never rounds, so this is the value of `d.toString()` without the
 * string round trip); a zero becomes `+0`, as through the string.
 */
export function toHp(d: Decimal | number): Decimal {
  const H = hp();
  if (typeof d === "number") return new H(d);
  return d.isZero() ? new H(0) : new H(d);
}

/** Back to a library `Decimal`, rounded to 28 significant digits; `-0` becomes `0`. */
export function fromHp(d: Decimal): Decimal {
  const r = d.toSignificantDigits(28, Decimal.ROUND_HALF_EVEN);
  return r.isZero() ? new Decimal(0) : new Decimal(r);
}

/**
 * ln(1 + r) in 40 digits, accurate also for a tiny r (1 + 1e-320 is 1 in 40 digits, so
 * `r.plus(1).ln()` would give 0): the series r - r²/2 + r³/3 - … when |r| < 1e-5.
 */
export function ln1p(r: Decimal): Decimal {
  const H = hp();
  const x = new H(r);
  if (x.abs().greaterThanOrEqualTo("1e-5")) return x.plus(1).ln();
  let sum = new H(0);
  let term = x;
  for (let k = 1; k <= 12; k++) {
    sum = k % 2 === 1 ? sum.plus(term.div(k)) : sum.minus(term.div(k));
    term = term.times(x);
  }
  return sum;
}

/** e^y - 1 in 40 digits, accurate also for a tiny y (series y + y²/2! + … when |y| < 1e-5). */
export function expm1(y: Decimal): Decimal {
  const H = hp();
  const x = new H(y);
  if (x.abs().greaterThanOrEqualTo("1e-5")) return x.exp().minus(1);
  let sum = new H(0);
  let term = x;
  for (let k = 2; k <= 14; k++) {
    sum = sum.plus(term);
    term = term.times(x).div(k);
  }
  return sum;
}

/**
 * (1 + r)ⁿ - 1 in 40 digits: `(1 + r).pow(n) - 1` unless |n·r| < 1e-8, where that difference
 * would keep too few digits (it is 0 for r = 1e-320); then e^(n·ln(1+r)) - 1 by the series.
 */
export function growthMinusOne(r: Decimal, n: Decimal): Decimal {
  const H = hp();
  if (n.isZero()) return new H(0); // (1 + r)^0 - 1, without the logarithm of the series branch
  if (new H(r).times(n).abs().greaterThanOrEqualTo("1e-8")) return new H(r).plus(1).pow(n).minus(1);
  return expm1(ln1p(r).times(n));
}

let HP50: typeof Decimal | undefined;

/**
 * q^(1/m) for q > 0 and a whole m ≥ 1, rounded to the 40 digits of {@link hp}: Newton's iteration
 * y ← ((m - 1)·y + q / y^(m-1)) / m in 50 digits from the float64 estimate, whose error (~1e-16
 * relative) it squares at each step, stopped when the error left is below 1e-48 relative.
 * Integer powers only, so it costs a few multiplications where `q.pow(1/m)` costs a 40-digit
 * logarithm and exponential (~100x more); a float64 estimate that is not finite and positive
 * (q beyond float64's range) falls back to that `pow`.
 */
export function rootHp(q: Decimal, m: number): Decimal {
  const H = hp();
  if (m === 1) return new H(q).toSignificantDigits(40, Decimal.ROUND_HALF_EVEN);
  const y0 = Math.pow(q.toNumber(), 1 / m);
  if (!Number.isFinite(y0) || y0 <= 0) return new H(q).pow(new H(1).div(m));
  HP50 ??= Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -50, toExpPos: 50 });
  const X = HP50;
  const x = new X(q);
  let y = new X(y0);
  // Near the root a step of relative size s leaves an error of about ((m - 1)/2)·s² (Newton's
  // quadratic convergence on y^m - q); stop once 100 times that is below 1e-48.
  const limit = new X(1e-50).div(m);
  for (let k = 0; k < 8; k++) {
    const next = y
      .times(m - 1)
      .plus(x.div(y.pow(m - 1)))
      .div(m);
    const s = next.minus(y).div(next);
    y = next;
    if (s.times(s).lessThanOrEqualTo(limit)) return new H(y).toSignificantDigits(40, Decimal.ROUND_HALF_EVEN);
  }
  return new H(q).pow(new H(1).div(m));
}
