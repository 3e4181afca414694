import { Decimal } from "../_lib/decimal.js";
import { assertNonNegative, toJobsAmount } from "./_lib/amount.js";
import { rangeError, toDecimal, toOption, toOptions, toRecord } from "../_lib/validate.js";
import { finiteDecimal } from "./_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * Which RIMS II multiplier family: Type I counts direct + indirect (supplier) effects, Type II
 * also counts induced effects (spending by households of the earnings).
 *
 * @category Jobs
 * @since 0.1.0
 */
export type JobsMultiplierType = "type-I" | "type-II";

/**
 * Options of {@link jobsFromMultiplier} for a final-demand employment multiplier (jobs per
 * $1 million of output delivered to final demand).
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface JobsFromFinalDemandOptions {
  /** Final-demand change in currency units (dollars, not millions), ≥ 0, in the multiplier's price year. */
  readonly output: AmountInput;
  /** Final-demand employment multiplier of `type`: jobs per 1,000,000 currency units of final demand (≥ 0). */
  readonly jobsPerMillion: NumericInput;
  /** `"type-I"` or `"type-II"`. */
  readonly type: JobsMultiplierType;
  /**
   * Direct jobs per 1,000,000 of output of the industry itself (its direct employment
   * coefficient, = final-demand multiplier ÷ direct-effect multiplier of the same type). Needed
   * to separate direct from indirect jobs.
   */
  readonly directJobsPerMillion?: NumericInput;
  /** With `type: "type-II"`: the Type I final-demand multiplier, to separate indirect from induced jobs. */
  readonly typeIJobsPerMillion?: NumericInput;
}

/**
 * Options of {@link jobsFromMultiplier} for a direct-effect employment multiplier (total jobs
 * per direct job).
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface JobsFromDirectEffectOptions {
  /** Direct jobs in the industry (≥ 0). */
  readonly directJobs: NumericInput;
  /** Direct-effect employment multiplier of `type`: total jobs per direct job (≥ 1). */
  readonly jobsPerDirectJob: NumericInput;
  /** `"type-I"` or `"type-II"`. */
  readonly type: JobsMultiplierType;
  /** With `type: "type-II"`: the Type I direct-effect multiplier, to separate indirect from induced jobs. */
  readonly typeIJobsPerDirectJob?: NumericInput;
}

/**
 * The {@link jobsFromMultiplier} function options: a final-demand or a direct-effect form.
 *
 * @category Jobs
 * @since 0.1.0
 */
export type JobsFromMultiplierOptions = JobsFromFinalDemandOptions | JobsFromDirectEffectOptions;

/**
 * The result of {@link jobsFromMultiplier}. Components the inputs do not identify are `null`
 * (never guessed); `induced` is 0 for Type I.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface JobsFromMultiplierResult {
  /** Which multiplier was applied. */
  readonly method: "final-demand" | "direct-effect";
  /** The multiplier type. */
  readonly type: JobsMultiplierType;
  /** Total jobs (Type I: direct + indirect; Type II: + induced), unrounded. */
  readonly total: Decimal;
  /** Direct jobs, or `null` when no direct coefficient was given. */
  readonly direct: Decimal | null;
  /** Indirect (supplier) jobs, or `null` when not identified. */
  readonly indirect: Decimal | null;
  /** Induced (household-spending) jobs: 0 for Type I, `null` when not identified. */
  readonly induced: Decimal | null;
  /** `total − direct`, or `null` without a direct figure. */
  readonly indirectAndInduced: Decimal | null;
}

const FN = "jobsFromMultiplier";
const TYPES: readonly JobsMultiplierType[] = ["type-I", "type-II"];
const MILLION = 1_000_000;

function nonNegative(value: unknown, arg: string): Decimal {
  const d = toDecimal(value, FN, arg);
  assertNonNegative(d, FN, arg, value);
  return d;
}

function notAbove(lower: Decimal, upper: Decimal, lowerArg: string, upperArg: string, received: unknown): void {
  if (lower.greaterThan(upper)) {
    rangeError(FN, lowerArg, ErrorCode.OUT_OF_RANGE, `must be ≤ ${upperArg} (${upper.toString()})`, received, `a number ≤ ${upperArg} (Type II ≥ Type I ≥ direct)`);
  }
}

