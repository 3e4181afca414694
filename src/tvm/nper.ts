import type { Decimal } from "decimal.js";
import { ErrorCode } from "../errors.js";
import { rangeError } from "../_lib/validate.js";
import { parseAnnuity } from "./_lib/annuity.js";
import { fromHp, ln1p } from "./_lib/decimal.js";
import type { TvmOptions } from "./types.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * Number of periods needed to go from a present value to a future value with a given payment
 * (Excel's `NPER`, numpy-financial's `nper`). Usually fractional.
 *
 * ## Notes
 * With z = pmt·(1 + r·w)/r: nper = ln((z - fv)/(pv + z)) / ln(1 + r), w = 1 for `"begin"`, 0
 * for `"end"`; when r = 0: nper = -(fv + pv)/pmt. Where numpy returns `inf` or `NaN` (r = 0 and
 * pmt = 0; the logarithm's argument ≤ 0: the payment never reaches the target) this function
 * throws. Exact 40-digit decimal arithmetic, rounded to 28 significant digits.
 *
 * ## References
 * numpy-financial `nper` (class `TestNper`: nper(0.075, -2000, 0, 100000) = 21.544944,
 * nper(0, -2000, 0, 100000) = 50, nper(0.1, 0, -500, 1500) = 11.52670461, nper(0, -100, 1000) = 10);
 * Microsoft Excel `NPER` documentation.
 *
 * @param rate - rate per period as a decimal, > -1
 * @param pmt - payment per period
 * @param pv - present value
 * @param fv - future value, default 0
 * @param options - {@link TvmOptions} (`when`)
 * @returns the number of periods (a Decimal, not rounded)
 * @throws {@link ValidationError} `UNDEFINED_RESULT` when no finite number of periods exists; other codes for bad numbers
 *
 * @example
 * ```ts
 * import { nper } from "marketplace-economics";
 * nper("0.075", -2000, 0, 100000).toFixed(6); //=> "21.544944"
 * nper(0, -100, 1000).toString(); //=> "10"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function nper(rate: NumericInput, pmt: AmountInput, pv: AmountInput, fv?: AmountInput, options?: TvmOptions): Decimal {
  const fn = "nper";
  const a = parseAnnuity(fn, { rate, pmt, pv, fv, options });
  const r = a.r!;
  const p = a.pmt!;
  if (r.isZero()) {
    if (p.isZero()) rangeError(fn, "pmt", ErrorCode.UNDEFINED_RESULT, "must not be 0 when rate is 0 (the number of periods would be infinite)", pmt, "a non-zero payment");
    return fromHp(a.fv!.plus(a.pv!).neg().div(p));
  }
  const w = a.begin ? r.plus(1) : r.minus(r).plus(1);
  const z = p.times(w).div(r);
  const num = z.minus(a.fv!);
  const den = a.pv!.plus(z);
  if (den.isZero() || num.isZero() || num.div(den).lte(0)) {
    rangeError(fn, "pmt", ErrorCode.UNDEFINED_RESULT, "never reaches the future value from the present value at this rate", pmt, "a payment that moves the balance from pv to fv");
  }
  // ln(num/den) = ln(1 + (num - den)/den) with num - den = -(fv + pv) exactly, and ln(1 + r) by
  // ln1p: for r = 1e-320 both ratios round to 1 in 40 digits and the quotient would be 0/0 (#11).
  // When num/den is far from 1, ln of the ratio itself: 1 + q rounds to 0 in 40 digits when num/den
  // is tiny (pv = -1e308 gave ln(0) = -Infinity, #11), and ln(num/den) is exact to 40 digits there.
  const q = a.fv!.plus(a.pv!).neg().div(den);
  const lnRatio = q.abs().lessThan("1e-5") ? ln1p(q) : num.div(den).ln();
  return fromHp(lnRatio.div(ln1p(r)));
}
