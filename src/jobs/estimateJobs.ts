import { Decimal } from "../_lib/decimal.js";
import { commonCurrency, toJobsAmount, type JobsAmount } from "./_lib/amount.js";
import { rangeError, toOptions, toRecord } from "../_lib/validate.js";
import { finiteDecimal, percentHint } from "./_lib/validate.js";
import { isReceiptsFigure, readReceiptsPerEmployee } from "./_lib/figure.js";
import { ErrorCode } from "../errors.js";
import type { AmountInput, NumericInput } from "../money/types.js";
import type { JobsRange, JobsRangeInput, ReceiptsPerEmployeeInput } from "./types.js";

/**
 * The {@link estimateJobs} function options. Each assumption is a single value or a
 * `{ low, central, high }` range. Give exactly one of `revenuePerEmployee` (ratio method) or
 * `jobsPerMillion` (final-demand multiplier method).
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface EstimateJobsOptions {
  /** Annual sales (currency units, ≥ 0), e.g. marketplace sales of the sellers in scope. */
  readonly sales: AmountInput | JobsRangeInput<AmountInput>;
  /** Share of `sales` counted (0–1), e.g. the domestic share or the margin share; default 1. */
  readonly share?: NumericInput | JobsRangeInput<NumericInput>;
  /**
   * Ratio method: annual receipts per employee (currency units, > 0), each point a number, a
   * Money, a {@link receiptsPerEmployeeTable} entry or an {@link AdjustedReceiptsPerEmployee}
   * (as {@link directJobs} accepts); the entries' ids are reported in the assumption's `sources`.
   */
  readonly revenuePerEmployee?: ReceiptsPerEmployeeInput | JobsRangeInput<ReceiptsPerEmployeeInput>;
  /** Ratio method: total jobs per direct job (a direct-effect employment multiplier, ≥ 1); default 1 (direct jobs only). */
  readonly jobsPerDirectJob?: NumericInput | JobsRangeInput<NumericInput>;
  /** Multiplier method: jobs per 1,000,000 currency units of final demand (≥ 0). */
  readonly jobsPerMillion?: NumericInput | JobsRangeInput<NumericInput>;
}

/**
 * One assumption behind a {@link JobsEstimate}: the range given, the direction of its effect and
 * the values used for the low and high estimates, plus a one-at-a-time sensitivity.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface JobsAssumption {
  /** Option name: `"sales"`, `"share"`, `"revenuePerEmployee"`, `"jobsPerDirectJob"` or `"jobsPerMillion"`. */
  readonly name: "sales" | "share" | "revenuePerEmployee" | "jobsPerDirectJob" | "jobsPerMillion";
  /** Unit of the values. */
  readonly unit: string;
  /** The range given (equal points for a single value). */
  readonly low: Decimal;
  /** Central value given. */
  readonly central: Decimal;
  /** High value given. */
  readonly high: Decimal;
  /** Whether jobs rise (`"increases"`) or fall (`"decreases"`) when the assumption rises. */
  readonly effect: "increases" | "decreases";
  /** Value of this assumption in the low estimate. */
  readonly usedForLow: Decimal;
  /** Value of this assumption in the high estimate. */
  readonly usedForHigh: Decimal;
  /** Jobs with this assumption at `usedForLow` and every other one central. */
  readonly jobsWhenLow: Decimal;
  /** Jobs with this assumption at `usedForHigh` and every other one central. */
  readonly jobsWhenHigh: Decimal;
  /** The `id` of the figure given at each point (a {@link receiptsPerEmployeeTable} entry or an adjusted one), `null` for a plain value. */
  readonly sources: JobsRangeInput<string | null>;
}

/**
 * The result of {@link estimateJobs}: a range of jobs and every assumption that produced it.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface JobsEstimate extends JobsRange {
  /** `"revenue-per-employee"` (sales ÷ receipts per employee × multiplier) or `"final-demand-multiplier"`. */
  readonly method: "revenue-per-employee" | "final-demand-multiplier";
  /** Ratio method: direct jobs before the multiplier; `null` for the multiplier method. */
  readonly direct: JobsRange | null;
  /** The currency of the Money inputs, or `null` when only plain numbers were given. */
  readonly currency: string | null;
  /** The assumptions in formula order. */
  readonly assumptions: readonly JobsAssumption[];
  /** The formula applied, in words. */
  readonly formula: string;
}

const FN = "estimateJobs";
const MILLION = new Decimal(1_000_000);

interface Factor {
  readonly name: JobsAssumption["name"];
  readonly unit: string;
  readonly exp: 1 | -1;
  readonly range: readonly [Decimal, Decimal, Decimal];
  readonly amounts: readonly JobsAmount[];
  readonly sources: readonly [string | null, string | null, string | null];
}

function isRange(value: unknown): value is JobsRangeInput<unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isReceiptsFigure(value) && ("low" in value || "central" in value || "high" in value);
}

