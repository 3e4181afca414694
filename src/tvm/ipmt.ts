import type { Decimal } from "decimal.js";
import { ipmtHp, parseAnnuity } from "./_lib/annuity.js";
import { fromHp } from "./_lib/decimal.js";
import { checkNper, toPeriod } from "./_lib/periods.js";
import type { TvmOptions } from "./types.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * Interest part of one payment of a loan or annuity (Excel's `IPMT`, numpy-financial's `ipmt`).
 *
 * Same sign convention and `when` as {@link pmt}: borrowing 2000 (`pv = 2000`) gives negative
 * payments, and their interest parts are negative too. `ipmt + ppmt = pmt` for every period.
 *
 * ## Notes
 * ipmt(per) = rate · fv(rate, per - 1, pmt, pv): the interest on the balance after per - 1
 * payments, with pmt = {@link pmt}(rate, nper, pv, fv). With `"begin"` the first payment carries
 * no interest (0) and later ones are divided by 1 + rate (the payment is made a period earlier).
 * rate = 0 gives 0. Exact 40-digit decimal arithmetic, rounded to 28 significant digits.
 *
 * ## References
 * numpy-financial `ipmt` (`test_ipmt`: ipmt(0.1/12, 1, 24, 2000) = -16.67, Decimal
 * -16.66666666666666666666666667; `test_ipmt_gh_17`: rate 0.001988079518355057, 360 periods,
 * pv 300000, begin → 0, -594.107158, -592.971592 for periods 1–3, "all desired results are in
 * Excel"); Microsoft Excel `IPMT` documentation (IPMT(10 %/12, 1, 3·12, 8000) = -66.67,
 * IPMT(10 %, 3, 3, 8000) = -292.45); formulajs `IPMT` tests.
 *
 * @param rate - rate per period as a decimal, > -1
 * @param per - the payment, an integer from 1 to nper
 * @param nper - number of periods (> 0)
 * @param pv - present value (the amount borrowed, positive)
 * @param fv - future value after the last payment, default 0
 * @param options - {@link TvmOptions} (`when`)
 * @returns the interest part of payment `per` (negative when pv is positive)
 * @throws {@link ValidationError} when an argument is not a number, rate ≤ -1, nper ≤ 0, or per is not an integer from 1 to nper
 * @throws {@link CurrencyMismatchError} when Money amounts mix currencies
 *
 * @example
 * ```ts
 * import { ipmt } from "marketplace-economics";
 * import { Decimal } from "decimal.js";
 * ipmt(new Decimal("0.1").div(12), 1, 24, 2000).toFixed(6); //=> "-16.666667"
 * ipmt("0.1", 3, 3, 8000).toFixed(2); //=> "-292.45"
 * ```
 *
 * @category TVM
 * @since 0.2.0
 */
export function ipmt(rate: NumericInput, per: number, nper: NumericInput, pv: AmountInput, fv?: AmountInput, options?: TvmOptions): Decimal {
  const fn = "ipmt";
  const a = parseAnnuity(fn, { rate, nper, pv, fv, options });
  checkNper(a.n!, fn, nper);
  const k = toPeriod(per, fn, "per", a.n!);
  return fromHp(ipmtHp(a.r!, k, a.n!, a.pv!, a.fv!, a.begin));
}
