import type { Decimal } from "../_lib/decimal.js";
import { makeMoney } from "../_lib/money.js";
import { toOptions } from "../_lib/validate.js";
import type { Money } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { readTermLoanPayoffOptions, termLoanAccrual } from "./_lib/accrual.js";
import { dayDate } from "./_lib/engine.js";
import { payoffState } from "./_lib/renewal.js";
import type { RepaymentResult } from "./types.js";

const FN = "earlyPayoff";

/**
 * How {@link earlyPayoff} and {@link renewFinancing} pay off a term loan: `"remaining-principal"` (the default, the
 * library's convention) or `"principal-plus-accrued-interest"` (the remaining principal plus
 * simple interest accrued to the payoff date, as a simple-interest lender would ask).
 *
 * @category Financing
 * @since 0.3.0
 */
export type TermLoanPayoffConvention = "remaining-principal" | "principal-plus-accrued-interest";

/**
 * The day count of the interest accrued under `termLoanPayoff: "principal-plus-accrued-interest"`:
 * `"30/360"` (the default for a `"month"` schedule), `"ACT/364"` (the default for `"biweek"`),
 * `"ACT/365F"` or `"ACT/360"`, as {@link yearFraction} counts them.
 *
 * @category Financing
 * @since 0.3.0
 */
export type EarlyPayoffDayCount = "30/360" | "ACT/364" | "ACT/365F" | "ACT/360";

/**
 * Options of {@link earlyPayoff}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface EarlyPayoffOptions {
  /** A term loan's payoff convention; default `"remaining-principal"`. Any other value is for term loans only. */
  readonly termLoanPayoff?: TermLoanPayoffConvention;
  /** Day count of the accrued interest; only with `termLoanPayoff: "principal-plus-accrued-interest"`. Default: `"30/360"` for a `"month"` schedule, `"ACT/364"` for `"biweek"`. */
  readonly dayCount?: EarlyPayoffDayCount;
}

/**
 * Result of {@link earlyPayoff}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface EarlyPayoff {
  /** The payoff day (UTC). */
  readonly payoffDate: Date;
  /** Collected up to and including the payoff day (for a term loan: instalments only, not the fees withheld at funding). */
  readonly paidToDate: Money;
  /** What the contract still calls for: total repayment − paid (an advance), or the remaining principal (a term loan). */
  readonly outstandingBalance: Money;
  /** The part of the fee still unpaid: fee × outstanding / total repayment (0 for a term loan). */
  readonly unpaidFee: Money;
  /** The product's `prepaymentFeeRebate` × unpaid fee, rounded half-even to the minor unit. */
  readonly feeRebate: Money;
  /** Interest accrued on a term loan's remaining principal to the payoff day: 0 unless `termLoanPayoff: "principal-plus-accrued-interest"`. */
  readonly accruedInterest: Money;
  /** The day the accrued interest runs from (the due date of the last instalment paid in full, or the funding date), or `null` without accrued interest. */
  readonly accruedFrom: Date | null;
  /** The day count of the accrued interest, or `null` without accrued interest. */
  readonly dayCount: EarlyPayoffDayCount | null;
  /** outstanding + accrued interest − rebate: what pays the financing off that day. */
  readonly payoffAmount: Money;
}

