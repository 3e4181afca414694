import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { assertSameCurrency, makeMoney } from "../_lib/money.js";
import { rangeError, toDecimal } from "../_lib/validate.js";
import type { AmountInput, Money, NumericInput } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { dayDate, dayNumber } from "./_lib/engine.js";
import { readProduct, toMinorMoney } from "./_lib/products.js";
import { payoffState, renewalFigures } from "./_lib/renewal.js";
import { toOptions, toRateInRange } from "./_lib/validate.js";
import type { DisclosureRenewalInput } from "./disclosure.js";
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
  /** Forgiven at renewal: fee rebate + `options.forgiven`. */
  readonly forgiven: Money;
  /** outstanding − forgiven: the part of the new funding that pays off the existing financing. */
  readonly payoffAmount: Money;
  /** The new financing's funding provided (its principal; a term loan: its amount financed, after fees withheld). */
  readonly fundingProvided: Money;
  /** fundingProvided − payoffAmount: what reaches the recipient (N.Y. Fin. Serv. Law § 808(b): the reduction of the disbursement is the payoff). */
  readonly netFundsDisbursed: Money;
  /**
   * The unpaid finance charge refinanced, N.Y. Fin. Serv. Law § 808(a)'s "prepayment charge" for a
   * fixed total repayment: original finance charge × payoff / total repayment − forgiven, at
   * least 0, half-even (0 for a term loan).
   */
  readonly unpaidFinanceChargeRefinanced: Money;
  /** The statutory answer to the double-dipping question: `"Yes, $123.45"` or `"No"` (§ 808(a)). */
  readonly doubleDipping: string;
  /** The new financing. */
  readonly renewal: FinancingProduct;
  /** The existing financing, what was paid and what was forgiven: pass it as `disclosure(renewal, history, { renewal: … })` for the renewal's disclosure. */
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
 * - Term loan: outstanding = the remaining principal after the whole instalments paid, any excess
 *   against principal; no accrued interest since the last due date and no refund of the fees
 *   withheld at funding — **a library convention, not a lender's published term** (no
 *   Amazon-Lending-style payoff terms could be read), so its unpaid finance charge is 0.
 * - Payoff = outstanding − forgiven; net funds disbursed = new funding provided − payoff
 *   (N.Y. Fin. Serv. Law § 808(b)).
 * - Unpaid finance charge refinanced (§ 808(a), the text for "financing for which the total
 *   repayment amount is calculated as a fixed amount") = original finance charge × payoff /
 *   total repayment − forgiven, at least 0, half-even: the figure
 *   {@link disclosure}`(…, { renewal: result.disclosureRenewal })` shows, with the answer
 *   "Yes, {amount}" / "No" to "Does the renewal financing include any amount that is used to
 *   pay unpaid finance charge or fees, also known as double dipping?". Connecticut
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
 *   exceeds the balance, a term loan renewal starts on another day (`CONFLICTING_OPTIONS`, `renewal.startDate`), or an option is unknown
 * @throws {@link ValidationTypeError} when an argument has the wrong type
 * @throws {@link CurrencyMismatchError} when the two financings (or `options.forgiven`) are in different currencies
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, money, renewFinancing, salesBasedAdvance, simulateRepayment } from "marketplace-economics";
 * const first = salesBasedAdvance({ principal: money("1000", "USD"), fee: 200, holdbackRate: "0.1" });
 * const days = Array.from({ length: 200 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money("100", "USD") }));
 * const run = simulateRepayment(first, days, { fundedOn: "2024-01-01" });
 * // $900 of $1,200 paid by 2024-03-31: 75 % repaid, $300 left, of which 200 × 300 / 1,200 = $50 is unpaid fee
 * const r = renewFinancing(run, salesBasedAdvance({ principal: money("2000", "USD"), fee: 200, holdbackRate: "0.1" }), "2024-03-31", { minRepaidShare: "0.75" });
 * [r.repaidShare.toString(), r.payoffAmount.amount.toString(), r.netFundsDisbursed.amount.toString(), r.doubleDipping]; //=> ["0.75", "300", "1700", "Yes, $50.00"]
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export function renewFinancing(previous: RepaymentResult, renewal: FinancingProduct, renewalDate: DateInput, options?: RenewFinancingOptions): FinancingRenewal {
  const o = toOptions(options, FN, "options", ["forgiven", "minRepaidShare"], true);
  const st = payoffState(previous, renewalDate, FN, "previous", "renewalDate");
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
  const fig = renewalFigures(FN, { paid: "renewalDate", forgiven: "options.forgiven", renewal: "renewal.principal" }, st.product, st.paid, forgiven, funding);
  const m = (d: Decimal) => makeMoney(d, currency);
  return Object.freeze({
    renewalDate: dayDate(st.day),
    repaidShare: share,
    paidToDate: m(st.paid),
    outstandingBalance: fig.outstandingBalance,
    unpaidFinanceCharge: m(st.unpaidFee),
    feeRebate: m(st.rebate),
    forgiven: fig.forgiven,
    payoffAmount: fig.payoffAmount,
    fundingProvided: funding,
    netFundsDisbursed: fig.fundsToRecipient,
    unpaidFinanceChargeRefinanced: fig.unpaidFinanceChargeRefinanced,
    doubleDipping: fig.doubleDipping,
    renewal: next,
    disclosureRenewal: Object.freeze({ previous: st.product, paidToDate: m(st.paid), forgiven: m(forgiven) }),
    references: fig.references,
  });
}

function toAmount(value: unknown, currency: string): Decimal {
  if (typeof value === "object" && value !== null && !Decimal.isDecimal(value)) return toMinorMoney(value, FN, "options.forgiven", currency, true).amount;
  return toMinorMoney({ amount: toDecimal(value, FN, "options.forgiven"), currency }, FN, "options.forgiven", currency, true).amount;
}
