import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { assertSameCurrency, makeMoney } from "../_lib/money.js";
import { rangeError, toDecimal } from "../_lib/validate.js";
import type { AmountInput, Money, NumericInput } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { dayDate, dayNumber } from "./_lib/engine.js";
import { readProduct, toMinorMoney } from "./_lib/products.js";
import { readTermLoanPayoffOptions, termLoanAccrual } from "./_lib/accrual.js";
import { payoffState, renewalFigures } from "./_lib/renewal.js";
import { toOptions, toRateInRange } from "./_lib/validate.js";
import type { DisclosureRenewalInput } from "./disclosure.js";
import type { EarlyPayoffDayCount, TermLoanPayoffConvention } from "./earlyPayoff.js";
import type { FinancingProduct, RepaymentResult } from "./types.js";

const FN = "renewFinancing";

/**
 * The {@link renewFinancing} options.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface RenewFinancingOptions {
  /** Part of the remaining balance the provider forgives at renewal, beyond the product's own `prepaymentFeeRebate` (default 0). */
  readonly forgiven?: AmountInput;
  /** The provider's eligibility rule: the share of the total repayment that must be paid by the renewal date, 0 to 1 (e.g. `"0.75"`; default: none). */
  readonly minRepaidShare?: NumericInput;
  /**
   * How a term loan being refinanced is paid off, as in {@link earlyPayoff} (since 0.3.0):
   * `"remaining-principal"` (default) or `"principal-plus-accrued-interest"` (plus simple interest
   * accrued since the last instalment paid in full). Any other value than the default is for term loans only.
   */
  readonly termLoanPayoff?: TermLoanPayoffConvention;
  /** Day count of the accrued interest; only with `termLoanPayoff: "principal-plus-accrued-interest"`. Default: `"30/360"` for a `"month"` schedule, `"ACT/364"` for `"biweek"`. */
  readonly dayCount?: EarlyPayoffDayCount;
}

/**
 * A renewal computed by {@link renewFinancing}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface FinancingRenewal {
  /** The renewal (and new funding) day (UTC). */
  readonly renewalDate: Date;
  /** paid / total repayment of the existing financing on the renewal date (a term loan: instalments paid / instalments due). */
  readonly repaidShare: Decimal;
  /** Collected on the existing financing up to and including the renewal date (a term loan: instalments only). */
  readonly paidToDate: Money;
  /** What the existing contract still calls for: total repayment − paid (an advance), or the remaining principal (a term loan). */
  readonly outstandingBalance: Money;
  /** The unpaid part of the existing fee: fee × outstanding / total repayment, half-even (0 for a term loan). */
  readonly unpaidFinanceCharge: Money;
  /** The existing product's `prepaymentFeeRebate` × unpaid finance charge, half-even. */
  readonly feeRebate: Money;
  /**
   * Interest accrued on a term loan's remaining principal from the due date of the last
   * instalment paid in full (or funding) to the renewal day, {@link earlyPayoff}'s figure: 0
   * unless `termLoanPayoff: "principal-plus-accrued-interest"`.
   */
  readonly accruedInterest: Money;
  /** Forgiven at renewal: fee rebate + `options.forgiven`. */
  readonly forgiven: Money;
  /** outstanding + accrued interest − forgiven: the part of the new funding that pays off the existing financing. */
  readonly payoffAmount: Money;
  /** The new financing's funding provided (its principal; a term loan: its amount financed, after fees withheld). */
  readonly fundingProvided: Money;
  /** fundingProvided − payoffAmount: what reaches the recipient (N.Y. Fin. Serv. Law § 808(b): the reduction of the disbursement is the payoff). */
  readonly netFundsDisbursed: Money;
  /**
   * The unpaid finance charge refinanced, N.Y. Fin. Serv. Law § 808(a)'s "prepayment charge" for a
   * fixed total repayment: original finance charge × payoff / total repayment − forgiven, at
   * least 0, half-even; a term loan: § 808(a)'s unpaid interest expense not forgiven,
   * max(0, accrued interest − forgiven) (0 when paid off at its remaining principal).
   */
  readonly unpaidFinanceChargeRefinanced: Money;
  /** The statutory answer to the double-dipping question: `"Yes, $123.45"` or `"No"` (§ 808(a)). */
  readonly doubleDipping: string;
  /** The new financing. */
  readonly renewal: FinancingProduct;
  /** The existing financing, what was paid, what was forgiven and the accrued interest: pass it as `disclosure(renewal, history, { renewal: … })` for the renewal's disclosure. */
  readonly disclosureRenewal: DisclosureRenewalInput;
  readonly references: readonly string[];
}

