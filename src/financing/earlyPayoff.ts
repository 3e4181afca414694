import type { Decimal } from "../_lib/decimal.js";
import { makeMoney } from "../_lib/money.js";
import type { Money } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { dayDate } from "./_lib/engine.js";
import { payoffState } from "./_lib/renewal.js";
import type { RepaymentResult } from "./types.js";

const FN = "earlyPayoff";

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
  /** outstanding − rebate: what pays the financing off that day. */
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
 * - term loan: the instalments paid are applied whole instalments first and any excess to
 *   principal; payoff = the remaining principal (interest is earned only at the instalment due
 *   dates in this module, so no interest accrued since the last due date is added — **a library
 *   convention, not a lender's published term**: a simple-interest loan would also owe the interest
 *   accrued since the last payment). The fees withheld at funding are not refunded.
 *
 * @param result - a {@link RepaymentResult} of {@link simulateRepayment} (or its JSON copy)
 * @param payoffDate - the payoff day, on or after the funding date
 * @returns a frozen {@link EarlyPayoff} in the product's currency
 * @throws {@link ValidationError} when `payoffDate` is before the funding date
 *   (`INVALID_DATE_ORDER`) or the financing is already repaid by then (`OUT_OF_RANGE`), or the
 *   result is inconsistent
 * @throws {@link ValidationTypeError} when an argument has the wrong type
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, earlyPayoff, money, salesBasedAdvance, simulateRepayment } from "marketplace-economics";
 * const advance = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1", prepaymentFeeRebate: "1" });
 * const days = Array.from({ length: 200 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money("100", "USD") }));
 * const p = earlyPayoff(simulateRepayment(advance, days, { fundedOn: "2024-01-01" }), "2024-01-31");
 * p.outstandingBalance.amount.toString(); //=> "800"
 * p.feeRebate.amount.toString(); //=> "72.73"
 * p.payoffAmount.amount.toString(); //=> "727.27"
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export function earlyPayoff(result: RepaymentResult, payoffDate: DateInput): EarlyPayoff {
  const st = payoffState(result, payoffDate, FN, "result", "payoffDate");
  const m = (d: Decimal) => makeMoney(d, st.currency);
  return Object.freeze({
    payoffDate: dayDate(st.day),
    paidToDate: m(st.paid),
    outstandingBalance: m(st.outstanding),
    unpaidFee: m(st.unpaidFee),
    feeRebate: m(st.rebate),
    payoffAmount: m(st.outstanding.minus(st.rebate)),
  });
}
