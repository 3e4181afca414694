import type { Decimal } from "decimal.js";
import { ipmtHp, parseAnnuity, pmtHp } from "./_lib/annuity.js";
import { fromHp } from "./_lib/decimal.js";
import { checkNper, toPeriod } from "./_lib/periods.js";
import type { TvmOptions } from "./types.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * Principal part of one payment of a loan or annuity (Excel's `PPMT`, numpy-financial's `ppmt`).
 *
 * Same sign convention and `when` as {@link pmt}; `ppmt = pmt - ipmt` for every period.
 *
 * ## Notes
 * ppmt(per) = {@link pmt}(rate, nper, pv, fv) - {@link ipmt}(rate, per, nper, pv, fv), both in
 * 40-digit decimal arithmetic, rounded once to 28 significant digits.
 *
 * ## References
 * numpy-financial `ppmt` (`test_ppmt`: ppmt(0.1/12, 1, 60, 55000) = -710.25; `test_ppmt_decimal`:
 * -710.2541257864217612489830917; `test_ppmt_special_rate`: ppmt(0.23 / 12, 1, 60, 10000000000)
 * = -90238044.232277036); Microsoft Excel `PPMT` documentation (PPMT(10 %/12, 1, 2·12, 2000) =
 * -75.62, PPMT(8 %, 10, 10, 200000) = -27598.05); formulajs `PPMT` tests.
 *
 * @param rate - rate per period as a decimal, > -1
 * @param per - the payment, an integer from 1 to nper
 * @param nper - number of periods (> 0)
 * @param pv - present value
 * @param fv - future value after the last payment, default 0
 * @param options - {@link TvmOptions} (`when`)
 * @returns the principal part of payment `per`
 * @throws {@link ValidationError} when an argument is not a number, rate ≤ -1, nper ≤ 0, or per is not an integer from 1 to nper
 * @throws {@link CurrencyMismatchError} when Money amounts mix currencies
 *
 * @example
 * ```ts
 * import { ppmt } from "marketplace-economics";
 * import { Decimal } from "decimal.js";
 * ppmt(new Decimal("0.1").div(12), 1, 60, 55000).toFixed(2); //=> "-710.25"
 * ppmt("0.08", 10, 10, 200000).toFixed(2); //=> "-27598.05"
 * ```
 *
 * @category TVM
 * @since 0.2.0
 */
export function ppmt(rate: NumericInput, per: number, nper: NumericInput, pv: AmountInput, fv?: AmountInput, options?: TvmOptions): Decimal {
  const fn = "ppmt";
  const a = parseAnnuity(fn, { rate, nper, pv, fv, options });
  checkNper(a.n!, fn, nper);
  const k = toPeriod(per, fn, "per", a.n!);
  return fromHp(pmtHp(a.r!, a.n!, a.pv!, a.fv!, a.begin).minus(ipmtHp(a.r!, k, a.n!, a.pv!, a.fv!, a.begin)));
}