function readRange(
  value: unknown,
  name: JobsAssumption["name"],
  check: (d: Decimal) => string | null,
  allowed: string,
): { range: [Decimal, Decimal, Decimal]; amounts: JobsAmount[]; sources: [string | null, string | null, string | null] } {
  if (isRange(value)) toOptions(toRecord(value, FN, name), FN, name, ["low", "central", "high"]);
  const points: unknown[] = isRange(value) ? [value.low, value.central, value.high] : [value, value, value];
  const labels = isRange(value) ? [`${name}.low`, `${name}.central`, `${name}.high`] : [name, name, name];
  // Receipts per employee may be a table entry at each point, exactly as directJobs takes it.
  const read = points.map((p, i) => (name === "revenuePerEmployee" ? readReceiptsPerEmployee(p, FN, labels[i] as string) : { amount: toJobsAmount(p, FN, labels[i] as string), source: null }));
  const amounts = read.map((r) => r.amount);
  const sources = read.map((r) => r.source) as [string | null, string | null, string | null];
  amounts.forEach((a, i) => {
    const why = check(a.amount);
    if (why) rangeError(FN, labels[i] as string, ErrorCode.OUT_OF_RANGE, why, points[i], allowed);
  });
  const [lo, mid, hi] = amounts.map((a) => a.amount) as [Decimal, Decimal, Decimal];
  if (lo.greaterThan(mid) || mid.greaterThan(hi)) {
    rangeError(FN, name, ErrorCode.OUT_OF_RANGE, "must satisfy low ≤ central ≤ high", value, "a range with low ≤ central ≤ high");
  }
  return { range: [lo, mid, hi], amounts, sources };
}

const nonNegative = (d: Decimal): string | null => (d.isNegative() && !d.isZero() ? "must be ≥ 0" : null);
const positive = (d: Decimal): string | null => (d.greaterThan(0) ? null : "must be > 0");
const atLeastOne = (d: Decimal): string | null => (d.lessThan(1) ? "must be ≥ 1 (it counts the direct job itself)" : null);
const shareCheck = (d: Decimal): string | null => (d.lessThan(0) || d.greaterThan(1) ? `must be from 0 to 1${percentHint(d)}` : null);

function evaluate(factors: readonly Factor[], pick: (f: Factor) => Decimal, scale: Decimal): Decimal {
  let v = scale;
  for (const f of factors) v = f.exp === 1 ? v.times(pick(f)) : v.div(pick(f));
  // Huge multipliers or divisors near zero: a typed error, never Infinity or NaN (#11).
  return finiteDecimal(v, FN, "jobs");
}

/**
 * A low / central / high jobs estimate from ranges of each assumption, with the list of
 * assumptions that produced it, so that a claim such as "≈ 900,000 jobs" can be reproduced and
 * its sensitivity seen.
 *
 * Two methods:
 * - ratio: `jobs = sales × share ÷ revenuePerEmployee × jobsPerDirectJob` (direct jobs from
 *   receipts per employee, see {@link directJobs}, then an optional direct-effect multiplier);
 * - multiplier: `jobs = sales × share ÷ 1,000,000 × jobsPerMillion` (a final-demand employment
 *   multiplier, see {@link jobsFromMultiplier}).
 *
 * ## Notes
 * The formula is monotone in each assumption, so the low estimate takes every "increasing"
 * assumption at its low and every "decreasing" one (revenue per employee) at its high, and the
 * reverse for the high estimate: the range is the exact minimum and maximum over the box of
 * assumptions, and it is wide, because it assumes every error goes the same way. `jobsWhenLow` /
 * `jobsWhenHigh` move one assumption at a time (a tornado chart). All arithmetic is decimal.js;
 * nothing is rounded. Money inputs must share one currency.
 *
 * ## References
 * - US Bureau of Economic Analysis, RIMS II user guide (final-demand and direct-effect employment
 *   multipliers).
 * - US Census Bureau, Economic Census (sales per paid employee), see {@link receiptsPerEmployeeTable}.
 *
 * @param options - see {@link EstimateJobsOptions}
 * @returns low / central / high jobs (unrounded Decimals), direct jobs for the ratio method, and the assumptions
 * @throws {@link ValidationError} on a negative or non-numeric value, a share outside 0–1, revenue per
 *   employee ≤ 0, a direct-effect multiplier < 1, a range with low > central or central > high,
 *   or when neither of `revenuePerEmployee` and `jobsPerMillion` is given (`UNKNOWN_OPTION`) or both
 *   are (`CONFLICTING_OPTIONS`, also for `jobsPerDirectJob` with `jobsPerMillion`)
 * @throws {@link ValidationTypeError} when `options` is not an object or a required value is missing
 * @throws {@link CurrencyMismatchError} when Money values have different currencies
 *
 * @example
 * ```ts
 * import { estimateJobs } from "marketplace-economics";
 * const e = estimateJobs({
 *   sales: { low: 60e9, central: 80e9, high: 100e9 },
 *   revenuePerEmployee: { low: 175_889, central: 243_297, high: 361_795 },
 *   jobsPerDirectJob: { low: 1.5, central: 2.5, high: 3 },
 * });
 * e.central.toSignificantDigits(2).toNumber(); //=> 820000
 * [e.low.toSignificantDigits(2).toNumber(), e.high.toSignificantDigits(2).toNumber()]; //=> [250000, 1700000]
 * e.assumptions.map((a) => a.name); //=> ["sales", "share", "revenuePerEmployee", "jobsPerDirectJob"]
 * ```
 *
 * @category Jobs
 * @since 0.1.0
 */
