import { checkedLeontiefInverse, closedHouseholdMatrix, JOBS_DEFAULT_TOLERANCE, matVec, toSquareMatrix, toVector, assertNonNegativeVector } from "./_lib/matrix.js";
import { toDecimalInRange, toNonEmptyString, toOptions, toRecord } from "../_lib/validate.js";
import { finiteNumbers, toDenseArray } from "./_lib/validate.js";
import type { JobsEffects } from "./types.js";

/**
 * Households closed into an input-output model (Miller & Blair's "closed with respect to
 * households" model): a household row of labour-income coefficients and a household column of
 * consumption coefficients.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface InputOutputHouseholds {
  /** Labour income paid per unit of output of each sector (the household row), ≥ 0, one per sector. */
  readonly laborIncome: readonly number[];
  /** Household purchases from each sector per unit of household income (the household column), ≥ 0. */
  readonly consumption: readonly number[];
  /** Household purchases of household services per unit of income (the corner coefficient); default 0. */
  readonly householdToHousehold?: number;
}

/**
 * The {@link inputOutputImpact} function options.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface InputOutputImpactOptions {
  /** Technical coefficients A (n×n, column = buying sector), as for {@link leontiefInverse}. */
  readonly technicalCoefficients: readonly (readonly number[])[];
  /** Jobs per unit of output of each sector (e.g. jobs per $1 million when output is in $ millions), ≥ 0. */
  readonly employmentPerOutput: readonly number[];
  /** Change in final demand for each sector, in the output unit; may be negative (a decrease). */
  readonly finalDemandChange: readonly number[];
  /** Close the model with respect to households to get induced effects. */
  readonly households?: InputOutputHouseholds;
  /** Optional sector names, one per sector, copied to the result. */
  readonly sectorNames?: readonly string[];
  /** Relative tolerance of the inversion, see {@link LeontiefInverseOptions}; default 1e-12. */
  readonly tolerance?: number;
}

/**
 * One sector of an {@link InputOutputImpactResult}.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface InputOutputSectorImpact {
  /** Sector position (0-based) in the matrices. */
  readonly index: number;
  /** Sector name, or `null` when none was given. */
  readonly name: string | null;
  /** Output change split by effect (output unit). */
  readonly output: JobsEffects<number>;
  /** Jobs split by effect. */
  readonly jobs: JobsEffects<number>;
}

/**
 * The result of {@link inputOutputImpact} (float64 numbers).
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface InputOutputImpactResult {
  /** Per-sector output and jobs. */
  readonly sectors: readonly InputOutputSectorImpact[];
  /** Output summed over sectors. */
  readonly output: JobsEffects<number>;
  /** Jobs summed over sectors. */
  readonly jobs: JobsEffects<number>;
  /** Whether households were closed into the model (else every `induced` is 0). */
  readonly householdsEndogenous: boolean;
  /** Total change in household (labour) income in the closed model, or `null` in the open model. */
  readonly householdIncome: number | null;
}

const FN = "inputOutputImpact";

function effects(direct: number, indirect: number, induced: number): JobsEffects<number> {
  return Object.freeze({ direct, indirect, induced, total: direct + indirect + induced });
}

/**
 * Output and jobs per sector caused by a change in final demand, split into direct, indirect and
 * (with households closed into the model) induced effects, with the Leontief model.
 *
 * Works in float64 `number`s: input-output coefficients are estimates, not money (see
 * {@link leontiefInverse}). Keep the units consistent: if final demand is in $ millions,
 * `employmentPerOutput` is jobs per $1 million of output.
 *
 * ## Notes
 * Open model: `L = (I − A)⁻¹`, `x = L Δf`; output effects: direct `Δf`, indirect `x − Δf`.
 * Closed model: `Ā = [[A, h_c], [h_r, h_hh]]`, `x̄ = (I − Ā)⁻¹ [Δf; 0]`; induced output is
 * `x̄₁..ₙ − x`. Jobs are `e ∘ output` for each effect (`e` = `employmentPerOutput`). The household
 * income change is `x̄ₙ₊₁`. Both A and Ā go through the checks of {@link leontiefInverse}
 * (a household column or row that makes a column sum ≥ 1 throws `NOT_PRODUCTIVE`).
 * With Δf ≥ 0 every effect is ≥ 0, so Type II (total) ≥ Type I (direct + indirect) ≥ direct.
 *
 * ## References
 * - Miller, R. E. and Blair, P. D. (2009), "Input-Output Analysis: Foundations and Extensions",
 *   2nd ed., ch. 2 (§2.3 impacts on industry outputs and employment; §2.5 open and closed
 *   models, induced effects) and ch. 6 (multipliers: Type I and Type II).
 *
 * @param options - see {@link InputOutputImpactOptions}
 * @returns per-sector and total output and jobs, each split into direct / indirect / induced
 * @throws {@link ValidationError} `DIMENSION_MISMATCH` when a vector or matrix size does not match,
 *   `INVALID_NUMBER` for NaN or ±Infinity, `OUT_OF_RANGE` for negative coefficients or
 *   employment, `NOT_PRODUCTIVE` / `SINGULAR_MATRIX` as in {@link leontiefInverse}
 * @throws {@link ValidationTypeError} when an argument is missing or of the wrong kind
 *
 * @example
 * ```ts
 * import { inputOutputImpact } from "marketplace-economics";
 * const r = inputOutputImpact({ technicalCoefficients: [[0.15, 0.25], [0.2, 0.05]], employmentPerOutput: [10, 5], finalDemandChange: [100, 0] });
 * r.sectors.map((s) => s.output.total.toFixed(2)); //=> ["125.41", "26.40"]
 * r.jobs.direct; //=> 1000
 * r.jobs.indirect.toFixed(2); //=> "386.14"
 * ```
 *
 * @category Jobs
 * @since 0.1.0
 */
