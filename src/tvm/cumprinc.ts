import type { Decimal } from "decimal.js";
import { cumprincHp, parseAnnuity } from "./_lib/annuity.js";
import { fromHp } from "./_lib/decimal.js";
import { checkNper, toPeriodRange } from "./_lib/periods.js";
import type { TvmOptions } from "./types.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * Principal repaid between two payments, both included (Excel's `CUMPRINC`): the sum of
 * {@link ppmt} over payments `startPeriod`..`endPeriod`, without building a schedule.
 *
 * ## Notes
 * With Fₖ = {@link fv}(rate, k, pmt, pv), the principal part of payment k is Fₖ₋₁ - Fₖ (`"end"`),
 * so the sum telescopes to F_{start-1} - F_end; with `"begin"` the first payment is all principal
 * and the later ones are (Fₖ₋₁ - Fₖ)/(1 + rate). A closed form: O(1) for any range, in 40-digit
 * decimal arithmetic, rounded to 28 significant digits. Same sign convention as {@link pmt}
 * (a loan, pv > 0, gives a negative result). Excel requires rate > 0 and pv > 0 and has no future
 * value; here rate = 0 and any pv work too.
 *
 * ## References
 * Microsoft Excel `CUMPRINC` documentation (9 % a year, 30 years, 125000: payments 13–24 →
 * -934.1071234, payment 1 → -68.27827118); formulajs `CUMPRINC` tests.
 *
 * @param rate - rate per period as a decimal, > -1
 * @param nper - number of periods (> 0)
 * @param pv - present value (the amount borrowed)
 * @param startPeriod - first payment included, an integer from 1 to nper
 * @param endPeriod - last payment included, an integer from startPeriod to nper
 * @param options - {@link TvmOptions} (`when`)
 * @returns the principal repaid over the payments
 * @throws {@link ValidationError} when an argument is not a number, rate ≤ -1, nper ≤ 0, a period is not an integer in 1..nper, or startPeriod > endPeriod
 *
 * @example
 * ```ts
 * import { cumprinc } from "marketplace-economics";
 * import { Decimal } from "decimal.js";
 * cumprinc(new Decimal("0.09").div(12), 360, 125000, 13, 24).toFixed(7); //=> "-934.1071234"
 * ```
 *
 * @category TVM
 * @since 0.2.0
 */
export function cumprinc(rate: NumericInput, nper: NumericInput, pv: AmountInput, startPeriod: number, endPeriod: number, options?: TvmOptions): Decimal {
  const fn = "cumprinc";
  const a = parseAnnuity(fn, { rate, nper, pv, options });
  checkNper(a.n!, fn, nper);
  const { s, e } = toPeriodRange(startPeriod, endPeriod, fn, a.n!);
  return fromHp(cumprincHp(a.r!, a.n!, a.pv!, s, e, a.begin));
}
