import { buildAdvance } from "./_lib/products.js";
import type { AmountInput, Money, NumericInput } from "../money/types.js";
import type { FinancingMinimumPaymentInput, SalesBasedAdvance } from "./types.js";

/**
 * Input of {@link salesBasedAdvance}. Give either `fee` or `factorRate`, not both.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface SalesBasedAdvanceInput {
  /** Amount advanced, > 0, in whole minor units. Its currency is the product's currency. */
  readonly principal: Money;
  /** Fixed fee, ≥ 0, in whole minor units (a Money in the same currency or a number). */
  readonly fee?: AmountInput;
  /** Factor rate, 1 ≤ factorRate ≤ 3 (1.13 = a 13 % fee): total repayment = principal × factorRate (fee rounded half-up to the minor unit). */
  readonly factorRate?: NumericInput;
  /** Share of each period's sales collected, 0 < holdbackRate < 1 (0.1 = 10 %). */
  readonly holdbackRate: NumericInput;
  /** Optional minimum payment per window. */
  readonly minimumPayment?: FinancingMinimumPaymentInput;
  /** Optional maximum term in days; the remaining balance is collected on that day. */
  readonly maxTermDays?: number;
  /**
   * Holdback rates that replace `holdbackRate` (#14): every step `{ afterDays, rate }` (the rate
   * for periods collected more than `afterDays` days after funding) or every step
   * `{ repaidShare, rate }` (the rate once that share of principal + fee is repaid, from the next
   * period on), in strictly ascending order, at most 100 steps.
   */
  readonly holdbackSchedule?: readonly HoldbackStepInput[];
  /** At most this much collected from sales in one collection period (#14): an amount > 0 in whole minor units. Minimum-payment top-ups and the maturity balloon are not capped. */
  readonly maxRemittance?: AmountInput;
  /**
   * Share of the unpaid fee rebated on an early payoff (#14), 0 to 1 (default 0: the whole fee is
   * owed). The unpaid fee is the fee × outstanding / total repayment (each payment split
   * proportionally between principal and fee): a library convention, see {@link earlyPayoff}.
   */
  readonly prepaymentFeeRebate?: NumericInput;
}

/**
 * One step of {@link SalesBasedAdvanceInput}.`holdbackSchedule`: `afterDays` or `repaidShare`, not both.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface HoldbackStepInput {
  /** Days after funding (an integer 1–36,500) after which `rate` applies. */
  readonly afterDays?: number;
  /** Share of principal + fee repaid, 0 < share < 1, after which `rate` applies. */
  readonly repaidShare?: NumericInput;
  /** The holdback rate from then on, 0 < rate < 1. */
  readonly rate: NumericInput;
}

/**
 * Build a validated sales-based advance (merchant cash advance): a share of every period's
 * sales is collected until principal + fee is repaid.
 *
 * The product is plain frozen data; run it with {@link simulateRepayment}. It covers the
 * published terms of the common marketplace products:
 *
 * - **PayPal Working Capital** (US): one fixed fee, no interest; the seller picks the share of
 *   each day's PayPal sales; at least 5 % or 10 % of loan + fee every 90 days for the first
 *   540 days (10 % when expected to repay within 12 months): `minimumPayment: { rate: "0.1",
 *   everyDays: 90, forDays: 540 }`.
 * - **Shopify Capital** (merchant cash advance): `factorRate` (the glossary lists 1.1 or 1.13),
 *   a daily remittance rate, and for loans a minimum per 60-day "milestone":
 *   `minimumPayment: { rate, everyDays: 60 }`.
 * - **Square Loans** (US): fixed fee, a fixed share of daily card sales, at least 1/18 of the
 *   initial balance every 60 days, and repaid in full within 18 months:
 *   `minimumPayment: { rate: new Decimal(1).div(18), everyDays: 60 }, maxTermDays: 548`.
 *
 * ## Notes
 * - fee from a factor rate: `fee = round_half_up(principal × (factorRate − 1))`;
 *   `factorRate` in the result is recomputed as `(principal + fee) / principal`.
 * - minimum per window: `round_half_up(rate × (principal + fee))`.
 * - changing rates (#14): a period collected on day `d` uses the rate of the last step with
 *   `afterDays < d − fundedOn`, or of the last step whose `round_half_up(repaidShare × (principal +
 *   fee))` has been repaid before the period; else `holdbackRate`.
 * - remittance cap (#14): `holdback = min(round(sales × rate), maxRemittance, balance)` per period.
 *
 * ## References
 * - PayPal, "How can I view my minimum PayPal Working Capital loan repayment requirements?"
 *   (FAQ3720, https://www.paypal.com/us/selfhelp/article/faq3720) and the Working Capital tour.
 * - Shopify Help Center, "Shopify Capital glossary of terms" and "Shopify Capital merchant cash
 *   advance" (help.shopify.com/manual/your-account/shopify-capital).
 * - Square, "Square Loans Repayment FAQ" (squareup.com/help/us/en/article/6453).
 *
 * @param input - principal, fee or factor rate, holdback rate, optional minimum and maximum term
 * @returns a frozen {@link SalesBasedAdvance}
 * @throws {@link ValidationError} when the principal is ≤ 0, the fee negative, the factor rate < 1, the
 *   holdback rate ≤ 0 or ≥ 1, an amount has sub-minor-unit digits, or both/neither of fee and
 *   factorRate are given; when the holdback schedule goes backwards (`INVALID_DATE_ORDER`), is
 *   not ascending, mixes `afterDays` and `repaidShare` steps, or `maxRemittance` is ≤ 0
 * @throws {@link CurrencyMismatchError} when the fee is in another currency than the principal
 *
 * @example
 * ```ts
 * import { money, salesBasedAdvance } from "marketplace-economics";
 * const paypal = salesBasedAdvance({
 *   principal: money("9500", "USD"),
 *   fee: 500,
 *   holdbackRate: "0.15",
 *   minimumPayment: { rate: "0.1", everyDays: 90, forDays: 540 },
 * });
 * paypal.totalRepayment.amount.toString(); //=> "10000"
 * paypal.minimumPayment?.amount.amount.toString(); //=> "1000"
 * salesBasedAdvance({ principal: money("5000", "USD"), factorRate: "1.13", holdbackRate: "0.1" }).fee.amount.toString(); //=> "650"
 * const stepped = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1", holdbackSchedule: [{ repaidShare: "0.5", rate: "0.2" }], maxRemittance: 15 });
 * stepped.holdbackSchedule?.steps[0]?.repaidAmount?.amount.toString(); //=> "550"
 * ```
 *
 * @category Financing
 * @since 0.1.0
 */
export function salesBasedAdvance(input: SalesBasedAdvanceInput): SalesBasedAdvance {
  return buildAdvance(input, "salesBasedAdvance");
}
