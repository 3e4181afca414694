import type { Decimal } from "decimal.js";
import { assertNonNegative, assertPositive, commonCurrency, toJobsAmount } from "./_lib/amount.js";
import { readReceiptsPerEmployee } from "./_lib/figure.js";
import { finiteDecimal } from "./_lib/validate.js";
import type { AmountInput } from "../money/types.js";
import type { ReceiptsPerEmployeeInput } from "./types.js";

/**
 * The result of {@link directJobs}. `JSON.stringify` gives the Decimals as strings.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface DirectJobsResult {
  /** Jobs (employees) as an unrounded Decimal: round only for display. */
  readonly jobs: Decimal;
  /** The sales used, in currency units. */
  readonly sales: Decimal;
  /** The receipts per employee used, in currency units per employee per year. */
  readonly revenuePerEmployee: Decimal;
  /** The currency of the Money inputs, or `null` when only plain numbers were given. */
  readonly currency: string | null;
  /** The `id` of the {@link ReceiptsPerEmployeeFigure} used, or `null` for a caller's own figure. */
  readonly source: string | null;
}

const FN = "directJobs";

/**
 * Direct jobs supported by a sales volume: sales divided by receipts (revenue) per employee.
 *
 * The ratio approach counts the employees an average firm of the industry needs to make those
 * sales. It says nothing about suppliers' or induced jobs (see {@link jobsFromMultiplier} and
 * {@link inputOutputImpact}), nor about whether the jobs are new (displacement).
 *
 * ## Notes
 * `jobs = sales / revenuePerEmployee`, computed with decimal.js and not rounded. Zero sales give
 * zero jobs. Sales and revenue per employee must be in the same currency and price year; two
 * Money values in different currencies throw. Employees are the headcount concept of the
 * figure used (the Census tables count full- and part-time paid employees, not FTEs).
 *
 * ## References
 * - US Census Bureau, Economic Census: sales per paid employee by NAICS industry (see
 *   {@link receiptsPerEmployeeTable} for the figures bundled here).
 *
 * @param sales - annual sales, a Money or a number-like amount (≥ 0)
 * @param revenuePerEmployee - annual receipts per employee (> 0): a Money, a number-like amount,
 *   an entry of {@link receiptsPerEmployeeTable}, an {@link AdjustedReceiptsPerEmployee} (see
 *   {@link adjustReceiptsPerEmployee}), or any object with a `receiptsPerEmployee`
 * @returns jobs (unrounded Decimal) with the inputs used
 * @throws {@link ValidationError} when sales are negative, revenue per employee is ≤ 0, or a value is
 *   NaN / ±Infinity / not numeric (`INVALID_NUMBER`, `OUT_OF_RANGE`)
 * @throws {@link ValidationTypeError} when an argument is missing or of the wrong kind
 * @throws {@link CurrencyMismatchError} when two Money values have different currencies
 *
 * @example
 * ```ts
 * import { directJobs, money, receiptsPerEmployeeTable } from "marketplace-economics";
 * directJobs(1_000_000, 250_000).jobs.toString(); //=> "4"
 * directJobs(money("1000000", "USD"), receiptsPerEmployeeTable["retail-44-45-2002"]).jobs.toFixed(2); //=> "4.79"
 * ```
 *
 * @category Jobs
 * @since 0.1.0
 */
export function directJobs(sales: AmountInput, revenuePerEmployee: ReceiptsPerEmployeeInput): DirectJobsResult {
  const s = toJobsAmount(sales, FN, "sales");
  assertNonNegative(s.amount, FN, "sales", sales);
  const { amount: r, source } = readReceiptsPerEmployee(revenuePerEmployee, FN, "revenuePerEmployee");
  assertPositive(r.amount, FN, "revenuePerEmployee", revenuePerEmployee);
  const currency = commonCurrency(FN, [s, r]) ?? null;
  return Object.freeze({
    jobs: s.amount.isZero() ? s.amount.abs() : finiteDecimal(s.amount.div(r.amount), FN, "sales ÷ revenuePerEmployee"),
    sales: s.amount,
    revenuePerEmployee: r.amount,
    currency,
    source,
  });
}
