import { Decimal, exactPlus, exactTimes } from "../_lib/decimal.js";
import { deepFreeze } from "../_lib/freeze.js";
import { ErrorCode } from "../errors.js";
import { rangeError, toArray, toDecimal, toOption, toOptions } from "../_lib/validate.js";
import type { NumericInput } from "../money/types.js";

/**
 * The {@link chainLadder} function options.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface ChainLadderOptions {
  /** Whether the triangle holds cumulative amounts (`"cumulative"`, the default) or per-period increments (`"incremental"`). */
  readonly input?: "cumulative" | "incremental";
  /** Development beyond the last observed age, a multiplier ≥ 0 applied to every projection (default 1: no tail). */
  readonly tailFactor?: NumericInput;
}

/**
 * One origin (cohort) of a {@link ChainLadderResult}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface ChainLadderOrigin {
  /** Row index in the input triangle. */
  readonly index: number;
  /** Latest observed development age (0-based column index of the last entry of the row). */
  readonly age: number;
  /** Latest observed cumulative amount. */
  readonly latest: Decimal;
  /** Age-to-ultimate factor of `age`: Π of the development factors from `age` on, times the tail. */
  readonly ageToUltimate: Decimal;
  /** latest × ageToUltimate. */
  readonly ultimate: Decimal;
  /** ultimate − latest: what is still to come (the reserve, or the repayments still expected). */
  readonly reserve: Decimal;
  /** latest / ultimate = 1 / ageToUltimate ("Dev.To.Date"), or `null` when the ultimate is 0. */
  readonly developedToDate: Decimal | null;
}

/**
 * Result of {@link chainLadder}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface ChainLadderResult {
  /** Volume-weighted development (link) factors f₀ … f₍ₙ₋₂₎: fₖ takes age k to age k + 1. */
  readonly developmentFactors: readonly Decimal[];
  /** Age-to-ultimate factors of every age 0 … n − 1 (the last is the tail factor). */
  readonly ageToUltimate: readonly Decimal[];
  /** Individual link ratios C₍ᵢ,ₖ₊₁₎ / C₍ᵢ,ₖ₎ of every observed pair, `null` where C₍ᵢ,ₖ₎ is 0. */
  readonly linkRatios: readonly (readonly (Decimal | null)[])[];
  /** One entry per input row, in order. */
  readonly origins: readonly ChainLadderOrigin[];
  /** Σ latest. */
  readonly totalLatest: Decimal;
  /** Σ ultimate (computed as one exact fraction, then rounded once). */
  readonly totalUltimate: Decimal;
  /** Σ reserve = totalUltimate − totalLatest. */
  readonly totalReserve: Decimal;
}

const FN = "chainLadder";
/** Most origins (rows) of a triangle. */
const MAX_ORIGINS = 10_000;
/** Most development ages (columns) of a triangle: 30 years of monthly ages. */
const MAX_AGES = 360;

