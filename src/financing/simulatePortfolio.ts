import type { Decimal } from "decimal.js";
import { finishPortfolio, planPortfolio, PortfolioState, prepareSeller, runSellerHere, salesOf } from "./_lib/portfolioRun.js";
import type { Money } from "../money/types.js";
import { xirr } from "../tvm/xirr.js";
import type { FinancingGranularity, FinancingProduct, FinancingRateUnavailableReason, FinancingSalesInput } from "./types.js";
import type { RoundingMode } from "../money/types.js";
import type { DateInput } from "../time/types.js";

/**
 * One loan of a portfolio.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface PortfolioLoan {
  /** Unique loan id. */
  readonly id: string;
  /** Seller whose sales repay it (a key of `salesBySeller`). */
  readonly sellerId: string;
  readonly product: FinancingProduct;
  /** Funding date (default: the day before the seller's first sale; term loans use `startDate`). */
  readonly fundedOn?: DateInput;
}

/**
 * The {@link simulatePortfolio} function options.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface SimulatePortfolioOptions {
  /** Sales stop after this day: later sales are ignored (default: each seller's last sale). */
  readonly until?: DateInput;
  /** Collection period of every loan: `"day"` (default), `"week"` or `"month"`, as in {@link simulateRepayment}. */
  readonly granularity?: FinancingGranularity;
  /** Rounding of each holdback to the minor unit (default `"half-even"`). */
  readonly rounding?: RoundingMode;
  /** Include the per-loan list in the result (default true; a boolean). */
  readonly includeLoans?: boolean;
}

/**
 * One loan's outcome in a {@link PortfolioResult}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface PortfolioLoanOutcome {
  readonly id: string;
  readonly sellerId: string;
  readonly principal: Money;
  readonly repaid: Money;
  readonly outstanding: Money;
  readonly paidOff: boolean;
  readonly payoffDate: Date | null;
}

/**
 * Result of {@link simulatePortfolio}: amounts in the portfolio's single currency; cash flows
 * are the lender's (−principal when funded, +payments).
 *
 * @category Financing
 * @since 0.1.0
 */
export interface PortfolioResult {
  readonly currency: string;
  /** Loans funded on or before `until` (all loans when there is no `until`). */
  readonly loanCount: number;
  /** Loans funded after `until`, left out of every total. */
  readonly notYetFunded: number;
  readonly paidOffCount: number;
  readonly totalLent: Money;
  /** Σ principal + finance charge. */
  readonly totalDue: Money;
  readonly totalRepaid: Money;
  /** Σ balances still owed at the end. */
  readonly totalOutstanding: Money;
  /** Σ max(0, principal − repaid): principal lost if sales stop at the end. */
  readonly principalLossIfSalesStop: Money;
  /** principalLossIfSalesStop / totalLent. */
  readonly lossRateIfSalesStop: Decimal;
  /** Lender's daily net cash flows, sorted by date. */
  readonly cashFlows: readonly { readonly date: Date; readonly amount: Money }[];
  /** XIRR of `cashFlows` (ACT/365F), or `null` when it has no root (e.g. nothing repaid), with the reason in `irrUnavailable`. */
  readonly irr: Decimal | null;
  /** `"no-rate-in-solver-range"` when `irr` is `null`, else `null` (the policy of {@link costOfFinancing}). */
  readonly irrUnavailable: FinancingRateUnavailableReason | null;
  /** Per-loan outcomes (empty when `includeLoans: false`). */
  readonly loans: readonly PortfolioLoanOutcome[];
}

const FN = "simulatePortfolio";

/**
 * Run many loans against their sellers' sales and aggregate them: total lent, repaid and
 * outstanding, principal lost if sales stop, the lender's cash flows and portfolio IRR.
 *
 * ## Notes
 * - Each loan runs as in {@link simulateRepayment} (the exact integer engine, without rows); one
 *   seller's series may repay several loans, each simulated independently.
 * - **Streaming (0.3.0).** Loans are grouped by seller; each seller's series is asked for once
 *   (`salesBySeller.get(id)` of a `Map`, so a `Map` subclass may build it on demand), read into
 *   reusable integer columns, run for that seller's loans and dropped. Any sales shape of
 *   {@link simulateRepayment} works, including a sync iterable (a generator) read once, so with
 *   `includeLoans: false` the call holds O(loans) state plus one series. Totals and daily flows
 *   are exact integer sums.
 * - "If sales stop": the simulation ends at `until` (or each seller's last sale); whatever is
 *   still owed then is outstanding, and principal not yet recovered is the loss.
 * - Loans funded after `until` are left out of every total and counted in `notYetFunded`.
 * - `irr` solves the lender's daily net flows up to `until` with {@link xirr}: it is the return
 *   *if sales stopped at `until`* (outstanding balances written off), so before most loans are
 *   repaid it is strongly negative. It is `null` with `irrUnavailable: "no-rate-in-solver-range"`
 *   when the solver finds no root, e.g. a portfolio that recovered nothing.
 * - Bounds: at most 1,000,000 loans; each run has the bounds of {@link simulateRepayment}.
 *   `loans` must be a dense array (a hole such as `[, loan]` throws `MISSING_VALUE` rather than
 *   count as a loan).
 *
 * @param loans - `{ id, sellerId, product, fundedOn? }[]`, ids unique, one currency
 * @param salesBySeller - a `Map` or record from seller id to its sales series (any shape of
 *   {@link FinancingSalesInput})
 * @param options - horizon, granularity, rounding, per-loan output
 * @returns a frozen {@link PortfolioResult}
 * @throws {@link ValidationError} when loans are empty, have a hole or more than 1,000,000 entries, an
 *   id repeats (`DUPLICATE`), a seller has no series, a loan or option has an unknown key
 *   (`UNKNOWN_OPTION`), or any loan/series is invalid
 * @throws {@link CurrencyMismatchError} when loans or sales mix currencies
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, money, salesBasedAdvance, simulatePortfolio } from "marketplace-economics";
 * const product = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1" });
 * const days = (amount: string) => Array.from({ length: 200 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money(amount, "USD") }));
 * const p = simulatePortfolio(
 *   [{ id: "a", sellerId: "s1", product }, { id: "b", sellerId: "s2", product }],
 *   { s1: days("100"), s2: days("0") },
 * );
 * p.totalRepaid.amount.toString(); //=> "1100"
 * p.lossRateIfSalesStop.toString(); //=> "0.5"
 * ```
 *
 * @category Financing
 * @since 0.1.0
 */
export function simulatePortfolio(
  loans: readonly PortfolioLoan[],
  salesBySeller: ReadonlyMap<string, FinancingSalesInput> | Readonly<Record<string, FinancingSalesInput>>,
  options?: SimulatePortfolioOptions,
): PortfolioResult {
  const { plan } = planPortfolio(FN, loans, salesBySeller, options);
  const state = new PortfolioState(plan);
  for (const { sellerId, loans: sellerLoans } of plan.sellers) {
    const { ready, series } = prepareSeller(FN, state, sellerLoans, salesOf(plan, salesBySeller, sellerId), state.buf);
    runSellerHere(FN, state, ready, series);
  }
  return finishPortfolio(FN, state, xirr) as PortfolioResult;
}
