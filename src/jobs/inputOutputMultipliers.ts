import { assertNonNegativeMatrix, assertNonNegativeVector, checkedLeontiefInverse, closedHouseholdMatrix, JOBS_DEFAULT_TOLERANCE, toSquareMatrix, toVector } from "./_lib/matrix.js";
import { toDecimalInRange, toNonEmptyString, toOptions, toRecord } from "../_lib/validate.js";
import { finiteNumbers, toDenseArray } from "./_lib/validate.js";
import type { InputOutputHouseholds } from "./inputOutputImpact.js";

/**
 * The {@link inputOutputMultipliers} function options.
 *
 * @category Jobs
 * @since 0.2.0
 */
export interface InputOutputMultipliersOptions {
  /** Technical coefficients A (n×n, column = buying sector), ≥ 0, as for {@link leontiefInverse}. */
  readonly technicalCoefficients: readonly (readonly number[])[];
  /** Jobs per unit of output of each sector (e.g. per $1 million), ≥ 0: adds the employment multipliers. */
  readonly employmentPerOutput?: readonly number[];
  /** Households closed into the model (labour-income row, consumption column): adds the Type II multipliers. */
  readonly households?: InputOutputHouseholds;
  /** Optional sector names, one per sector, copied to the result. */
  readonly sectorNames?: readonly string[];
  /** Relative tolerance of the inversion, see {@link LeontiefInverseOptions}; default 1e-12. */
  readonly tolerance?: number;
}

/**
 * The multipliers of one sector (one column of the inverse) in an {@link InputOutputMultipliers}.
 *
 * @category Jobs
 * @since 0.2.0
 */
export interface InputOutputSectorMultipliers {
  /** The sector's name, or `null` when no names were given. */
  readonly name: string | null;
  /** Simple (Type I) output multiplier: total output of all sectors per unit of final demand for this one, Σᵢ Lᵢⱼ. */
  readonly outputTypeI: number;
  /** Total (Type II) output multiplier over the n sectors, Σᵢ≤ₙ L̄ᵢⱼ (households closed in); `null` without households. */
  readonly outputTypeII: number | null;
  /** Σᵢ≤ₙ₊₁ L̄ᵢⱼ, the Type II output multiplier that also counts the household row (labour income); `null` without households. */
  readonly outputTypeIIWithHouseholds: number | null;
  /** Jobs in all sectors per unit of final demand for this one, Σᵢ eᵢ Lᵢⱼ (the simple employment multiplier); `null` without employment. */
  readonly jobsPerUnitTypeI: number | null;
  /** Σᵢ≤ₙ eᵢ L̄ᵢⱼ, jobs per unit of final demand with households closed in; `null` without employment or households. */
  readonly jobsPerUnitTypeII: number | null;
  /** Type I employment multiplier: all jobs per direct job of the sector, Σᵢ eᵢ Lᵢⱼ / eⱼ; `null` when eⱼ = 0 or no employment. */
  readonly employmentTypeI: number | null;
  /** Type II employment multiplier, Σᵢ≤ₙ eᵢ L̄ᵢⱼ / eⱼ; `null` when eⱼ = 0, or without employment or households. */
  readonly employmentTypeII: number | null;
}

/**
 * The result of {@link inputOutputMultipliers}: one entry per sector, in input order.
 *
 * @category Jobs
 * @since 0.2.0
 */
export interface InputOutputMultipliers {
  readonly sectors: readonly InputOutputSectorMultipliers[];
}

const FN = "inputOutputMultipliers";