/**
 * Renew (refinance) an outstanding financing into a new one from the same provider: the new
 * funding pays off the remaining balance on the renewal date, the rest reaches the recipient (#14).
 *
 * ## Notes
 * - Paid = Σ payments of `previous` dated on or before `renewalDate` (a term loan: its
 *   instalments, not the fees withheld at funding); repaid share = paid / total repayment.
 * - Sales-based advance or revenue-share loan: outstanding = total repayment − paid; unpaid
 *   finance charge = fee × outstanding / total repayment (half-even); forgiven = the product's
 *   `prepaymentFeeRebate` × unpaid finance charge (half-even, advances only) + `options.forgiven`.
 * - Term loan: outstanding R = the remaining principal after the whole instalments paid, any
 *   excess against principal; no refund of the fees withheld at funding. Accrued interest I = 0
 *   under `termLoanPayoff: "remaining-principal"` (the default), or, under
 *   `"principal-plus-accrued-interest"`, {@link earlyPayoff}'s simple interest
 *   `I = round_half_up(R × annualRate × max(0, yearFraction(D₀, renewalDate, dayCount)))` to the
 *   minor unit, D₀ the due date of the last instalment paid in full (the funding date when none
 *   is), `dayCount` 30/360 for a `"month"` schedule and ACT/364 for `"biweek"` by default. Both
 *   are **library conventions, not a lender's published terms** (no Amazon-Lending-style payoff
 *   terms could be read; its FAQ, in a third party's copy, calls the loans simple interest). A
 *   term loan's unpaid finance charge (its unpaid fee) is 0.
 * - Payoff = outstanding + I − forgiven (forgiven at most outstanding + I); net funds disbursed =
 *   new funding provided − payoff, at least 0 (N.Y. Fin. Serv. Law § 808(b)); with accrued
 *   interest the payoff equals {@link earlyPayoff}`(previous, renewalDate, sameOptions).payoffAmount`
 *   when nothing more is forgiven.
 * - Unpaid finance charge refinanced (§ 808(a), the text for "financing for which the total
 *   repayment amount is calculated as a fixed amount") = original finance charge × payoff /
 *   total repayment − forgiven, at least 0, half-even: the figure
 *   {@link disclosure}`(…, { renewal: result.disclosureRenewal })` shows, with the answer
 *   "Yes, {amount}" / "No" to "Does the renewal financing include any amount that is used to
 *   pay unpaid finance charge or fees, also known as double dipping?". A term loan has no
 *   prepayment charge, so its figure is § 808(a)'s other part, the "unpaid interest expense that
 *   was not forgiven at the time of renewal": max(0, I − forgiven), the forgiven amount counted
 *   against the interest first as the fixed-amount formula does (the library's reading of the
 *   text); `disclosureRenewal.accruedInterest` = I carries it into {@link disclosure}. Connecticut
 *   (Conn. Gen. Stat. § 36a-864) asks the same; California's regulations have no renewal section.
 *
 * ## References
 * N.Y. Fin. Serv. Law § 808(a)–(b) (read at nysenate.gov, effective 2022-01-01); Conn. Gen. Stat. § 36a-864.
 *
 * @param previous - the existing financing's {@link RepaymentResult} (from {@link simulateRepayment}, or its JSON copy)
 * @param renewal - the new financing (a term loan must start on `renewalDate`)
 * @param renewalDate - the renewal and funding day: on or after the existing financing's funding, before its payoff
 * @param options - {@link RenewFinancingOptions}
 * @returns a frozen {@link FinancingRenewal} in the products' currency
 * @throws {@link ValidationError} when `renewalDate` is before the funding date (`INVALID_DATE_ORDER`) or on or after the
 *   payoff (`OUT_OF_RANGE`), the repaid share is below `options.minRepaidShare` (`OUT_OF_RANGE`, naming `renewalDate`), the payoff
 *   is larger than the new funding (`OUT_OF_RANGE`, naming `renewal.principal`: a renewal larger than allowed), `options.forgiven`
 *   exceeds the balance (outstanding + accrued interest), a term loan renewal starts on another day (`CONFLICTING_OPTIONS`, `renewal.startDate`),
 *   an option is unknown (`UNKNOWN_OPTION`, also an unknown `termLoanPayoff` or `dayCount`), or options exclude each other
 *   (`CONFLICTING_OPTIONS`: `dayCount` without `"principal-plus-accrued-interest"`, or `"principal-plus-accrued-interest"` for
 *   a previous financing that is not a term loan)
 * @throws {@link ValidationTypeError} when an argument has the wrong type
 * @throws {@link CurrencyMismatchError} when the two financings (or `options.forgiven`) are in different currencies
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, money, renewFinancing, salesBasedAdvance, simulateRepayment, termLoan } from "marketplace-economics";
 * const first = salesBasedAdvance({ principal: money("1000", "USD"), fee: 200, holdbackRate: "0.1" });
 * const days = Array.from({ length: 200 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money("100", "USD") }));
 * const run = simulateRepayment(first, days, { fundedOn: "2024-01-01" });
 * // $900 of $1,200 paid by 2024-03-31: 75 % repaid, $300 left, of which 200 × 300 / 1,200 = $50 is unpaid fee
 * const r = renewFinancing(run, salesBasedAdvance({ principal: money("2000", "USD"), fee: 200, holdbackRate: "0.1" }), "2024-03-31", { minRepaidShare: "0.75" });
 * [r.repaidShare.toString(), r.payoffAmount.amount.toString(), r.netFundsDisbursed.amount.toString(), r.doubleDipping]; //=> ["0.75", "300", "1700", "Yes, $50.00"]
 * // A $12,000 term loan at 12 % renewed on 2024-03-01: $11,053.81 of principal after the 2024-02-15 instalment,
 * // plus 16 days (30/360) of interest: 11053.81 × 0.12 × 16/360 = 58.95, refinanced as unpaid interest
 * const loan = termLoan({ principal: money("12000", "USD"), annualRate: "0.12", termMonths: 12, startDate: "2024-01-15" });
 * const payouts = Array.from({ length: 400 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 16), i, "day"), amount: money("2000", "USD") }));
 * const next = termLoan({ principal: money("20000", "USD"), annualRate: "0.12", termMonths: 12, startDate: "2024-03-01" });
 * const t = renewFinancing(simulateRepayment(loan, payouts), next, "2024-03-01", { termLoanPayoff: "principal-plus-accrued-interest" });
 * [t.accruedInterest.amount.toString(), t.payoffAmount.amount.toString(), t.netFundsDisbursed.amount.toString(), t.doubleDipping]; //=> ["58.95", "11112.76", "8887.24", "Yes, $58.95"]
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export function renewFinancing(previous: RepaymentResult, renewal: FinancingProduct, renewalDate: DateInput, options?: RenewFinancingOptions): FinancingRenewal {
  const o = toOptions(options, FN, "options", ["forgiven", "minRepaidShare", "termLoanPayoff", "dayCount"], true);
  const payoffOpts = readTermLoanPayoffOptions(o, FN);
  const st = payoffState(previous, renewalDate, FN, "previous", "renewalDate");
  const { accrued } = termLoanAccrual(st, payoffOpts, FN, "the previous financing's product");
  const next = readProduct(renewal, FN, "renewal");
  const currency = st.currency;
  assertSameCurrency(FN, currency, next.principal.currency);
  if (next.kind === "term-loan" && dayNumber(next.startDate) !== st.day) {
    rangeError(
      FN,
      "renewal.startDate",
      ErrorCode.CONFLICTING_OPTIONS,
      `must be the renewal date ${dayDate(st.day).toISOString().slice(0, 10)} (the new loan funds the payoff)`,
      next.startDate.toISOString().slice(0, 10),
      "a term loan starting on renewalDate",
    );
  }
  const share = st.paid.div(st.total);
  if (o["minRepaidShare"] !== undefined) {
    const min = toRateInRange(o["minRepaidShare"], FN, "options.minRepaidShare", 0, 1);
    if (share.lessThan(min)) {
      rangeError(
        FN,
        "renewalDate",
        ErrorCode.OUT_OF_RANGE,
        `is before the existing financing is ${min.times(100).toString()} % repaid (options.minRepaidShare): ${share.times(100).toDecimalPlaces(2, Decimal.ROUND_DOWN).toString()} % is repaid on that day`,
        renewalDate,
        `a day on which at least ${min.times(100).toString()} % of ${st.total.toString()} is paid`,
      );
    }
  }
  const extra = o["forgiven"] === undefined ? new Decimal(0) : toAmount(o["forgiven"], currency);
  const forgiven = st.rebate.plus(extra);
  const funding = next.kind === "term-loan" ? next.amountFinanced : next.principal;
  const fig = renewalFigures(FN, { paid: "renewalDate", forgiven: "options.forgiven", renewal: "renewal.principal" }, st.product, st.paid, forgiven, funding, accrued);
  const m = (d: Decimal) => makeMoney(d, currency);
  return Object.freeze({
    renewalDate: dayDate(st.day),
    repaidShare: share,
    paidToDate: m(st.paid),
    outstandingBalance: fig.outstandingBalance,
    unpaidFinanceCharge: m(st.unpaidFee),
    feeRebate: m(st.rebate),
    accruedInterest: fig.accruedInterest,
    forgiven: fig.forgiven,
    payoffAmount: fig.payoffAmount,
    fundingProvided: funding,
    netFundsDisbursed: fig.fundsToRecipient,
    unpaidFinanceChargeRefinanced: fig.unpaidFinanceChargeRefinanced,
    doubleDipping: fig.doubleDipping,
    renewal: next,
    disclosureRenewal: Object.freeze({ previous: st.product, paidToDate: m(st.paid), forgiven: m(forgiven), accruedInterest: fig.accruedInterest }),
    references: fig.references,
  });
}

function toAmount(value: unknown, currency: string): Decimal {
  if (typeof value === "object" && value !== null && !Decimal.isDecimal(value)) return toMinorMoney(value, FN, "options.forgiven", currency, true).amount;
  return toMinorMoney({ amount: toDecimal(value, FN, "options.forgiven"), currency }, FN, "options.forgiven", currency, true).amount;
}
