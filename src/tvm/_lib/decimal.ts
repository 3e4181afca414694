/**
 * Internal high-precision Decimal for the tvm module. Never exported from the package.
 *
 * The library never calls `Decimal.set()`; the tvm formulas run on a private clone with 40
 * significant digits (created lazily, so importing the module has no side effect), and results
 * are handed back as ordinary `Decimal`s rounded to 28 significant digits (Python's `decimal`
 * default, which numpy-financial's Decimal tests use).
 */
import { Decimal } from "decimal.js";

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