/**
 * The amount that pays a financing off early on a given day, from its simulated repayment (#14).
 *
 * ## Notes
 * - paid = Σ payments of `result` dated on or before `payoffDate`.
 * - sales-based advance or revenue-share loan: outstanding = total repayment − paid; unpaid fee
 *   = fee × outstanding / total repayment (the proportional split of each payment between
 *   principal and fee, as the N.Y. Fin. Serv. Law § 808 "prepayment charge" of a renewal);
 *   rebate = round_half_even(prepaymentFeeRebate × unpaid fee) (0 for a revenue-share loan);
 *   payoff = outstanding − rebate. The proportional split is **a library convention**: the product
 *   states the rebated share, but no provider's published rebate formula could be read.
 * - term loan, `termLoanPayoff: "remaining-principal"` (the default): the instalments paid are
 *   applied whole instalments first and any excess to principal; payoff = the remaining
 *   principal R — interest is earned only at the instalment due dates, so none accrued since
 *   the last due date is added (**a library convention, not a lender's published term**). The
 *   fees withheld at funding are not refunded.
 * - term loan, `termLoanPayoff: "principal-plus-accrued-interest"`: payoff = R + I with simple
 *   interest `I = round_half_up(R × annualRate × max(0, t))` to the minor unit, where
 *   `t = yearFraction(D₀, payoffDate, dayCount)`, D₀ the due date of the last instalment paid in
 *   full (the funding date when none is) — interest on the principal still owed since the last
 *   date interest was paid to, as a simple-interest lender charges (Amazon Lending's FAQ, in a
 *   third party's copy, calls its loans simple interest; no lender's payoff formula was read, so
 *   the formula and its day count are **the library's**). Day counts: `"30/360"` (US bond basis:
 *   [360(Y₂−Y₁) + 30(M₂−M₁) + (d₂−d₁)] / 360), `"ACT/364"`, `"ACT/365F"`, `"ACT/360"` (actual days
 *   / 364, 365, 360). The defaults match the schedule's periodic rate (`annualRate / 12` a
 *   month is 30/360 of a year; `annualRate / 26` per 14 days is 14/364), so on an unpaid due
 *   date I equals that instalment's interest when R is the scheduled balance. An excess paid
 *   over whole instalments reduces R for the whole period; instalments paid before their due
 *   date give t ≤ 0, so I = 0 (no refund of interest paid ahead).
 *
 * @param result - a {@link RepaymentResult} of {@link simulateRepayment} (or its JSON copy)
 * @param payoffDate - the payoff day, on or after the funding date
 * @param options - {@link EarlyPayoffOptions}: the term-loan payoff convention and its day count
 * @returns a frozen {@link EarlyPayoff} in the product's currency
 * @throws {@link ValidationError} when `payoffDate` is before the funding date
 *   (`INVALID_DATE_ORDER`) or the financing is already repaid by then (`OUT_OF_RANGE`), the
 *   result is inconsistent, an option is unknown (`UNKNOWN_OPTION`), or options exclude each
 *   other (`CONFLICTING_OPTIONS`: `dayCount` without `"principal-plus-accrued-interest"`, or
 *   `"principal-plus-accrued-interest"` for a financing that is not a term loan)
 * @throws {@link ValidationTypeError} when an argument has the wrong type
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, earlyPayoff, money, salesBasedAdvance, simulateRepayment, termLoan } from "marketplace-economics";
 * const advance = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1", prepaymentFeeRebate: "1" });
 * const days = Array.from({ length: 200 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money("100", "USD") }));
 * const p = earlyPayoff(simulateRepayment(advance, days, { fundedOn: "2024-01-01" }), "2024-01-31");
 * p.outstandingBalance.amount.toString(); //=> "800"
 * p.feeRebate.amount.toString(); //=> "72.73"
 * p.payoffAmount.amount.toString(); //=> "727.27"
 * // A $12,000 loan at 12 %: after the 2024-02-15 instalment, $11,053.81 of principal is left;
 * // paid off on 2024-03-01 with 16 days (30/360) of interest: 11053.81 × 0.12 × 16/360 = 58.95
 * const loan = termLoan({ principal: money("12000", "USD"), annualRate: "0.12", termMonths: 12, startDate: "2024-01-15" });
 * const payouts = Array.from({ length: 400 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 16), i, "day"), amount: money("2000", "USD") }));
 * const q = earlyPayoff(simulateRepayment(loan, payouts), "2024-03-01", { termLoanPayoff: "principal-plus-accrued-interest" });
 * [q.outstandingBalance.amount.toString(), q.accruedInterest.amount.toString(), q.payoffAmount.amount.toString()]; //=> ["11053.81", "58.95", "11112.76"]
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export function earlyPayoff(result: RepaymentResult, payoffDate: DateInput, options?: EarlyPayoffOptions): EarlyPayoff {
  const o = toOptions(options, FN, "options", ["termLoanPayoff", "dayCount"]);
  const opts = readTermLoanPayoffOptions(o, FN);
  const st = payoffState(result, payoffDate, FN, "result", "payoffDate");
  const m = (d: Decimal) => makeMoney(d, st.currency);
  const { accrued, accruedFrom, dayCount } = termLoanAccrual(st, opts, FN, "the result's product");
  return Object.freeze({
    payoffDate: dayDate(st.day),
    paidToDate: m(st.paid),
    outstandingBalance: m(st.outstanding),
    unpaidFee: m(st.unpaidFee),
    feeRebate: m(st.rebate),
    accruedInterest: m(accrued),
    accruedFrom,
    dayCount,
    payoffAmount: m(st.outstanding.plus(accrued).minus(st.rebate)),
  });
}
