import { buildTermLoan } from "./_lib/products.js";
import type { AmountInput, Money, NumericInput } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import type { TermLoan, TermLoanSchedule } from "./types.js";

/**
 * Input of {@link termLoan}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface TermLoanInput {
  /** Amount lent, > 0, in whole minor units. */
  readonly principal: Money;
  /** Nominal annual rate as a decimal, 0 ≤ rate ≤ 1 (0.1 = 10 %; 9 for 9 % is rejected rather than read as 900 %). */
  readonly annualRate: NumericInput;
  /** Term in months, an integer from 1 to 600. */
  readonly termMonths: number;
  /** Funding date (UTC day). */
  readonly startDate: DateInput;
  /** `"month"` (default: one instalment per calendar month) or `"biweek"` (every 14 days). Renamed in 0.2.0 from `"monthly"` and `"every-14-days"`. */
  readonly schedule?: TermLoanSchedule;
  /** Charge an instalment's shortfall to the seller's card instead of carrying it (default false). */
  readonly chargeShortfallToCard?: boolean;
  /** Origination fee withheld from the proceeds at funding (#14), ≥ 0 in whole minor units (Money in the principal's currency or a number). */
  readonly originationFee?: AmountInput;
  /** Other fees withheld at funding (#14), each `{ name, amount > 0 }`, at most 100. */
  readonly otherFees?: readonly { readonly name: string; readonly amount: AmountInput }[];
}

/**
 * Build a validated fixed-instalment term loan repaid from the seller's payouts, as Amazon
 * Lending worked: instalments are deducted automatically from the seller's account
 * disbursements; when payouts are short the shortfall is carried to the next instalment and
 * reported (or, with `chargeShortfallToCard`, charged to the card on file).
 *
 * ## Notes
 * - periodic rate `r = annualRate / 12` (`"month"`) or `annualRate / 26` (`"biweek"`); number
 *   of instalments `n = termMonths` or `round(termMonths × 26 / 12)`.
 * - instalment `A = P·r / (1 − (1 + r)^−n)` (`P / n` when `r = 0`), rounded half-up to the
 *   minor unit; each period's interest is `round_half_up(balance × r)`; the last instalment
 *   repays the remaining principal exactly, so Σ principal parts = P.
 * - `"month"` due dates are `startDate + k` months, clamped to the month's last day;
 *   `"biweek"` due dates are `startDate + 14k` days.
 * - fees (#14) are withheld at funding: `amountFinanced = P − Σ fees` (the Regulation Z amount
 *   financed, the fees being prepaid finance charges, 12 CFR 1026.18(b)), `fee = interest + Σ fees`;
 *   {@link simulateRepayment} collects them on the funding day (`topUpReason: "fee"`), so
 *   {@link costOfFinancing} and {@link disclosure} price them in the APR.
 *
 * ## References
 * - Amazon Lending: invitation-only loans to sellers with monthly payments deducted
 *   automatically from the Amazon seller account (debt.org, "Amazon Begins Lending to Its
 *   Sellers"); terms up to 12 months, reported APRs about 3 %–16.9 %, $1,000–$750,000
 *   (finder.com, "Amazon Lending business loans"); a card on file is charged when a seller
 *   account balance is negative (Amazon Seller Central forums).
 *
 * @param input - principal, annual rate, term, start date and schedule
 * @returns a frozen {@link TermLoan} with its instalments
 * @throws {@link ValidationError} when the principal is ≤ 0, the rate out of range, the term not an
 *   integer ≥ 1 (a zero-term loan), the date invalid or the schedule unknown, or the fees total
 *   the principal or more
 * @throws {@link ValidationTypeError} when a fee has no name
 *
 * @example
 * ```ts
 * import { money, termLoan } from "marketplace-economics";
 * const loan = termLoan({ principal: money("12000", "USD"), annualRate: "0.12", termMonths: 12, startDate: "2017-01-15" });
 * loan.instalments[0]?.amount.amount.toString(); //=> "1066.19"
 * loan.instalments[0]?.dueDate.toISOString(); //=> "2017-02-15T00:00:00.000Z"
 * loan.fee.amount.toString(); //=> "794.23"
 * const withFee = termLoan({ principal: money("12000", "USD"), annualRate: "0.12", termMonths: 12, startDate: "2017-01-15", originationFee: 240 });
 * withFee.amountFinanced.amount.toString(); //=> "11760"
 * withFee.fee.amount.toString(); //=> "1034.23"
 * ```
 *
 * @category Financing
 * @since 0.1.0
 */
export function termLoan(input: TermLoanInput): TermLoan {
  return buildTermLoan(input, "termLoan");
}
