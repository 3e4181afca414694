import { buildRevenueShare } from "./_lib/products.js";
import type { Money, NumericInput } from "../money/types.js";
import type { RevenueShareLoan } from "./types.js";

/**
 * Input of {@link revenueShareLoan}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface RevenueShareLoanInput {
  /** Amount lent, > 0, in whole minor units. */
  readonly principal: Money;
  /** Repayment cap as a multiple of principal, ≥ 1 (1.4 = repay 1.4x). */
  readonly repaymentCap: NumericInput;
  /** Share of revenue collected, 0 < revenueShare < 1. */
  readonly revenueShare: NumericInput;
}

/**
 * Build a validated revenue-share loan (revenue-based financing): a share of revenue is
 * collected until `repaymentCap` × principal has been repaid. There is no minimum and no term.
 *
 * ## Notes
 * `fee = round_half_up(principal × (repaymentCap − 1))`; total repayment = principal + fee.
 * Often simulated with `granularity: "month"` in {@link simulateRepayment}.
 *
 * @param input - principal, repayment cap and revenue share
 * @returns a frozen {@link RevenueShareLoan}
 * @throws {@link ValidationError} when the principal is ≤ 0, the cap < 1, or the share ≤ 0 or ≥ 1
 *
 * @example
 * ```ts
 * import { money, revenueShareLoan } from "marketplace-economics";
 * const loan = revenueShareLoan({ principal: money("50000", "USD"), repaymentCap: "1.4", revenueShare: "0.06" });
 * loan.totalRepayment.amount.toString(); //=> "70000"
 * loan.fee.amount.toString(); //=> "20000"
 * ```
 *
 * @category Financing
 * @since 0.1.0
 */
export function revenueShareLoan(input: RevenueShareLoanInput): RevenueShareLoan {
  return buildRevenueShare(input, "revenueShareLoan");
}
