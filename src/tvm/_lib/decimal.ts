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

/** Convert any Decimal to a high-precision instance. */
export function toHp(d: Decimal | number): Decimal {
  const H = hp();
  return new H(typeof d === "number" ? d : d.toString());
}

/** Back to a library `Decimal`, rounded to 28 significant digits; `-0` becomes `0`. */
export function fromHp(d: Decimal): Decimal {
  const r = new Decimal(d.toSignificantDigits(28, Decimal.ROUND_HALF_EVEN).toString());
  return r.isZero() ? new Decimal(0) : r;
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
  if (new H(r).times(n).abs().greaterThanOrEqualTo("1e-8")) return new H(r).plus(1).pow(n).minus(1);
  return expm1(ln1p(r).times(n));
}