export function inputOutputImpact(options: InputOutputImpactOptions): InputOutputImpactResult {
  const o = toOptions(toRecord(options, FN, "options"), FN, "options", ["technicalCoefficients", "employmentPerOutput", "finalDemandChange", "households", "sectorNames", "tolerance"]);
  const tolerance = o["tolerance"] === undefined ? JOBS_DEFAULT_TOLERANCE : toDecimalInRange(o["tolerance"], FN, "tolerance", 0, "0.001", { lowerOpen: true, upperOpen: true }).toNumber();
  const a = toSquareMatrix(o["technicalCoefficients"], FN, "technicalCoefficients");
  const n = a.n;
  const e = toVector(o["employmentPerOutput"], FN, "employmentPerOutput", n);
  assertNonNegativeVector(e, FN, "employmentPerOutput");
  const f = toVector(o["finalDemandChange"], FN, "finalDemandChange", n);
  let names: readonly string[] | null = null;
  if (o["sectorNames"] !== undefined) {
    const raw = toDenseArray<unknown>(o["sectorNames"], FN, "sectorNames", { maxLength: n + 1 });
    if (raw.length !== n)
      toVector(
        raw.map(() => 0),
        FN,
        "sectorNames",
        n,
      );
    names = raw.map((v, i) => toNonEmptyString(v, FN, `sectorNames[${i}]`));
  }
  const l = checkedLeontiefInverse(a, tolerance, FN, "technicalCoefficients");
  const x = matVec(l, n, f);
  let induced = new Float64Array(n);
  let householdIncome: number | null = null;
  const hh = o["households"];
  if (hh !== undefined) {
    const closed = closedHouseholdMatrix(a, hh, FN);
    const lb = checkedLeontiefInverse(closed, tolerance, FN, "households");
    const fb = new Float64Array(n + 1);
    fb.set(f);
    const xb = matVec(lb, n + 1, fb);
    induced = new Float64Array(n);
    for (let i = 0; i < n; i++) induced[i] = (xb[i] as number) - (x[i] as number);
    householdIncome = xb[n] as number;
  }
  // Huge final demand × a large inverse can overflow float64: a typed error, never Infinity (#11).
  finiteNumbers(x, FN, "finalDemandChange");
  finiteNumbers(induced, FN, "finalDemandChange");
  if (householdIncome !== null) finiteNumbers([householdIncome], FN, "finalDemandChange");
  const sectors: InputOutputSectorImpact[] = [];
  let od = 0,
    oi = 0,
    ou = 0,
    jd = 0,
    ji = 0,
    ju = 0;
  for (let i = 0; i < n; i++) {
    const dOut = f[i] as number;
    const iOut = (x[i] as number) - dOut;
    const uOut = induced[i] as number;
    const ei = e[i] as number;
    const output = effects(dOut, iOut, uOut);
    const jobs = effects(ei * dOut, ei * iOut, ei * uOut);
    od += dOut;
    oi += iOut;
    ou += uOut;
    jd += jobs.direct;
    ji += jobs.indirect;
    ju += jobs.induced;
    sectors.push(Object.freeze({ index: i, name: names ? (names[i] as string) : null, output, jobs }));
  }
  finiteNumbers([od, oi, ou, jd, ji, ju, od + oi + ou, jd + ji + ju], FN, "finalDemandChange");
  for (const s of sectors) finiteNumbers([s.output.total, s.jobs.direct, s.jobs.indirect, s.jobs.induced, s.jobs.total], FN, "finalDemandChange");
  return Object.freeze({
    sectors: Object.freeze(sectors),
    output: effects(od, oi, ou),
    jobs: effects(jd, ji, ju),
    householdsEndogenous: hh !== undefined,
    householdIncome,
  });
}