export function estimateJobs(options: EstimateJobsOptions): JobsEstimate {
  const o = toOptions(toRecord(options, FN, "options"), FN, "options", ["sales", "share", "revenuePerEmployee", "jobsPerDirectJob", "jobsPerMillion"]);
  const hasRatio = o["revenuePerEmployee"] !== undefined;
  const hasMultiplier = o["jobsPerMillion"] !== undefined;
  if (hasRatio === hasMultiplier) {
    rangeError(
      FN,
      "options",
      hasRatio ? ErrorCode.CONFLICTING_OPTIONS : ErrorCode.UNKNOWN_OPTION,
      "must give exactly one of revenuePerEmployee and jobsPerMillion",
      options,
      "either revenuePerEmployee (ratio method) or jobsPerMillion (multiplier method)",
    );
  }
  if (hasMultiplier && o["jobsPerDirectJob"] !== undefined) {
    rangeError(FN, "jobsPerDirectJob", ErrorCode.CONFLICTING_OPTIONS, "is only used with revenuePerEmployee", o["jobsPerDirectJob"], "undefined with jobsPerMillion");
  }
  const factors: Factor[] = [];
  const add = (name: JobsAssumption["name"], unit: string, exp: 1 | -1, value: unknown, check: (d: Decimal) => string | null, allowed: string): void => {
    const { range, amounts, sources } = readRange(value, name, check, allowed);
    factors.push({ name, unit, exp, range, amounts, sources });
  };
  add("sales", "currency units per year", 1, o["sales"], nonNegative, "a number ≥ 0");
  add("share", "share of sales (0–1)", 1, o["share"] ?? 1, shareCheck, "a number from 0 to 1");
  if (hasRatio) {
    add("revenuePerEmployee", "currency units per employee per year", -1, o["revenuePerEmployee"], positive, "a number > 0");
  }
  const directFactors = factors.slice();
  if (hasRatio) add("jobsPerDirectJob", "total jobs per direct job", 1, o["jobsPerDirectJob"] ?? 1, atLeastOne, "a number ≥ 1");
  else add("jobsPerMillion", "jobs per 1,000,000 currency units", 1, o["jobsPerMillion"], nonNegative, "a number ≥ 0");
  const moneyFactors = factors.filter((f) => f.name === "sales" || f.name === "revenuePerEmployee");
  const currency =
    commonCurrency(
      FN,
      moneyFactors.flatMap((f) => f.amounts),
    ) ?? null;
  for (const f of factors) {
    if (f.name !== "sales" && f.name !== "revenuePerEmployee" && f.amounts.some((a) => a.currency !== undefined)) {
      rangeError(
        FN,
        f.name,
        ErrorCode.OUT_OF_RANGE,
        "must be a plain number, not a Money",
        f.amounts.find((a) => a.currency !== undefined),
        "a Decimal, numeric string or finite number",
      );
    }
  }
  const scale = hasRatio ? new Decimal(1) : new Decimal(1).div(MILLION);
  const lowOf = (f: Factor): Decimal => (f.exp === 1 ? f.range[0] : f.range[2]);
  const highOf = (f: Factor): Decimal => (f.exp === 1 ? f.range[2] : f.range[0]);
  const mid = (f: Factor): Decimal => f.range[1];
  const assumptions: JobsAssumption[] = factors.map((f) =>
    Object.freeze({
      name: f.name,
      unit: f.unit,
      low: f.range[0],
      central: f.range[1],
      high: f.range[2],
      effect: f.exp === 1 ? "increases" : "decreases",
      usedForLow: lowOf(f),
      usedForHigh: highOf(f),
      jobsWhenLow: evaluate(factors, (g) => (g === f ? lowOf(g) : mid(g)), scale),
      jobsWhenHigh: evaluate(factors, (g) => (g === f ? highOf(g) : mid(g)), scale),
      sources: Object.freeze({ low: f.sources[0], central: f.sources[1], high: f.sources[2] }),
    }),
  );
  const direct: JobsRange | null = hasRatio
    ? Object.freeze({
        low: evaluate(directFactors, lowOf, scale),
        central: evaluate(directFactors, mid, scale),
        high: evaluate(directFactors, highOf, scale),
      })
    : null;
  return Object.freeze({
    method: hasRatio ? "revenue-per-employee" : "final-demand-multiplier",
    low: evaluate(factors, lowOf, scale),
    central: evaluate(factors, mid, scale),
    high: evaluate(factors, highOf, scale),
    direct,
    currency,
    assumptions: Object.freeze(assumptions),
    formula: hasRatio ? "jobs = sales × share ÷ revenuePerEmployee × jobsPerDirectJob" : "jobs = sales × share ÷ 1,000,000 × jobsPerMillion",
  });
}
