import type { AmountInput } from "../money/types.js";
import type { DateInput } from "../time/types.js";

/**
 * A dated cash flow: negative = money paid out (an investment, a loan disbursed by the lender),
 * positive = money received. Dates are UTC calendar days (`Date` or ISO string such as
 * `"2024-03-31"`); a time of day is ignored.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface CashFlow {
  /** Day of the flow (`Date` or ISO 8601 string). */
  readonly date: DateInput;
  /** Signed amount. */
  readonly amount: AmountInput;
}

/**
 * When periodic payments fall: at the end (`"end"`, ordinary annuity, the default of Excel and
 * numpy-financial) or the beginning (`"begin"`, annuity due) of each period.
 *
 * @category TVM
 * @since 0.1.0
 */
export type PaymentTiming = "end" | "begin";

/**
 * The {@link pmt}, {@link pv}, {@link fv} and {@link nper} function options.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface TvmOptions {
  /** Payment timing, default `"end"`. */
  readonly when?: PaymentTiming;
}

/**
 * Which internal rate of return {@link irr} and {@link xirr} return when the flows change sign
 * more than once (then several rates can zero the NPV):
 * - `"default"`: the behaviour of 0.1.0. One sign change: the unique root (Newton from the guess,
 *   Brent fallback). Several: the root nearest the guess among all roots found.
 * - `"closest-to-guess"`: the root whose rate is nearest `guess` among all roots found, for any
 *   number of sign changes (the same rate as `"default"`, always found by the full search).
 * - `"excel"`: what Excel does: Newton's method on the rate itself from `guess` (default 0.1), at
 *   most 20 iterations for IRR and 100 for XIRR, stopping when a step is below 0.00001 % (IRR) or
 *   0.000001 % (XIRR); the rate it lands on is then refined to the exact root. Where Excel
 *   returns `#NUM!` (the iteration diverges, leaves (-100 %, ∞) or does not settle) this throws
 *   `ConvergenceError` `NOT_CONVERGED`.
 * - `"lowest"` / `"highest"`: the lowest / highest root found.
 * - `"unique"`: the root only when it is the only one found; several roots throw
 *   `ConvergenceError` `MULTIPLE_ROOTS` (whose message lists them).
 *
 * @category TVM
 * @since 0.2.0
 */
export type IrrRootPolicy = "default" | "closest-to-guess" | "excel" | "lowest" | "highest" | "unique";
