import { checkedLeontiefInverse, JOBS_DEFAULT_TOLERANCE, toFrozenRows, toSquareMatrix } from "./_lib/matrix.js";
import { toDecimalInRange, toOptions } from "../_lib/validate.js";

/**
 * The {@link leontiefInverse} function options.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface LeontiefInverseOptions {
  /**
   * Relative tolerance (default `1e-12`, allowed 0 < t < 1e-3). A pivot of `I − A` at or below
   * `tolerance × ‖I − A‖∞` counts as singular; an entry of the inverse below
   * `−tolerance × max|L|` counts as negative (non-productive), and negative round-off above that
   * bound is set to 0.
   */
  readonly tolerance?: number;
}

const FN = "leontiefInverse";

/**
 * The Leontief inverse `L = (I − A)⁻¹` of a technical-coefficient matrix.
 *
 * `A[i][j]` is the input from sector `i` needed per unit of output of sector `j` (columns are
 * the buying sectors). `L[i][j]` is the total (direct + indirect) output of sector `i` needed per
 * unit of final demand for sector `j`.
 *
 * Input-output coefficients are ratios of flows, so this works in float64 (plain `number`
 * matrices), not Decimal: the results are model estimates with a stated tolerance, not money.
 *
 * ## Notes
 * Gauss–Jordan elimination with partial pivoting on `[I − A | I]`, O(n³). Checks, in order:
 * square, finite entries, every `A[i][j] ≥ 0`, every pivot `> tolerance × ‖I − A‖∞` (else
 * `SINGULAR_MATRIX`), every column sum `< 1` (else `NOT_PRODUCTIVE`: the standard sufficient
 * condition for a productive monetary table, each sector having positive value added; it is
 * stricter than Hawkins–Simon, and a column sum of exactly 1 is rejected), every entry of `L`
 * `≥ −tolerance × max|L|` (else `NOT_PRODUCTIVE`). With these checks `L ≥ 0` and `diag(L) ≥ 1`. In tests
 * `‖L (I − A) − I‖∞` stays below 1e-9 for productive matrices up to 400 sectors.
 *
 * ## References
 * - Miller, R. E. and Blair, P. D. (2009), "Input-Output Analysis: Foundations and Extensions",
 *   2nd ed., Cambridge University Press, ch. 2 (§2.3 numerical example: A = [[.15, .25], [.20, .05]],
 *   L = [[1.254, .330], [.264, 1.122]]; §2.4 power series; Hawkins–Simon conditions).
 *
 * @param technicalCoefficients - square matrix A (at most 1,000 sectors, no holes) of finite, non-negative coefficients, column sums < 1
 * @param options - see {@link LeontiefInverseOptions}
 * @returns the frozen matrix `(I − A)⁻¹` as `number[][]`
 * @throws {@link ValidationError} `DIMENSION_MISMATCH` for a non-square matrix, `INVALID_NUMBER` for NaN
 *   or ±Infinity, `OUT_OF_RANGE` for a negative coefficient or bad tolerance, `NOT_PRODUCTIVE`
 *   for a column sum ≥ 1 or a negative inverse, `SINGULAR_MATRIX` when `I − A` cannot be inverted
 * @throws {@link ValidationTypeError} when the matrix is not an array of arrays, or empty, or has a
 *   hole (`MISSING_VALUE`); `null` options are a typed error, an unknown option key `UNKNOWN_OPTION`.
 *   A near-singular `I − A` whose inverse would overflow float64 throws `SINGULAR_MATRIX`: the
 *   result never holds NaN or Infinity (#11).
 *
 * @example
 * ```ts
 * import { leontiefInverse } from "marketplace-economics";
 * const L = leontiefInverse([[0.15, 0.25], [0.2, 0.05]]);
 * L.map((row) => row.map((v) => v.toFixed(3))); //=> [["1.254", "0.330"], ["0.264", "1.122"]]
 * ```
 *
 * @category Jobs
 * @since 0.1.0
 */
export function leontiefInverse(technicalCoefficients: readonly (readonly number[])[], options?: LeontiefInverseOptions): readonly (readonly number[])[] {
  const o = toOptions(options, FN, "options", ["tolerance"]);
  const tolerance = o["tolerance"] === undefined ? JOBS_DEFAULT_TOLERANCE : toDecimalInRange(o["tolerance"], FN, "tolerance", 0, "0.001", { lowerOpen: true, upperOpen: true }).toNumber();
  const a = toSquareMatrix(technicalCoefficients, FN, "technicalCoefficients");
  return toFrozenRows(checkedLeontiefInverse(a, tolerance, FN, "technicalCoefficients"), a.n);
}
