import type { Decimal } from "decimal.js";
import { parseAnnuity } from "./_lib/annuity.js";
import { fromHp, growthMinusOne } from "./_lib/decimal.js";
import type { TvmOptions } from "./types.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * Present value of periodic payments and a future amount (Excel's `PV`, numpy-financial's `pv`).
 *
 * Sign convention: receiving 12000 a period (`pmt = 12000`) is worth a negative present value
 * (what you would pay for it).
 *
 * ## Notes
 * pv = -(fv + pmt·(1 + r·w)·((1+r)ⁿ - 1)/r) / (1+r)ⁿ, w = 1 for `"begin"`, 0 for `"end"`;
 * when r = 0: pv = -(fv + pmt·n). Exact 40-digit decimal arithmetic, rounded to 28 significant digits.
 *
 * ## References
 * numpy-financial `pv` (tests `test_pv`, `test_pv_decimal`: pv(0.07, 20, 12000, 0) = -127128.1709461939327295222005);
 * Microsoft Excel `PV` documentation.
 *
 * @param rate - rate per period as a decimal, > -1
 * @param nper - number of periods (may be fractional)
 * @param pmt - payment per period
 * @param fv - future value, default 0
 * @param options - {@link TvmOptions} (`when`)
 * @returns the present value
 * @throws {@link ValidationError} when an argument is not a number or rate ≤ -1
 *
 * @example
 * ```ts
 * import { pv } from "marketplace-economics";
 * pv("0.07", 20, 12000, 0).toFixed(2); //=> "-127128.17"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function pv(rate: NumericInput, nper: NumericInput, pmt: AmountInput, fv?: AmountInput, options?: TvmOptions): Decimal {
  const fn = "pv";
  const a = parseAnnuity(fn, { rate, nper, pmt, fv, options });
  const r = a.r!;
  const n = a.n!;
  if (r.isZero()) return fromHp(a.fv!.plus(a.pmt!.times(n)).neg());
  const gm1 = growthMinusOne(r, n);
  // gm1 + 1 is 0 for a growth below 1e-40 (40 digits): then (1 + r)^n itself, not a division by 0 (±Infinity) (#11)
  const g0 = gm1.plus(1);
  const g = g0.isZero() ? r.plus(1).pow(n) : g0;
  const w = a.begin ? r.plus(1) : r.minus(r).plus(1);
  return fromHp(a.fv!.plus(a.pmt!.times(w).times(gm1).div(r)).neg().div(g));
}
