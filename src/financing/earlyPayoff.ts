import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { makeMoney, minorDigits } from "../_lib/money.js";
import { rangeError } from "../_lib/validate.js";
import type { Money } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { dayDate, dayNumber } from "./_lib/engine.js";
import { readProduct } from "./_lib/products.js";
import { readRepaymentResult } from "./_lib/run.js";
import { toFinancingDay } from "./_lib/validate.js";
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
 *   payoff = outstanding − rebate.
 * - term loan: the instalments paid are applied whole instalments first and any excess to
 *   principal; payoff = the remaining principal (interest is earned only at the instalment due
 *   dates in this module, so no interest accrued since the last due date is added — a library
 *   convention, not a lender's published term). The fees withheld at funding are not refunded.
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
  const cost = readRepaymentResult(result, FN);
  const product = readProduct((result as { product?: unknown }).product, FN, "result.product");
  const currency = cost.principal.currency;
  const digits = minorDigits(currency);
  const fundedDay = dayNumber(cost.fundedOn);
  const day = toFinancingDay(payoffDate, FN, "payoffDate");
  if (day < fundedDay) {
    rangeError(FN, "payoffDate", ErrorCode.INVALID_DATE_ORDER, `must not be before the funding date ${cost.fundedOn.toISOString().slice(0, 10)}`, payoffDate, "a date on or after the funding date");
  }
  let paid = new Decimal(0);
  for (const p of cost.payments) if (dayNumber(p.date) <= day) paid = paid.plus(p.amount);
  let outstanding: Decimal;
  let unpaidFee = new Decimal(0);
  let rebate = new Decimal(0);
  if (product.kind === "term-loan") {
    paid = Decimal.max(paid.minus(product.fee.amount.minus(product.interest.amount)), 0);
    let cum = new Decimal(0);
    let remaining = product.principal.amount;
    for (const k of product.instalments) {
      if (cum.plus(k.amount.amount).greaterThan(paid)) break;
      cum = cum.plus(k.amount.amount);
      remaining = k.remainingPrincipal.amount;
    }
    outstanding = Decimal.max(remaining.minus(paid.minus(cum)), 0);
  } else {
    const total = product.totalRepayment.amount;
    outstanding = Decimal.max(total.minus(paid), 0);
    unpaidFee = product.fee.amount.times(outstanding).div(total).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
    if (product.kind === "sales-based-advance") rebate = product.prepaymentFeeRebate.times(unpaidFee).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
  }
  if (outstanding.isZero()) {
    rangeError(FN, "payoffDate", ErrorCode.OUT_OF_RANGE, "is on or after the day the financing was repaid (nothing is left to pay off)", payoffDate, "a date before the payoff date of the result");
  }
  const m = (d: Decimal) => makeMoney(d, currency);
  return Object.freeze({
    payoffDate: dayDate(day),
    paidToDate: m(paid),
    outstandingBalance: m(outstanding),
    unpaidFee: m(unpaidFee),
    feeRebate: m(rebate),
    payoffAmount: m(outstanding.minus(rebate)),
  });
}
