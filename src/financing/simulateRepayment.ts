import { runProduct, toRepaymentResult } from "./_lib/run.js";
import type { RoundingMode } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import type { FinancingGranularity, FinancingProduct, FinancingSalesInput, RepaymentResult } from "./types.js";

/**
 * The {@link simulateRepayment} function options.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface SimulateRepaymentOptions {
  /**
   * Funding date (UTC day). Default: the day before the first sale, so collection starts with
   * the first sale. Sales on or before it are ignored. Term loans always use their `startDate`.
   */
  readonly fundedOn?: DateInput;
  /**
   * Last day simulated (default: the last sale's day). Later than the last sale means "sales
   * stop": minimum top-ups and the maturity payment still fall due until then. At most 100 years
   * after funding.
   */
  readonly until?: DateInput;
  /** Collection period: `"day"` (default), `"week"` (ISO weeks, collected on Sunday) or `"month"` (month end). Renamed in 0.2.0 from `"daily"`, `"weekly"`, `"monthly"`. */
  readonly granularity?: FinancingGranularity;
  /** Rounding of each holdback to the minor unit (default `"half-even"`). */
  readonly rounding?: RoundingMode;
  /** Collect a minimum-payment shortfall as a top-up (default `true`); `false` only reports it. */
  readonly collectShortfall?: boolean;
}

const FN = "simulateRepayment";

/**
 * Simulate the repayment of a financing product against a dated sales series: every period's
 * sales, holdback, minimum top-up and balance, and a summary (payoff date, days to payoff,
 * total paid, outstanding if sales stop, missed minimums).
 *
 * ## Notes
 * - **Sales-based advance / revenue-share loan.** Sales are summed per collection period
 *   (`granularity`). Each period collects `holdback = round(sales × holdbackRate)` to the
 *   minor unit (`rounding`, default half-even), never more than the balance: the last payment
 *   is trimmed, so Σ payments = principal + fee exactly at payoff. A period with net negative
 *   sales collects nothing.
 * - **Minimum payment.** Windows of `everyDays` days count from the funding date (window k
 *   ends on day `k × everyDays`). At a window's end, if the window's payments are below
 *   `min(minimum, balance at window start)`, the gap is collected as a `"minimum"` top-up
 *   (or only reported with `collectShortfall: false`). Windows ending after `forDays` are not
 *   checked. Payments do not carry over between windows.
 * - **Maximum term.** On day `maxTermDays` the whole remaining balance is collected
 *   (`"maturity"`).
 * - **Term loan.** Payouts (positive sales) accumulate between due dates; at each due date the
 *   instalment plus any carried shortfall is deducted from them. What payouts cannot cover is
 *   carried (reported in `shortfall`) or charged to the card (`"card"` top-up). After the last
 *   due date, carried amounts are deducted from later payouts. No late interest is modelled.
 * - **Exact integer engine (0.3.0).** Amounts run as integer minor units (float64 below 2^53,
 *   BigInt for a larger product, Decimal for an amount beyond 2^53 minor units, chosen by
 *   itself); each holdback is the exact rational `round(minor × num / den)` of the rate's
 *   digits. Results equal those of the 0.2.0 Decimal engine to the cent (a property test over
 *   10,000 random products and sales).
 * - **Sales shapes (0.3.0).** `sales` may be `{ date, amount: Money }` rows, `{ date, minor }` or
 *   `{ day, minor }` rows in integer minor units (`day` = days since 1970-01-01), typed-array
 *   columns `{ days: Int32Array, minor: Float64Array | BigInt64Array }`, or any sync iterable of
 *   rows (read once).
 * - **Rows on demand (0.3.0).** `rows` is a getter: the rows are built on its first read (by
 *   running the loop again with recording) and the same frozen array is returned afterwards, so
 *   a caller that reads only `summary` never pays for 365 rows of Money. The result stays frozen,
 *   and `JSON.stringify` and spread read `rows` like a data property (`structuredClone` does not
 *   apply: the amounts are `Decimal` class instances).
 * - The loop runs once per sale and once per window end up to `until`: it always terminates,
 *   and sales that never repay end with `paidOff: false` and the unpaid balance in
 *   `outstandingIfSalesStop`.
 *
 * @param product - a product from {@link salesBasedAdvance}, {@link termLoan} or
 *   {@link revenueShareLoan} (or plain data of the same shape, re-validated)
 * @param sales - dated sales in ascending date order, in the product's currency (Money rows,
 *   minor-unit rows, typed-array columns or an iterable of rows); several sales on one UTC day
 *   (transaction-level rows) are summed into that day
 * @param options - funding date, horizon, granularity, rounding
 * @returns a frozen {@link RepaymentResult} (`JSON.stringify` gives amounts as strings)
 * @throws {@link ValidationError} when the product or an option is invalid, a date is invalid,
 *   dates go backwards (`INVALID_DATE_ORDER`)
 * @throws {@link CurrencyMismatchError} when a sale is in another currency than the product
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, money, salesBasedAdvance, simulateRepayment } from "marketplace-economics";
 * const advance = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });
 * const sales = Array.from({ length: 300 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money("400", "USD") }));
 * const result = simulateRepayment(advance, sales);
 * result.summary.daysToPayoff; //=> 288
 * result.summary.payoffDate?.toISOString(); //=> "2024-10-15T00:00:00.000Z"
 * result.rows[287]?.holdback.amount.toString(); //=> "20"
 * result.summary.totalPaid.amount.toString(); //=> "11500"
 * // The same sales as typed-array columns: day numbers and integer cents.
 * const days = Int32Array.from({ length: 300 }, (_, i) => calendarDay(2024, 1, 2).getTime() / 86_400_000 + i);
 * simulateRepayment(advance, { days, minor: new Float64Array(300).fill(40_000) }).summary.daysToPayoff; //=> 288
 * ```
 *
 * @category Financing
 * @since 0.1.0
 */
export function simulateRepayment(product: FinancingProduct, sales: FinancingSalesInput, options?: SimulateRepaymentOptions): RepaymentResult {
  return toRepaymentResult(runProduct(FN, product, sales, options, true));
}