/**
 * Project a development triangle to ultimate by the chain-ladder method: volume-weighted
 * development (link) factors, age-to-ultimate factors, and each origin's ultimate and reserve.
 * Used for vintage curves (cumulative repayments by months on book, see {@link vintageCurves})
 * as for insurance claims triangles.
 *
 * ## Notes
 * Rows are origins (funding cohorts), columns development ages; row i holds the cumulative
 * amounts C₍ᵢ,₀₎ … C₍ᵢ,ₐᵢ₎ observed so far (rows may have any length ≥ 1; the longest sets the
 * number of ages n). With `input: "incremental"` each row is accumulated first.
 * - Development factor of age k: fₖ = Σᵢ C₍ᵢ,ₖ₊₁₎ / Σᵢ C₍ᵢ,ₖ₎ over the rows observed at age k + 1
 *   (Mack 1993, eq. (3); "alpha = 1" of R ChainLadder). A column pair whose sums are both 0
 *   has fₖ = 1 (nothing developed); a zero denominator under a non-zero numerator has no factor
 *   and throws `UNDEFINED_RESULT`.
 * - Age-to-ultimate: Fₐ = fₐ × … × f₍ₙ₋₂₎ × tail; ultimate = latest × F₍ₐᵢ₎; reserve = ultimate − latest.
 * - Exactness: every figure is an exact fraction of the inputs (products of the column sums,
 *   multiplied with unbounded precision) divided **once**, to 20 significant digits (half-up);
 *   no rounded factor is ever multiplied again. `totalUltimate` is the exact sum of the
 *   origins' fractions, divided once.
 * - Bounds: at most 10,000 rows and 360 ages.
 *
 * ## References
 * T. Mack (1993), "Distribution-free calculation of the standard error of chain ladder reserve
 * estimates", ASTIN Bulletin 23(2), 213–225; M. Gesmann et al., R package ChainLadder
 * (`chainladder`, `MackChainLadder`), whose vignette prints the RAA triangle projection this
 * function is tested against.
 *
 * @param triangle - rows of amounts (numbers, numeric strings or Decimals), one row per origin
 * @param options - input form and tail factor
 * @returns a frozen {@link ChainLadderResult}
 * @throws {@link ValidationError} when the triangle is empty, has a hole, an empty row, a
 *   non-finite value, more than 10,000 rows or 360 ages, a factor with a zero denominator
 *   (`UNDEFINED_RESULT`), a negative tail factor or an unknown option
 *
 * @example
 * ```ts
 * import { chainLadder } from "marketplace-economics";
 * const cl = chainLadder([[100, 150, 165], [110, 170], [120]]);
 * cl.developmentFactors.map((f) => f.toFixed(4)); //=> ["1.5238", "1.1000"]
 * cl.origins.map((o) => o.ultimate.toFixed(2)); //=> ["165.00", "187.00", "201.14"]
 * cl.totalReserve.toFixed(2); //=> "98.14"
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export function chainLadder(triangle: readonly (readonly NumericInput[])[], options?: ChainLadderOptions): ChainLadderResult {
  const o = toOptions(options, FN, "options", ["input", "tailFactor"]);
  const input = o.input === undefined ? "cumulative" : toOption(o.input, FN, "options.input", ["cumulative", "incremental"] as const);
  const tail = o.tailFactor === undefined ? new Decimal(1) : toDecimal(o.tailFactor, FN, "options.tailFactor");
  if (tail.isNegative()) rangeError(FN, "options.tailFactor", ErrorCode.OUT_OF_RANGE, "must be ≥ 0", o.tailFactor, "a multiplier ≥ 0 (1 = no tail)");
  const rows = toArray<unknown>(triangle, FN, "triangle", { nonEmpty: true, maxLength: MAX_ORIGINS }).map((raw, i) => {
    const cells = toArray<unknown>(raw, FN, `triangle[${i}]`, { nonEmpty: true, maxLength: MAX_AGES });
    let run = new Decimal(0);
    return cells.map((c, k) => {
      const d = toDecimal(c, FN, `triangle[${i}][${k}]`);
      if (input === "cumulative") return d;
      run = exactPlus(run, d);
      return run;
    });
  });
  const n = Math.max(...rows.map((r) => r.length));
  // Column-pair sums over the rows observed at age k + 1: num[k] = Σ C(i,k+1), den[k] = Σ C(i,k).
  const num: Decimal[] = [];
  const den: Decimal[] = [];
  for (let k = 0; k < n - 1; k++) {
    let a = new Decimal(0);
    let b = new Decimal(0);
    for (const r of rows) {
      if (r.length > k + 1) {
        a = exactPlus(a, r[k + 1]!);
        b = exactPlus(b, r[k]!);
      }
    }
    if (b.isZero()) {
      if (!a.isZero())
        rangeError(
          FN,
          `triangle (age ${k})`,
          ErrorCode.UNDEFINED_RESULT,
          `has no development factor from age ${k} to ${k + 1}: the amounts at age ${k} sum to 0 but those at age ${k + 1} do not`,
          a,
          "a triangle whose column sums at each age are non-zero (or zero at both ages)",
        );
      a = new Decimal(1);
      b = new Decimal(1);
    }
    num.push(a);
    den.push(b);
  }
  // Suffix products: P[a] = Π_{k ≥ a} num[k] × tail, Q[a] = Π_{k ≥ a} den[k]; prefix R[a] = Π_{k < a} den[k].
  const P: Decimal[] = new Array<Decimal>(n);
  const Q: Decimal[] = new Array<Decimal>(n);
  P[n - 1] = tail;
  Q[n - 1] = new Decimal(1);
  for (let k = n - 2; k >= 0; k--) {
    P[k] = exactTimes(P[k + 1]!, num[k]!);
    Q[k] = exactTimes(Q[k + 1]!, den[k]!);
  }
  const R: Decimal[] = [new Decimal(1)];
  for (let k = 0; k < n - 1; k++) R.push(exactTimes(R[k]!, den[k]!));
  // One correctly rounded division (decimal.js rounds a quotient to 20 significant digits, half-up; operands are never rounded first).
  const div = (a: Decimal, b: Decimal): Decimal => new Decimal(a).div(b);
  const developmentFactors = num.map((a, k) => div(a, den[k]!));
  const ageToUltimate = P.map((p, a) => div(p, Q[a]!));
  let totalLatest = new Decimal(0);
  let totalNum = new Decimal(0);
  const origins = rows.map((r, index) => {
    const age = r.length - 1;
    const latest = r[age]!;
    const un = exactTimes(latest, P[age]!);
    const ultimate = div(un, Q[age]!);
    totalLatest = exactPlus(totalLatest, latest);
    totalNum = exactPlus(totalNum, exactTimes(un, R[age]!));
    return {
      index,
      age,
      latest,
      ageToUltimate: ageToUltimate[age]!,
      ultimate,
      reserve: div(exactPlus(un, exactTimes(latest, Q[age]!).neg()), Q[age]!),
      developedToDate: un.isZero() ? null : div(exactTimes(latest, Q[age]!), un),
    };
  });
  // Σ latest·P[a]/Q[a] over the common denominator Q[0] (Q[0] / Q[a] = R[a]).
  const totalUltimate = div(totalNum, Q[0]!);
  const totalReserve = div(exactPlus(totalNum, exactTimes(totalLatest, Q[0]!).neg()), Q[0]!);
  const linkRatios = rows.map((r) => r.slice(0, -1).map((c, k) => (c.isZero() ? null : div(r[k + 1]!, c))));
  return deepFreeze({ developmentFactors, ageToUltimate, linkRatios, origins, totalLatest, totalUltimate, totalReserve });
}
