import { Decimal } from "../_lib/decimal.js";
import { ConvergenceError, ErrorCode } from "../errors.js";
import { brent } from "./_lib/solver.js";
import { hp } from "./_lib/decimal.js";
import { periodsPerYear, timeIn } from "./_lib/regz.js";
import { readAprInput } from "./_lib/aprInput.js";
import type { AmountInput } from "../money/types.js";
import type { DateInput } from "../time/types.js";

/**
 * A Regulation Z unit-period (Appendix J (b)(3)): a standard interval of time. `"biweek"` is two
 * weeks, `"quarter"` three months, `"semiyear"` six months. Other multiples of a week or a month
 * are given as `{ weeks: n }` (1–52) or `{ months: n }` (1–12).
 *
 * @category TVM
 * @since 0.1.0
 */
export type AprUnitPeriod = "day" | "week" | "biweek" | "semimonth" | "month" | "quarter" | "semiyear" | "year" | { readonly weeks: number } | { readonly months: number };

/**
 * A scheduled payment for {@link aprRegZ}.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface AprRegZPayment {
  /** Due date (`Date` or ISO string), on or after the advance date. */
  readonly date: DateInput;
  /** Payment amount (> 0). */
  readonly amount: AmountInput;
}

/**
 * The {@link aprRegZ} input: a single-advance closed-end credit transaction.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface AprRegZInput {
  /** Amount financed (> 0), advanced on `advanceDate`. */
  readonly amountFinanced: AmountInput;
  /** Date the finance charge begins to be earned (consummation / advance). */
  readonly advanceDate: DateInput;
  /** Scheduled payments (at least one), in any order. */
  readonly payments: readonly AprRegZPayment[];
  /** Unit-period; default: the most common payment interval, per Appendix J (b)(4). */
  readonly unitPeriod?: AprUnitPeriod;
}

/**
 * Most payments {@link aprRegZ} accepts (checked before any payment is read, #11): 50,000, over
 * 136 years of daily payments; Regulation Z schedules have at most a few thousand.
 */
const MAX_APR_PAYMENTS = 50_000;