/**
 * Output and employment multipliers, Type I and Type II, of an input-output model.
 *
 * With L = (I − A)⁻¹ the Leontief inverse of the open model and L̄ the inverse of the model closed
 * with respect to households (A bordered by the household consumption column and the
 * labour-income row, see {@link InputOutputHouseholds}), for the sector j:
 *
 * - simple (Type I) output multiplier mⱼ = Σᵢ Lᵢⱼ; total (Type II) m̄ⱼ = Σᵢ≤ₙ L̄ᵢⱼ (and, counting the
 *   household row too, Σᵢ≤ₙ₊₁ L̄ᵢⱼ, the "total output multiplier" of the MIT/Miller–Blair example below);
 * - simple employment multiplier Σᵢ eᵢ Lᵢⱼ (jobs per unit of final demand) and the Type I
 *   employment multiplier Σᵢ eᵢ Lᵢⱼ / eⱼ (jobs per direct job); Type II with L̄.
 *
 * ## Notes
 * For a productive economy (A ≥ 0 with every column sum below 1) L = I + A + A² + … ≥ I, so every
 * Type I multiplier is ≥ 1, and L̄'s sector block is ≥ L, so Type II ≥ Type I (property-tested).
 * Works in float64, as {@link leontiefInverse}; the inverse is checked to be non-negative.
 *
 * ## References
 * R. E. Miller and P. D. Blair, *Input-Output Analysis: Foundations and Extensions*, 2nd ed.
 * (Cambridge University Press, 2009), ch. 6 (multipliers: § 6.2 output, § 6.3 income, § 6.4
 * employment; Type I and Type II, § 6.2.2 models closed with respect to households) and § 2.5
 * (closed models). The test values are Miller & Blair's two-sector example as reproduced in
 * W. Li, "Multipliers in Input-Output Model", MIT OpenCourseWare 11.481J (Spring 2009), lecture 19a
 * ("Source: Miller and Blair (1985)"): A = [[.15, .25], [.20, .05]] gives simple output
 * multipliers 1.518 and 1.452; closed with households it gives 2.462 and 2.262.
 *
 * @param options - {@link InputOutputMultipliersOptions}: technical coefficients, optional jobs per unit of output and households
 * @returns per sector, the output and employment multipliers (plain numbers; `null` where the input for it was not given)
 * @throws {@link ValidationError} when a matrix or vector is malformed, negative, of the wrong length, the model is not productive (`NOT_PRODUCTIVE`, `SINGULAR_MATRIX`), or an option key is unknown
 * @throws {@link ValidationTypeError} when an argument has the wrong type
 *
 * @example
 * ```ts
 * import { inputOutputMultipliers } from "marketplace-economics";
 * const m = inputOutputMultipliers({
 *   technicalCoefficients: [[0.15, 0.25], [0.2, 0.05]],
 *   households: { laborIncome: [0.3, 0.25], consumption: [0.05, 0.4], householdToHousehold: 0.05 },
 * });
 * m.sectors.map((s) => s.outputTypeI.toFixed(3)); //=> ["1.518", "1.452"]
 * m.sectors.map((s) => s.outputTypeIIWithHouseholds?.toFixed(3)); //=> ["2.462", "2.262"]
 * ```
 *
 * @category Jobs
 * @since 0.2.0
 */
export function inputOutputMultipliers(options: InputOutputMultipliersOptions): InputOutputMultipliers {
  const o = toOptions(toRecord(options, FN, "options"), FN, "options", ["technicalCoefficients", "employmentPerOutput", "households", "sectorNames", "tolerance"]);
  const tolerance = o["tolerance"] === undefined ? JOBS_DEFAULT_TOLERANCE : toDecimalInRange(o["tolerance"], FN, "tolerance", 0, "0.001", { lowerOpen: true, upperOpen: true }).toNumber();
  const a = toSquareMatrix(o["technicalCoefficients"], FN, "technicalCoefficients");
  assertNonNegativeMatrix(a, FN, "technicalCoefficients");
  const n = a.n;
  let e: Float64Array | null = null;
  if (o["employmentPerOutput"] !== undefined) {
    e = toVector(o["employmentPerOutput"], FN, "employmentPerOutput", n);
    assertNonNegativeVector(e, FN, "employmentPerOutput");
  }
  let names: readonly string[] | null = null;
  if (o["sectorNames"] !== undefined) {
    const raw = toDenseArray<unknown>(o["sectorNames"], FN, "sectorNames", { maxLength: n + 1 });
    // Same length check (and message) as every other per-sector vector.
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
  let lb: Float64Array | null = null;
  if (o["households"] !== undefined) lb = checkedLeontiefInverse(closedHouseholdMatrix(a, o["households"], FN), tolerance, FN, "households");
  const m = n + 1;
  const sectors: InputOutputSectorMultipliers[] = [];
  for (let j = 0; j < n; j++) {
    let out1 = 0;
    let jobs1 = 0;
    let out2 = 0;
    let jobs2 = 0;
    for (let i = 0; i < n; i++) {
      const lij = l[i * n + j] as number;
      out1 += lij;
      if (e) jobs1 += (e[i] as number) * lij;
      if (lb) {
        const bij = lb[i * m + j] as number;
        out2 += bij;
        if (e) jobs2 += (e[i] as number) * bij;
      }
    }
    const out2h = lb ? out2 + (lb[n * m + j] as number) : 0;
    const ej = e ? (e[j] as number) : 0;
    const values = [out1, out2, out2h, jobs1, jobs2, ej > 0 ? jobs1 / ej : 0, ej > 0 ? jobs2 / ej : 0];
    // Huge coefficients can overflow float64: a typed error, never Infinity (#11).
    finiteNumbers(values, FN, "technicalCoefficients");
    sectors.push(
      Object.freeze({
        name: names ? (names[j] as string) : null,
        outputTypeI: out1,
        outputTypeII: lb ? out2 : null,
        outputTypeIIWithHouseholds: lb ? out2h : null,
        jobsPerUnitTypeI: e ? jobs1 : null,
        jobsPerUnitTypeII: e && lb ? jobs2 : null,
        employmentTypeI: e && ej > 0 ? jobs1 / ej : null,
        employmentTypeII: e && lb && ej > 0 ? jobs2 / ej : null,
      }),
    );
  }
  return Object.freeze({ sectors: Object.freeze(sectors) });
}
