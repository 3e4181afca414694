import { Decimal } from "../_lib/decimal.js";
import { assertNonNegative, assertPositive, commonCurrency, toJobsAmount } from "./_lib/amount.js";
import { rangeError, toDecimal, toNonEmptyString, toOptions, toRecord } from "../_lib/validate.js";
import { finiteDecimal, MAX_SELLERS, percentHint, toDenseArray } from "./_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * One seller for {@link attributeJobsToMarketplace}: its employees and either the marketplace's
 * share of its sales or the two sales figures that give it.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface MarketplaceSellerEmployment {
  /** Optional seller id, copied to the result. */
  readonly id?: string;
  /** Employees (headcount or FTE, as you count them), ≥ 0. */
  readonly employees: NumericInput;
  /** Share of the seller's sales made on the marketplace, 0–1. */
  readonly marketplaceShare?: NumericInput;
  /** Seller's sales on the marketplace (with `totalSales`, instead of `marketplaceShare`). */
  readonly marketplaceSales?: AmountInput;
  /** Seller's total sales on every channel (> 0, ≥ `marketplaceSales`). */
  readonly totalSales?: AmountInput;
}

/**
 * One seller in a {@link MarketplaceJobsAttribution}.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface MarketplaceSellerJobs {
  /** The seller's id, or `null`. */
  readonly id: string | null;
  /** Employees given. */
  readonly employees: Decimal;
  /** Marketplace share of the seller's sales used. */
  readonly share: Decimal;
  /** `employees × share`, unrounded. */
  readonly jobs: Decimal;
}

/**
 * The result of {@link attributeJobsToMarketplace}.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface MarketplaceJobsAttribution {
  /** Jobs attributable to marketplace sales: Σ employees × share (unrounded). */
  readonly jobs: Decimal;
  /** All employees of the sellers: Σ employees. */
  readonly employees: Decimal;
  /** Per-seller detail, in input order. */
  readonly sellers: readonly MarketplaceSellerJobs[];
}

const FN = "attributeJobsToMarketplace";

/**
 * Jobs attributable to marketplace sales: each seller's employees times the share of its sales
 * made on the marketplace, summed.
 *
 * This is a proportional attribution, not a causal estimate: it assumes employment scales with
 * sales across channels and says nothing about jobs that would exist without the marketplace.
 *
 * ## Notes
 * `jobs = Σᵢ employeesᵢ × shareᵢ` with `shareᵢ = marketplaceSalesᵢ / totalSalesᵢ` when the two
 * sales figures are given (they must share a currency; `0 ≤ marketplaceSales ≤ totalSales`,
 * `totalSales > 0`). Decimal arithmetic, no rounding. An empty list gives 0.
 *
 * ## References
 * - Proportional (sales-share) attribution as used in platform economic-impact reports; see
 *   docs/guides/estimating-jobs.md for its limits.
 *
 * @param sellers - the sellers, see {@link MarketplaceSellerEmployment}
 * @returns total attributable jobs, total employees and per-seller detail
 * @throws {@link ValidationError} on negative employees, a share outside 0–1, marketplace sales above
 *   total sales, total sales ≤ 0, or a seller with both or neither share forms
 * @throws {@link ValidationTypeError} when `sellers` is not an array or a seller not an object
 * @throws {@link CurrencyMismatchError} when a seller's two sales figures have different currencies
 *
 * @example
 * ```ts
 * import { attributeJobsToMarketplace } from "marketplace-economics";
 * const r = attributeJobsToMarketplace([
 *   { id: "a", employees: 10, marketplaceShare: "0.6" },
 *   { id: "b", employees: 4, marketplaceSales: 50_000, totalSales: 200_000 },
 * ]);
 * r.jobs.toString(); //=> "7"
 * r.sellers.map((s) => s.share.toString()); //=> ["0.6", "0.25"]
 * ```
 *
 * @category Jobs
 * @since 0.1.0
 */
export function attributeJobsToMarketplace(sellers: readonly MarketplaceSellerEmployment[]): MarketplaceJobsAttribution {
  const list = toDenseArray<unknown>(sellers, FN, "sellers", { maxLength: MAX_SELLERS });
  let jobs = new Decimal(0);
  let employees = new Decimal(0);
  const out: MarketplaceSellerJobs[] = [];
  list.forEach((raw, i) => {
    const p = `sellers[${i}]`;
    const s = toOptions(toRecord(raw, FN, p), FN, p, ["id", "employees", "marketplaceShare", "marketplaceSales", "totalSales"]);
    const id = s["id"] === undefined ? null : toNonEmptyString(s["id"], FN, `${p}.id`);
    const emp = toDecimal(s["employees"], FN, `${p}.employees`);
    assertNonNegative(emp, FN, `${p}.employees`, s["employees"]);
    const hasShare = s["marketplaceShare"] !== undefined;
    const hasSales = s["marketplaceSales"] !== undefined || s["totalSales"] !== undefined;
    if (hasShare === hasSales) {
      rangeError(
        FN,
        p,
        hasShare ? ErrorCode.CONFLICTING_OPTIONS : ErrorCode.UNKNOWN_OPTION,
        "must give either marketplaceShare or marketplaceSales with totalSales",
        raw,
        "marketplaceShare (0–1), or marketplaceSales and totalSales",
      );
    }
    let share: Decimal;
    if (hasShare) {
      share = toDecimal(s["marketplaceShare"], FN, `${p}.marketplaceShare`);
      if (share.lessThan(0) || share.greaterThan(1)) {
        rangeError(FN, `${p}.marketplaceShare`, ErrorCode.OUT_OF_RANGE, `must be ≥ 0 and ≤ 1${percentHint(share)}`, s["marketplaceShare"], "a number ≥ 0 and ≤ 1");
      }
    } else {
      const ms = toJobsAmount(s["marketplaceSales"], FN, `${p}.marketplaceSales`);
      const ts = toJobsAmount(s["totalSales"], FN, `${p}.totalSales`);
      commonCurrency(FN, [ms, ts]);
      assertNonNegative(ms.amount, FN, `${p}.marketplaceSales`, s["marketplaceSales"]);
      assertPositive(ts.amount, FN, `${p}.totalSales`, s["totalSales"]);
      if (ms.amount.greaterThan(ts.amount)) {
        rangeError(FN, `${p}.marketplaceSales`, ErrorCode.OUT_OF_RANGE, "must be ≤ totalSales", s["marketplaceSales"], "a number from 0 to totalSales");
      }
      share = ms.amount.div(ts.amount);
    }
    const j = finiteDecimal(emp.times(share), FN, `${p}.jobs`);
    jobs = finiteDecimal(jobs.plus(j), FN, "jobs");
    employees = finiteDecimal(employees.plus(emp), FN, "employees");
    out.push(Object.freeze({ id, employees: emp, share, jobs: j }));
  });
  return Object.freeze({ jobs, employees, sellers: Object.freeze(out) });
}
