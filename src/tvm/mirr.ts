import type { Decimal } from "decimal.js";
import { ConvergenceError, ErrorCode } from "../errors.js";
import { toDecimalInRange } from "../_lib/validate.js";
import { fromHp, hp, rootHp, toHp } from "./_lib/decimal.js";
import { parseAmounts } from "./_lib/flows.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * Modified internal rate of return of equally spaced cash flows (Excel's `MIRR`,
 * numpy-financial's `mirr`): outflows financed at `financeRate`, inflows reinvested at
 * `reinvestRate`.
 *
 * ## Notes
 * With n amounts a₀..aₙ₋₁ (period i at time i):
 *
 *   mirr = (FV⁺ / -PV⁻)^(1/(n-1)) - 1,  FV⁺ = Σ_{aᵢ>0} aᵢ (1 + reinvestRate)^(n-1-i),
 *   PV⁻ = Σ_{aᵢ<0} aᵢ (1 + financeRate)^(-i)
 *
 * (Excel writes the same as (-NPV(reinvest, positives)·(1+reinvest)ⁿ / (NPV(finance,
 * negatives)·(1+finance)))^(1/(n-1)) - 1). No iteration: a closed form, unique, in 40-digit
 * decimal arithmetic, rounded to 28 significant digits. Zero amounts count as neither. When both
 * rates equal the {@link irr} of the flows, the MIRR is that IRR. Where Excel returns `#DIV/0!`
 * and numpy `NaN` (no positive or no negative amount) this throws.
 *
 * ## References
 * Microsoft Excel `MIRR` documentation (-120000, 39000, 30000, 21000, 37000, 46000 at 10 % / 12 %
 * → 12.61 %; first five → -4.80 %; reinvest 14 % → 13.48 %); numpy-financial `mirr` tests.
 *
 * @param values - one amount per period, at least one negative and one positive
 * @param financeRate - rate paid on the money used in the outflows, per period, > -1
 * @param reinvestRate - rate earned on the inflows reinvested, per period, > -1
 * @returns the MIRR per period as a decimal (0.126 = 12.6 %)
 * @throws {@link ConvergenceError} `NO_SIGN_CHANGE` when the amounts are not both negative and positive
 * @throws {@link ValidationError} when values is empty or holds a non-number, or a rate is not > -1
 * @throws {@link CurrencyMismatchError} when Money amounts mix currencies
 *
 * @example
 * ```ts
 * import { mirr } from "marketplace-economics";
 * mirr([-120000, 39000, 30000, 21000, 37000, 46000], "0.1", "0.12").toFixed(6); //=> "0.126094"
 * ```
 *
 * @category TVM
 * @since 0.2.0
 */
export function mirr(values: readonly AmountInput[], financeRate: NumericInput, reinvestRate: NumericInput): Decimal {
  const fn = "mirr";
  const flows = parseAmounts(values, fn, true, "values");
  const f = toHp(toDecimalInRange(financeRate, fn, "financeRate", -1, undefined, { lowerOpen: true }));
  const re = toHp(toDecimalInRange(reinvestRate, fn, "reinvestRate", -1, undefined, { lowerOpen: true }));
  const H = hp();
  const n = flows.n;
  let fvPos = new H(0);
  let pvNeg = new H(0);
  const decs = flows.decimals ?? [];
  // Horner for both sums: FV⁺ = (…(p₀(1+re) + p₁)(1+re) + …) and PV⁻ from the last amount back
  const gRe = re.plus(1);
  const vF = new H(1).div(f.plus(1));
  for (let i = 0; i < n; i++) {
    const a = toHp(decs[i]!);
    fvPos = fvPos.times(gRe);
    if (a.greaterThan(0)) fvPos = fvPos.plus(a);
  }
  for (let i = n - 1; i >= 0; i--) {
    const a = toHp(decs[i]!);
    pvNeg = pvNeg.times(vF);
    if (a.lessThan(0)) pvNeg = pvNeg.plus(a);
  }
  if (fvPos.isZero() || pvNeg.isZero()) {
    throw new ConvergenceError(fn, ErrorCode.NO_SIGN_CHANGE, "values must hold at least one positive and one negative amount (Excel returns #DIV/0!)", { iterations: 0 });
  }
  return fromHp(rootHp(fvPos.div(pvNeg.neg()), n - 1).minus(1));
}
