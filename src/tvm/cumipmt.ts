import type { Decimal } from "decimal.js";
import { cumprincHp, parseAnnuity, pmtHp } from "./_lib/annuity.js";
import { fromHp } from "./_lib/decimal.js";
import { checkNper, toPeriodRange } from "./_lib/periods.js";
import type { TvmOptions } from "./types.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * Interest paid between two payments, both included (Excel's `CUMIPMT`): the sum of
 * {@link ipmt} over payments `startPeriod`..`endPeriod`, without building a schedule.
 *
 * ## Notes
 * cumipmt = (end - start + 1)·pmt - {@link cumprinc}(rate, nper, pv, start, end): every payment
 * is interest plus principal, and the principal sum telescopes (see {@link cumprinc}). O(1) for
 * any range, 40-digit decimal arithmetic, rounded to 28 significant digits. Same sign convention
 * and `when` as {@link pmt}. Excel requires rate > 0 and pv > 0; here rate = 0 (no interest: 0)
 * and any pv work too.
 *
 * ## References
 * Microsoft Excel `CUMIPMT` documentation (9 % a year, 30 years, 125000: payments 13–24 →
 * -11135.23213, payment 1 → -937.5); formulajs `CUMIPMT` tests.
 *
 * @param rate - rate per period as a decimal, > -1
 * @param nper - number of periods (> 0)
 * @param pv - present value (the amount borrowed)
 * @param startPeriod - first payment included, an integer from 1 to nper
 * @param endPeriod - last payment included, an integer from startPeriod to nper
 * @param options - {@link TvmOptions} (`when`)
 * @returns the interest paid over the payments
 * @throws {@link ValidationError} when an argument is not a number, rate ≤ -1, nper ≤ 0, a period is not an integer in 1..nper, or startPeriod > endPeriod
 *
 * @example
 * ```ts
 * import { cumipmt } from "marketplace-economics";
 * import { Decimal } from "decimal.js";
 * cumipmt(new Decimal("0.09").div(12), 360, 125000, 13, 24).toFixed(5); //=> "-11135.23213"
 * cumipmt(new Decimal("0.09").div(12), 360, 125000, 1, 1).toFixed(1); //=> "-937.5"
 * ```
 *
 * @category TVM
 * @since 0.2.0
 */
export function cumipmt(rate: NumericInput, nper: NumericInput, pv: AmountInput, startPeriod: number, endPeriod: number, options?: TvmOptions): Decimal {
  const fn = "cumipmt";
  const a = parseAnnuity(fn, { rate, nper, pv, options });
  checkNper(a.n!, fn, nper);
  const { s, e } = toPeriodRange(startPeriod, endPeriod, fn, a.n!);
  const zero = a.r!.minus(a.r!);
  const p = pmtHp(a.r!, a.n!, a.pv!, zero, a.begin);
  return fromHp(p.times(e - s + 1).minus(cumprincHp(a.r!, a.n!, a.pv!, s, e, a.begin, p)));
}
