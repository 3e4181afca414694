/**
 * Internal: the payoff of a financing on a day (earlyPayoff, renewFinancing) and the renewal
 * figures of N.Y. Fin. Serv. Law § 808 (disclosure, renewFinancing). Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import { makeMoney, minorDigits } from "../../_lib/money.js";
import { rangeError } from "../../_lib/validate.js";
import type { Money } from "../../money/types.js";
import type { FinancingDisclosureRenewal } from "../disclosure.js";
import type { FinancingProduct, TermLoan } from "../types.js";
import { dayNumber } from "./engine.js";
import { readProduct } from "./products.js";
import { readRepaymentResult } from "./run.js";
import { toFinancingDay } from "./validate.js";

/** The state of a simulated financing at the end of a day. */
export interface PayoffState {
  readonly product: FinancingProduct;
  readonly currency: string;
  readonly fundedDay: number;
  readonly day: number;
  /** Collected up to and including the day (a term loan: instalments only). */
  readonly paid: Decimal;
  /** Total repayment (instalments only for a term loan). */
  readonly total: Decimal;
  /** What the contract still calls for (a term loan: remaining principal). */
  readonly outstanding: Decimal;
  /** fee × outstanding / total repayment, half-even (0 for a term loan). */
  readonly unpaidFee: Decimal;
  /** prepaymentFeeRebate × unpaid fee, half-even (advances only). */
  readonly rebate: Decimal;
}

/** Read a repayment result and the payoff state on `dateInput` (errors under `fn`, the date named `dateArg`). */
export function payoffState(result: unknown, dateInput: unknown, fn: string, resultArg: string, dateArg: string): PayoffState {
  const cost = readRepaymentResult(result, fn, resultArg);
  const product = readProduct((result as { product?: unknown }).product, fn, `${resultArg}.product`);
  const currency = cost.principal.currency;
  const digits = minorDigits(currency);
  const fundedDay = dayNumber(cost.fundedOn);
  const day = toFinancingDay(dateInput, fn, dateArg);
  if (day < fundedDay) {
    rangeError(fn, dateArg, ErrorCode.INVALID_DATE_ORDER, `must not be before the funding date ${cost.fundedOn.toISOString().slice(0, 10)}`, dateInput, "a date on or after the funding date");
  }
  let paid = new Decimal(0);
  for (const p of cost.payments) if (dayNumber(p.date) <= day) paid = paid.plus(p.amount);
  let outstanding: Decimal;
  let total: Decimal;
  let unpaidFee = new Decimal(0);
  let rebate = new Decimal(0);
  if (product.kind === "term-loan") {
    // The fees withheld at funding are collected on the funding day: not instalments.
    paid = Decimal.max(paid.minus(product.fee.amount.minus(product.interest.amount)), 0);
    total = instalmentTotal(product);
    outstanding = termLoanPayoff(product, paid);
  } else {
    total = product.totalRepayment.amount;
    outstanding = Decimal.max(total.minus(paid), 0);
    unpaidFee = product.fee.amount.times(outstanding).div(total).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
    if (product.kind === "sales-based-advance") rebate = product.prepaymentFeeRebate.times(unpaidFee).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
  }
  if (outstanding.isZero()) {
    rangeError(fn, dateArg, ErrorCode.OUT_OF_RANGE, "is on or after the day the financing was repaid (nothing is left to pay off)", dateInput, "a date before the payoff date of the result");
  }
  return { product, currency, fundedDay, day, paid, total, outstanding, unpaidFee, rebate };
}

export function instalmentTotal(loan: TermLoan): Decimal {
  return loan.instalments.reduce((a, k) => a.plus(k.amount.amount), new Decimal(0));
}

/** Remaining principal of a term loan after `paid`: whole instalments first, any excess against principal. */
export function termLoanPayoff(loan: TermLoan, paid: Decimal): Decimal {
  return termLoanPaid(loan, paid).remaining;
}

