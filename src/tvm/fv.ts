import type { Decimal } from "decimal.js";
import { fvHp, parseAnnuity } from "./_lib/annuity.js";
import { fromHp } from "./_lib/decimal.js";
import type { TvmOptions } from "./types.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * Future value of a present amount plus periodic payments (Excel's `FV`, numpy-financial's `fv`).
 *
 * Sign convention: money paid in is negative, money received is positive; depositing 2000 a
 * period (`pmt = -2000`) gives a positive future value.
 *
 * ## Notes
 * fv = -(pv·(1+r)ⁿ + pmt·(1 + r·w)·((1+r)ⁿ - 1)/r), w = 1 for `"begin"`, 0 for `"end"`;
 * when r = 0: fv = -(pv + pmt·n). Exact 40-digit decimal arithmetic, rounded to 28 significant digits.
 *
 * ## References
 * numpy-financial `fv` (class `TestFv`: fv(0.075, 20, -2000, 0) = 86609.36267304300040536731624,
 * `"begin"` → 93105.064874); Microsoft Excel `FV` documentation.
 *
 * @param rate - rate per period as a decimal, > -1
 * @param nper - number of periods (may be fractional)
 * @param pmt - payment per period (negative when paid in)
 * @param pv - present value, default 0
 * @param options - {@link TvmOptions} (`when`)
 * @returns the future value after `nper` periods
 * @throws {@link ValidationError} when an argument is not a number or rate ≤ -1
 *
 * @example
 * ```ts
 * import { fv } from "marketplace-economics";
 * fv("0.075", 20, -2000, 0).toFixed(6); //=> "86609.362673"
 * fv("0.075", 20, -2000, 0, { when: "begin" }).toFixed(6); //=> "93105.064874"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function fv(rate: NumericInput, nper: NumericInput, pmt: AmountInput, pv?: AmountInput, options?: TvmOptions): Decimal {
  const fn = "fv";
  const a = parseAnnuity(fn, { rate, nper, pmt, pv: pv ?? 0, options });
  const r = a.r!;
  const n = a.n!;
  return fromHp(fvHp(r, n, a.pmt!, a.pv!, a.begin));
}