/**
 * Jobs from a BEA RIMS II-style employment multiplier, keeping direct, indirect and induced jobs
 * apart.
 *
 * Two forms, as in RIMS II:
 * - final-demand: `{ output, jobsPerMillion, type }` (jobs per $1 million of output delivered to
 *   final demand), optionally with `directJobsPerMillion` and, for Type II, `typeIJobsPerMillion`;
 * - direct-effect: `{ directJobs, jobsPerDirectJob, type }` (total jobs per direct job),
 *   optionally with `typeIJobsPerDirectJob` for Type II.
 *
 * ## Notes
 * Final-demand form, with `m = output / 1,000,000`:
 * `total = m × jobsPerMillion`, `direct = m × directJobsPerMillion`,
 * Type I: `indirect = total − direct`, `induced = 0`;
 * Type II: `indirect = m × typeIJobsPerMillion − direct`, `induced = total − m × typeIJobsPerMillion`.
 * Direct-effect form: `direct = directJobs`, `total = directJobs × jobsPerDirectJob`, and the same
 * split with `typeIJobsPerDirectJob`. The inputs must respect Type II ≥ Type I ≥ direct
 * (so every component is ≥ 0); otherwise a `ValidationError` says which one breaks it.
 *
 * RIMS II multipliers apply to output in producer prices: for retail and wholesale trade the
 * industry's output is its margin (sales minus the cost of goods resold), not gross sales.
 * Multiplying gross marketplace sales by a retail final-demand multiplier overstates the jobs.
 * BEA publishes RIMS II for states and counties, not for the US as a whole, and notes that the
 * results are likely upper bounds (fixed coefficients, no supply constraints, full- and
 * part-time jobs counted alike). For a decrease in final demand, pass its size and negate.
 *
 * ## References
 * - US Bureau of Economic Analysis, "RIMS II: An essential tool for regional developers and
 *   planners" (user guide), ch. 2–3: final-demand multipliers for output, earnings, employment
 *   and value added; direct-effect multipliers for earnings and employment; Type I and Type II.
 * - BEA, RIMS II Online Order and Delivery System, FAQ ("What are RIMS II multipliers?",
 *   "What are Type I and Type II multipliers?"); BEA, RIMS II illustrative tables page
 *   (multipliers "likely to be upper bound estimates").
 *
 * @param options - final-demand or direct-effect inputs, see {@link JobsFromMultiplierOptions}
 * @returns total jobs and, where identified, direct / indirect / induced jobs (unrounded Decimals)
 * @throws {@link ValidationError} on a negative or non-numeric input, a direct-effect multiplier
 *   below 1, an unknown `type`, or multipliers that break Type II ≥ Type I ≥ direct
 * @throws {@link ValidationTypeError} when `options` is not an object or a required field is missing
 *
 * @example
 * ```ts
 * import { jobsFromMultiplier } from "marketplace-economics";
 * const r = jobsFromMultiplier({ output: 2_000_000, jobsPerMillion: 12, type: "type-II", directJobsPerMillion: 7, typeIJobsPerMillion: 9 });
 * [r.total, r.direct, r.indirect, r.induced]; //=> ["24", "14", "4", "6"]
 * const fromDirect = jobsFromMultiplier({ directJobs: 100, jobsPerDirectJob: "1.8", type: "type-I" });
 * fromDirect.indirect?.toString(); //=> "80"
 * ```
 *
 * @category Jobs
 * @since 0.1.0
 */
