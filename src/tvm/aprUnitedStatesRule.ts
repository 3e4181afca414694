import { Decimal } from "../_lib/decimal.js";
import { ConvergenceError, ErrorCode } from "../errors.js";
import { brent } from "./_lib/solver.js";
import { hp } from "./_lib/decimal.js";
import { periodsPerYear, timeIn } from "./_lib/regz.js";
import { readAprInput } from "./_lib/aprInput.js";
import type { AprRegZInput } from "./aprRegZ.js";

const FN = "aprUnitedStatesRule";

/** At most this many payments (the loop over payments runs once per solver step). */
const MAX_PAYMENTS = 100_000;

/**
 * Annual percentage rate of a closed-end credit transaction by the **United States Rule** method
 * of Regulation Z (12 CFR 1026.22(a)(1) and Appendix J (a)(3)): simple interest per payment
 * period, never compounded — the alternative to the actuarial method of {@link aprRegZ} that
 * California (Cal. Code Regs. tit. 10 § 940(a)) and New York (23 NYCRR § 600.3(b)) allow.
 *
 * ## Notes
 * Appendix J (a)(3): "at the end of each payment period, the unpaid balance of the amount
 * financed is increased by the finance charge earned during that payment period and is decreased
 * by the payment made at the end of that payment period. If the payment is less than the finance
 * charge earned, the adjustment of the unpaid balance of the amount financed is postponed until
 * the end of the next payment period", and so on. For a unit-period rate i:
 *
 *   earnedⱼ = Bⱼ₋₁ · i · τⱼ,   unpaidⱼ = unpaidⱼ₋₁ + earnedⱼ,
 *   if Pⱼ ≥ unpaidⱼ: Bⱼ = Bⱼ₋₁ − (Pⱼ − unpaidⱼ), unpaidⱼ = 0; else unpaidⱼ −= Pⱼ (postponed)
 *
 * with τⱼ the length of payment period j in unit-periods, measured as Appendix J (b)(5) measures
 * time (months counted back from the later date, odd days / 30, …) and the unit-period chosen as
 * in {@link aprRegZ} ((b)(4)). The rate makes the final balance plus unpaid finance charge zero
 * (found by Brent's method; the final balance rises with i); APR = i × unit-periods per year
 * ((b)(1)). Appendix J prints no worked example of this method: where every payment period is one
 * unit-period the two methods give the same APR (no compounding happens inside a period), which
 * the tests check on Appendix J (c)(1)(i); a long first period or a single payment after more than
 * one unit-period gives a higher rate than the actuarial method (simple interest on a longer
 * period).
 *
 * ## References
 * 12 CFR 1026.22(a)(1); 12 CFR Part 1026, Appendix J (a)(1)–(a)(3), (b)(1), (b)(4), (b)(5);
 * Cal. Code Regs. tit. 10 § 940(a); 23 NYCRR § 600.3(b).
 *
 * @param input - the {@link AprRegZInput} of {@link aprRegZ}: amount financed, advance date, payments, optional unit-period
 * @returns the APR as a decimal (0.0969 = 9.69 %), not rounded; exactly 0 when the payments sum to the amount financed
 * @throws {@link ValidationError} when an amount is not > 0, a date is invalid or before the advance date, the unit-period
 *   is unknown, or there are more than 100,000 payments
 * @throws {@link ConvergenceError} `NO_SIGN_CHANGE` when the payments are less than the amount financed
 *
 * @example
 * ```ts
 * import { aprRegZ, aprUnitedStatesRule } from "marketplace-economics";
 * // Appendix J (c)(5)(iii): $1,000 on 1978-01-03, one payment of $1,135.19 eighteen months later
 * const input = { amountFinanced: 1000, advanceDate: "1978-01-03", payments: [{ date: "1979-07-03", amount: 1135.19 }] };
 * aprRegZ(input).times(100).toFixed(2); //=> "8.76"
 * aprUnitedStatesRule(input).times(100).toFixed(2); //=> "9.01"
 * ```
 *
 * @category TVM
 * @since 0.3.0
 */
export function aprUnitedStatesRule(input: AprRegZInput): Decimal {
  const { amountFinanced: A, start, pays, unit, exact } = readAprInput(input, FN, MAX_PAYMENTS);
  const w = periodsPerYear(unit);
  // Exact zero: payments summing to the amount financed carry no finance charge.
  const H = hp();
  let paid = new H(0);
  for (let j = 1; j < exact.length; j++) paid = paid.plus(exact[j]!);
  if (paid.equals(exact[0]!)) return new Decimal(0);
  if (paid.lessThan(exact[0]!)) {
    throw new ConvergenceError(FN, ErrorCode.NO_SIGN_CHANGE, "the payments are less than the amount financed, so no rate ≥ 0 repays it under the United States Rule", { iterations: 0 });
  }
  const n = pays.length;
  const P = new Float64Array(n);
  const tau = new Float64Array(n);
  let prev = start;
  for (let j = 0; j < n; j++) {
    const { t, f } = timeIn(unit, prev, pays[j]!.day);
    P[j] = pays[j]!.amount;
    tau[j] = t + f;
    prev = pays[j]!.day;
  }
  // Final balance + unpaid finance charge, increasing in i; negative at i = 0 (payments exceed A).
  const G = (i: number): number => {
    let B = A;
    let unpaid = 0;
    for (let j = 0; j < n; j++) {
      unpaid += B * i * tau[j]!;
      if (P[j]! >= unpaid) {
        B -= P[j]! - unpaid;
        unpaid = 0;
      } else unpaid -= P[j]!;
    }
    return B + unpaid;
  };
  let lo = 0;
  let flo = G(0);
  let hi = 1;
  let fhi = G(hi);
  let guard = 0;
  while (fhi < 0 && guard++ < 200) {
    lo = hi;
    flo = fhi;
    hi *= 2;
    fhi = G(hi);
  }
  while (!Number.isFinite(fhi) && guard++ < 400) {
    const mid = (lo + hi) / 2;
    const fm = G(mid);
    if (fm < 0) {
      lo = mid;
      flo = fm;
    } else {
      hi = mid;
      fhi = fm;
    }
  }
  if (!(flo <= 0 && fhi >= 0) || !Number.isFinite(fhi)) {
    throw new ConvergenceError(FN, ErrorCode.NO_SIGN_CHANGE, "no unit-period rate repays the amount financed under the United States Rule", { iterations: guard });
  }
  const i = brent(G, lo, hi, flo, fhi);
  return new Decimal(i).times(new Decimal(w));
}