/**
 * Annual percentage rate of a closed-end credit transaction by the actuarial method of US
 * Regulation Z, 12 CFR 1026, Appendix J — the APR a US lender must disclose.
 *
 * ## Notes
 * General equation (Appendix J (b)(8)) for a single advance A and payments Pⱼ:
 *
 *   A = Σⱼ Pⱼ / ((1 + fⱼ·i)(1 + i)^tⱼ),   APR = i · w
 *
 * with i the unit-period rate, w the unit-periods per year, tⱼ the whole unit-periods and fⱼ the
 * fraction of a unit-period from the advance to payment j (the fraction earns simple interest,
 * (b)(6)). Time is measured per (b)(5): months are counted back from the later date (all months
 * equal; month ends stay month ends), the odd days are divided by 30 (month unit), by 15
 * (semimonth: 30 days per whole month plus the odd days), by 30·m (a unit of m months), by 7·n
 * (a unit of n weeks); w = 12/m, 24, 52/n or 365. Unit-period (b)(4): the common payment
 * interval that occurs most often (ties: the shorter; none: the average interval rounded to a
 * standard interval); for a single payment, the term itself — m whole months below a year give
 * w = 12/m, other terms below a year w = 365/days, a year or more uses a year with the remainder in
 * months/12 or days/365. The unit-period rate is found by Brent's method (the right side is
 * decreasing in i); the returned APR is not rounded (Appendix J rounds disclosures to the
 * nearest 1/100 of a percentage point; § 1026.22(a)(2) allows 1/8 point).
 *
 * ## References
 * 12 CFR Part 1026, Appendix J (examples (c)(1)–(c)(5) reproduced in the tests: 9.69 %, 11.82 %,
 * 10.34 %, 8.97 %, 14.96 %, 10.08 %, 28.50 %, 10.50 %, 12.22 %, 10.90 %, 7.30 %, 11.45 %, ...);
 * 12 CFR 1026.22.
 *
 * @param input - {@link AprRegZInput}: amount financed, advance date, payments, optional unit-period
 * @returns the APR as a decimal (0.0969 = 9.69 %)
 * @throws {@link ValidationError} when an amount is not > 0, a date is invalid or before the advance date, the unit-period is unknown, or there are more than 50,000 payments (`OUT_OF_RANGE`, checked before any payment is read)
 * @throws {@link ConvergenceError} `NO_SIGN_CHANGE` when the payments are too small for any rate above -100 % per period
 *
 * @example
 * ```ts
 * import { addPeriods, aprRegZ, calendarDay } from "marketplace-economics";
 * // Appendix J (c)(1)(i): $5,000 advanced 1978-01-10, 24 monthly payments of $230 from 1978-02-10
 * const payments = Array.from({ length: 24 }, (_, k) => ({
 *   date: addPeriods(calendarDay(1978, 2, 10), k, "month"),
 *   amount: 230,
 * }));
 * aprRegZ({ amountFinanced: 5000, advanceDate: "1978-01-10", payments }).times(100).toFixed(2); //=> "9.69"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function aprRegZ(input: AprRegZInput): Decimal {
  const fn = "aprRegZ";
  const { amountFinanced: A, start, pays, unit, exact } = readAprInput(input, fn, MAX_APR_PAYMENTS);
  const w = periodsPerYear(unit);
  // Payments due on the same day share t and f: one term per distinct day (pays is sorted), so
  // each evaluation of F costs the number of due dates, not of payments.
  let n = 0;
  const P = new Float64Array(pays.length);
  const T = new Float64Array(pays.length);
  const Fr = new Float64Array(pays.length);
  for (let j = 0; j < pays.length; j++) {
    if (j > 0 && pays[j]!.day === pays[j - 1]!.day) {
      P[n - 1]! += pays[j]!.amount;
      continue;
    }
    const { t, f } = timeIn(unit, start, pays[j]!.day);
    P[n] = pays[j]!.amount;
    T[n] = t;
    Fr[n] = f;
    n++;
  }
  // F(x) with i = e^x - 1: Σ Pⱼ / ((1 + fⱼ i)(1 + i)^tⱼ) - A, decreasing in x.
  const F = (x: number): number => {
    const i = Math.expm1(x);
    let s = 0;
    for (let j = 0; j < n; j++) s += P[j]! / ((1 + Fr[j]! * i) * Math.exp(T[j]! * x));
    return s - A;
  };
  // Bracket the root outwards from x = 0 (i = 0), in steps small enough that e^(t·x) cannot
  // overflow before the sign changes, even for schedules of thousands of daily payments.
  let maxT = 0;
  for (let j = 0; j < n; j++) maxT = Math.max(maxT, T[j]! + Fr[j]!);
  const step0 = Math.min(1, 1 / Math.max(1, maxT));
  const f0 = F(0);
  let lo: number;
  let hi: number;
  let flo: number;
  let fhi: number;
  let guard = 0;
  if (f0 >= 0) {
    lo = 0;
    flo = f0;
    hi = step0;
    fhi = F(hi);
    while (fhi > 0 && guard++ < 200) {
      lo = hi;
      flo = fhi;
      hi *= 2;
      fhi = F(hi);
    }
  } else {
    hi = 0;
    fhi = f0;
    lo = -step0;
    flo = F(lo);
    while (flo < 0 && guard++ < 200) {
      hi = lo;
      fhi = flo;
      lo *= 2;
      flo = F(lo);
    }
  }
  // An endpoint value that overflowed (F → +∞ as i → −100 %) is pulled in by bisection.
  while (!Number.isFinite(flo) && guard++ < 400) {
    const mid = (lo + hi) / 2;
    const fm = F(mid);
    if (fm < 0) {
      hi = mid;
      fhi = fm;
    } else {
      lo = mid;
      flo = fm;
    }
  }
  if (!(flo >= 0 && fhi <= 0) || !Number.isFinite(flo) || !Number.isFinite(fhi)) {
    throw new ConvergenceError(fn, ErrorCode.NO_SIGN_CHANGE, "no unit-period rate makes the payments' present value equal the amount financed", { iterations: guard });
  }
  const x = brent(F, lo, hi, flo, fhi);
  const residual = F(x);
  // Relative to the discounted magnitudes: A and the payments' present value A + residual (#11).
  if (!(Math.abs(residual) <= 1e-9 * (2 * A + residual))) {
    throw new ConvergenceError(fn, ErrorCode.NOT_CONVERGED, "the solver did not reach |residual| ≤ 1e-9 × (amount financed + present value of the payments)", {
      iterations: 300,
      lastEstimate: Math.expm1(x) * w,
      residual,
    });
  }
  // Payments summing exactly to the amount financed: no finance charge, the APR is exactly 0 (#11).
  const H = hp();
  let paid = new H(0);
  for (let j = 1; j < exact.length; j++) paid = paid.plus(exact[j]!);
  if (paid.equals(exact[0]!)) return new Decimal(0);
  const apr = new Decimal(Math.expm1(x)).times(new Decimal(w));
  return apr.isZero() ? new Decimal(0) : apr;
}