/**
 * A term loan after `paid`: `whole` = how many instalments `paid` covers in full (in schedule
 * order), `remaining` = the principal left after them, less any excess of `paid` over them (at least 0).
 */
export function termLoanPaid(loan: TermLoan, paid: Decimal): { readonly whole: number; readonly remaining: Decimal } {
  let cum = new Decimal(0);
  let remaining = loan.principal.amount;
  let whole = 0;
  for (const k of loan.instalments) {
    if (cum.plus(k.amount.amount).greaterThan(paid)) break;
    cum = cum.plus(k.amount.amount);
    remaining = k.remainingPrincipal.amount;
    whole++;
  }
  return { whole, remaining: Decimal.max(remaining.minus(paid.minus(cum)), 0) };
}

/** Argument names for the errors of {@link renewalFigures}. */
export interface RenewalArgs {
  readonly paid: string;
  readonly forgiven: string;
  readonly renewal: string;
}

/**
 * N.Y. Fin. Serv. Law § 808: payoff = outstanding + accrued interest − forgiven (must not exceed
 * the new funding; forgiven at most outstanding + accrued interest); advance: prepayment charge =
 * original finance charge × payoff / total repayment − forgiven, at least 0, half-even; term loan:
 * § 808(a)'s "unpaid interest expense that was not forgiven" = accrued interest − forgiven, at
 * least 0 (no prepayment charge; 0 when paid off at its remaining principal). `accrued` is a
 * term loan's interest accrued since the last instalment paid in full (0 for any other product).
 */
export function renewalFigures(fn: string, args: RenewalArgs, previous: FinancingProduct, paid: Decimal, forgiven: Decimal, funding: Money, accrued: Decimal = new Decimal(0)): FinancingDisclosureRenewal {
  const currency = funding.currency;
  const digits = minorDigits(currency);
  const total = previous.kind === "term-loan" ? instalmentTotal(previous) : previous.totalRepayment.amount;
  if (!paid.lessThan(total)) {
    rangeError(fn, args.paid, ErrorCode.OUT_OF_RANGE, "must be less than the previous financing's total repayment (nothing is left to renew)", paid.toString(), `an amount below ${total.toString()}`);
  }
  const outstanding = previous.kind === "term-loan" ? termLoanPayoff(previous, paid) : total.minus(paid);
  const owed = outstanding.plus(accrued);
  if (forgiven.greaterThan(owed)) {
    rangeError(
      fn,
      args.forgiven,
      ErrorCode.OUT_OF_RANGE,
      accrued.isZero() ? "must not exceed the outstanding balance" : "must not exceed the outstanding balance plus the accrued interest",
      forgiven.toString(),
      `at most ${owed.toString()}`,
    );
  }
  const payoff = owed.minus(forgiven);
  if (payoff.greaterThan(funding.amount)) {
    rangeError(
      fn,
      args.renewal,
      ErrorCode.OUT_OF_RANGE,
      "pays off more than the new funding provides (a renewal larger than allowed)",
      payoff.toString(),
      `a payoff of at most the new funding provided ${funding.amount.toString()}`,
    );
  }
  let unpaid = previous.kind === "term-loan" ? accrued.minus(forgiven) : previous.fee.amount.times(payoff).div(total).minus(forgiven).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
  if (unpaid.isNegative()) unpaid = new Decimal(0);
  const shown = `$${unpaid.toFixed(digits)}`;
  return Object.freeze({
    outstandingBalance: makeMoney(outstanding, currency),
    accruedInterest: makeMoney(accrued, currency),
    forgiven: makeMoney(forgiven, currency),
    payoffAmount: makeMoney(payoff, currency),
    fundsToRecipient: makeMoney(funding.amount.minus(payoff), currency),
    unpaidFinanceChargeRefinanced: makeMoney(unpaid, currency),
    doubleDipping: unpaid.greaterThan(0) ? `Yes, ${shown}` : "No",
    references: Object.freeze(["N.Y. Fin. Serv. Law § 808 (renewal financing)", "Conn. Gen. Stat. § 36a-864"]),
  });
}
