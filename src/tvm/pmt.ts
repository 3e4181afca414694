import type { Decimal } from "decimal.js";
import { ErrorCode } from "../errors.js";
import { rangeError } from "../_lib/validate.js";
import { parseAnnuity, pmtHp } from "./_lib/annuity.js";
import { fromHp } from "./_lib/decimal.js";
import type { TvmOptions } from "./types.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * Payment per period of a loan or annuity (Excel's `PMT`, numpy-financial's `pmt`).
 *
 * Sign convention (Excel, numpy): money received is positive, money paid is negative. Borrowing
 * 15000 (`pv = 15000`) gives a negative payment.
 *
 * ## Notes
 * pmt = -(fv + pv·(1+r)ⁿ) · r / ((1 + r·w) · ((1+r)ⁿ - 1)), w = 1 for `"begin"`, 0 for `"end"`;
 * when r = 0: pmt = -(fv + pv) / n. Exact 40-digit decimal arithmetic, rounded to 28 significant
 * digits; not rounded to cents (round with the money module when you need an instalment).
 *
 * ## References
 * numpy-financial `pmt` (tests `test_pmt`, `test_pmt_decimal`: pmt(0.08/12, 60, 15000) = -304.1459143262052370338701494);
 * Microsoft Excel `PMT` documentation.
 *
 * @param rate - rate per period as a decimal (0.08/12 for 8 % a year paid monthly), > -1
 * @param nper - number of periods (≠ 0; may be fractional)
 * @param pv - present value (the amount borrowed, positive)
 * @param fv - future value left after the last payment, default 0
 * @param options - {@link TvmOptions} (`when`)
 * @returns the payment per period (negative when pv is positive)
 * @throws {@link ValidationError} when an argument is not a number, rate ≤ -1 or nper = 0
 *
 * @example
 * ```ts
 * import { pmt } from "marketplace-economics";
 * import { Decimal } from "decimal.js";
 * pmt(new Decimal("0.08").div(12), 60, 15000).toFixed(6); //=> "-304.145914"
 * pmt(0, 60, 15000).toString(); //=> "-250"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function pmt(rate: NumericInput, nper: NumericInput, pv: AmountInput, fv?: AmountInput, options?: TvmOptions): Decimal {
  const fn = "pmt";
  const a = parseAnnuity(fn, { rate, nper, pv, fv, options });
  const r = a.r!;
  const n = a.n!;
  if (n.isZero()) rangeError(fn, "nper", ErrorCode.OUT_OF_RANGE, "must not be 0", nper, "a number of periods ≠ 0");
  return fromHp(pmtHp(r, n, a.pv!, a.fv!, a.begin));
}