export function jobsFromMultiplier(options: JobsFromMultiplierOptions): JobsFromMultiplierResult {
  const o = toOptions(toRecord(options, FN, "options"), FN, "options", [
    "type",
    "output",
    "jobsPerMillion",
    "directJobsPerMillion",
    "typeIJobsPerMillion",
    "directJobs",
    "jobsPerDirectJob",
    "typeIJobsPerDirectJob",
  ]);
  const type = toOption(o["type"], FN, "type", TYPES);
  const isDirectEffect = o["directJobs"] !== undefined || o["jobsPerDirectJob"] !== undefined;
  const finalDemandKeys = ["output", "jobsPerMillion", "directJobsPerMillion", "typeIJobsPerMillion"].filter((k) => o[k as keyof typeof o] !== undefined);
  const directEffectKeys = ["directJobs", "jobsPerDirectJob", "typeIJobsPerDirectJob"].filter((k) => o[k as keyof typeof o] !== undefined);
  if (finalDemandKeys.length > 0 && directEffectKeys.length > 0) {
    // Mixing the two forms would silently ignore one of them.
    rangeError(
      FN,
      "options",
      ErrorCode.CONFLICTING_OPTIONS,
      `mixes the final-demand form (${finalDemandKeys.join(", ")}) with the direct-effect form (${directEffectKeys.join(", ")})`,
      options,
      "either { output, jobsPerMillion, … } or { directJobs, jobsPerDirectJob, … }",
    );
  }
  let total: Decimal;
  let direct: Decimal | null = null;
  let typeITotal: Decimal | null = null;
  let method: JobsFromMultiplierResult["method"];
  if (isDirectEffect) {
    method = "direct-effect";
    const d = nonNegative(o["directJobs"], "directJobs");
    const k = toDecimal(o["jobsPerDirectJob"], FN, "jobsPerDirectJob");
    if (k.lessThan(1)) rangeError(FN, "jobsPerDirectJob", ErrorCode.OUT_OF_RANGE, "must be ≥ 1 (it counts the direct job itself)", o["jobsPerDirectJob"], "a number ≥ 1");
    direct = d;
    total = d.times(k);
    if (o["typeIJobsPerDirectJob"] !== undefined) {
      if (type !== "type-II") rangeError(FN, "typeIJobsPerDirectJob", ErrorCode.CONFLICTING_OPTIONS, 'is only meaningful with type "type-II"', o["typeIJobsPerDirectJob"], 'undefined with type "type-I"');
      const k1 = toDecimal(o["typeIJobsPerDirectJob"], FN, "typeIJobsPerDirectJob");
      if (k1.lessThan(1)) rangeError(FN, "typeIJobsPerDirectJob", ErrorCode.OUT_OF_RANGE, "must be ≥ 1", o["typeIJobsPerDirectJob"], "a number ≥ 1");
      notAbove(k1, k, "typeIJobsPerDirectJob", "jobsPerDirectJob", o["typeIJobsPerDirectJob"]);
      typeITotal = d.times(k1);
    }
  } else {
    method = "final-demand";
    const out = toJobsAmount(o["output"], FN, "output");
    assertNonNegative(out.amount, FN, "output", o["output"]);
    const m = out.amount.div(MILLION);
    const k = nonNegative(o["jobsPerMillion"], "jobsPerMillion");
    total = m.times(k);
    let k1: Decimal | null = null;
    if (o["typeIJobsPerMillion"] !== undefined) {
      if (type !== "type-II") rangeError(FN, "typeIJobsPerMillion", ErrorCode.CONFLICTING_OPTIONS, 'is only meaningful with type "type-II"', o["typeIJobsPerMillion"], 'undefined with type "type-I"');
      k1 = nonNegative(o["typeIJobsPerMillion"], "typeIJobsPerMillion");
      notAbove(k1, k, "typeIJobsPerMillion", "jobsPerMillion", o["typeIJobsPerMillion"]);
      typeITotal = m.times(k1);
    }
    if (o["directJobsPerMillion"] !== undefined) {
      const kd = nonNegative(o["directJobsPerMillion"], "directJobsPerMillion");
      notAbove(kd, k1 ?? k, "directJobsPerMillion", k1 ? "typeIJobsPerMillion" : "jobsPerMillion", o["directJobsPerMillion"]);
      direct = m.times(kd);
    }
  }
  let indirect: Decimal | null = null;
  let induced: Decimal | null = null;
  if (type === "type-I") {
    induced = new Decimal(0);
    if (direct) indirect = total.minus(direct);
  } else if (typeITotal) {
    induced = total.minus(typeITotal);
    if (direct) indirect = typeITotal.minus(direct);
  }
  const finite = (d: Decimal | null, what: string): Decimal | null => (d === null ? null : finiteDecimal(d, FN, what));
  finite(total, "total jobs");
  finite(direct, "direct jobs");
  finite(indirect, "indirect jobs");
  finite(induced, "induced jobs");
  return Object.freeze({
    method,
    type,
    total,
    direct,
    indirect,
    induced,
    indirectAndInduced: direct ? total.minus(direct) : null,
  });
}
