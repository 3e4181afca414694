import { rangeError, toDecimal, toInteger, toOptions, toRecord, typeError } from "../_lib/validate.js";
import { ConvergenceError, ErrorCode } from "../errors.js";
import { MAX_DISTINCT_ROWS, MAX_FREQUENCY, ggLogLikelihood } from "./_lib/bgNbd.js";
import type { SpendRow } from "./_lib/bgNbd.js";
import { toIterableInput } from "./_lib/core.js";
import { nelderMead } from "./_lib/special.js";
import type { NumericInput } from "../money/types.js";

/**
 * One seller's (or customer's) spend summary, the input of the Gamma-Gamma model.
 *
 * @category Sellers
 * @since 0.3.0
 */
export interface SpendSummary {
  /** x: repeat purchases (the purchases the average is taken over), an integer ≥ 0; summaries with 0 are skipped by {@link fitGammaGamma}. */
  readonly frequency: number;
  /** m̄ₓ: average value of those x purchases, > 0 when x > 0 (any number ≥ 0 when x is 0, ignored). */
  readonly monetaryValue: NumericInput;
  /** Sellers with exactly this summary (a positive integer, default 1). */
  readonly count?: number;
}

/**
 * Parameters of a Gamma-Gamma spend model: a purchase's value is Gamma(p, ν) around a seller's
 * mean, ν ~ Gamma(q, γ) across sellers. Float64 numbers (statistical estimates, not money; γ is
 * in the currency unit of the data).
 *
 * @category Sellers
 * @since 0.3.0
 */
export interface GammaGammaParameters {
  /** p: shape of the value of one purchase, > 0. */
  readonly p: number;
  /** q: shape of the Gamma distribution of ν across sellers, > 0 (> 1 for a finite mean spend). */
  readonly q: number;
  /** γ: scale of that Gamma distribution, > 0, in currency units. */
  readonly gamma: number;
}

/**
 * The {@link fitGammaGamma} function options.
 *
 * @category Sellers
 * @since 0.3.0
 */
export interface FitGammaGammaOptions {
  /** Most Nelder–Mead iterations (100 to 1,000,000; default 50,000). */
  readonly maxIterations?: number;
}

/**
 * Result of {@link fitGammaGamma}.
 *
 * @category Sellers
 * @since 0.3.0
 */
export interface GammaGammaFit extends GammaGammaParameters {
  /** Kind tag, always `"gamma-gamma"`. */
  readonly kind: "gamma-gamma";
  /** Log-likelihood at the parameters (natural log, over the sellers fitted; includes the −ln Γ(px) and (px − 1) ln m̄ₓ terms). */
  readonly logLikelihood: number;
  /** Sellers fitted (frequency > 0, Σ count). */
  readonly sellers: number;
  /** Sellers skipped because their frequency is 0 (no repeat purchase to average). */
  readonly skipped: number;
  /** Nelder–Mead iterations used. */
  readonly iterations: number;
}

const LOG_BOUND = 25;

/**
 * Fit the Gamma-Gamma model of spend per purchase to sellers' (or customers') average repeat
 * purchase values, by maximum likelihood.
 *
 * ## Notes
 * For a seller with x repeat purchases averaging m̄ₓ (Fader & Hardie 2013, eq. 5):
 * ln L = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln m̄ₓ + px ln x − (px + q) ln(γ + x m̄ₓ),
 * summed over sellers with x > 0 (the others carry no spend information and are counted in
 * `skipped`). Maximised over (ln p, ln q, ln γ) by Nelder–Mead with restarts from p = q = γ = 1,
 * in float64 (the averages are converted from Decimal to the nearest double). The model assumes
 * spend is independent of purchase frequency; check that correlation before using it.
 *
 * Validation: on the 946 CDNOW customers with a repeat purchase, the note reports p = 6.25,
 * q = 3.74, γ = 15.44. This function returns p = 6.249, q = 3.745, γ = 15.448: p and q agree to
 * the printed precision, γ is 0.008 above the printed 15.44 (the likelihood is flat along that
 * ridge; lifetimes' `test_params_out_is_close_to_Hardie_paper` accepts 0.015).
 *
 * ## References
 * P. S. Fader, B. G. S. Hardie (2013), "The Gamma-Gamma Model of Monetary Value",
 * http://brucehardie.com/notes/025/.
 *
 * @param summaries - {@link SpendSummary} records (`frequency`, `monetaryValue`, optional `count`); an array or any iterable, read once
 * @param options - `maxIterations`
 * @returns the frozen fit: `p`, `q`, `gamma`, `logLikelihood`, counts
 * @throws {@link ValidationError} when a frequency is not an integer ≥ 0, a monetary value is not > 0 for x > 0, no summary has x > 0 (`EMPTY_INPUT`), or the maximum lies at a bound (`UNDEFINED_RESULT`)
 * @throws {@link ValidationTypeError} when `summaries` is not iterable or a field has the wrong type
 * @throws {@link ConvergenceError} when the simplex does not converge (`NOT_CONVERGED`)
 *
 * @example
 * ```ts
 * import { fitGammaGamma } from "marketplace-economics";
 * // The first twelve CDNOW customers with a repeat purchase (x, average), and one without.
 * const rows = [[2, "22.35"], [1, "11.77"], [7, "73.74"], [1, "11.77"], [2, "25.55"], [5, "29.44"], [10, "24.24"], [1, "9.99"], [3, "25.08"], [2, "32.30"], [1, "227.14"], [1, "80.46"], [0, "0"]] as const;
 * const fit = fitGammaGamma(rows.map(([frequency, monetaryValue]) => ({ frequency, monetaryValue })));
 * fit.sellers; //=> 12
 * fit.skipped; //=> 1
 * fit.q.toFixed(2); //=> "3.06"
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export function fitGammaGamma(summaries: Iterable<SpendSummary>, options?: FitGammaGammaOptions): GammaGammaFit {
  const fn = "fitGammaGamma";
  const o = toOptions(options, fn, "options", ["maxIterations"]);
  const maxIterations = o["maxIterations"] === undefined ? 50_000 : toInteger(o["maxIterations"], fn, "options.maxIterations", 100, 1_000_000);
  const source = toIterableInput<unknown>(summaries, fn, "summaries", "spend summaries { frequency, monetaryValue }");
  const byKey = new Map<string, SpendRow>();
  let sellers = 0;
  let skipped = 0;
  let i = 0;
  for (const item of source) {
    const s = readSpend(item, fn, `summaries[${i}]`);
    i += 1;
    if (s.x === 0) {
      skipped += s.count;
      continue;
    }
    sellers += s.count;
    if (!Number.isSafeInteger(sellers)) rangeError(fn, `summaries[${i - 1}].count`, ErrorCode.OUT_OF_RANGE, "makes the total count exceed 2^53 − 1", s.count, "smaller counts");
    const key = `${s.x}|${s.m}`;
    const hit = byKey.get(key);
    if (hit !== undefined) hit.count += s.count;
    else {
      if (byKey.size >= MAX_DISTINCT_ROWS) rangeError(fn, "summaries", ErrorCode.OUT_OF_RANGE, `has more than ${MAX_DISTINCT_ROWS} distinct (frequency, monetaryValue) rows`, i, "fewer distinct rows");
      byKey.set(key, s);
    }
  }
  if (sellers === 0) rangeError(fn, "summaries", ErrorCode.EMPTY_INPUT, "must hold at least one summary with frequency > 0", skipped, "one or more { frequency > 0, monetaryValue > 0 } records");
  const rows = [...byKey.values()];
  const objective = (v: readonly number[]): number =>
    v.some((u) => Math.abs(u) > LOG_BOUND) ? Infinity : -ggLogLikelihood({ p: Math.exp(v[0] as number), q: Math.exp(v[1] as number), gamma: Math.exp(v[2] as number) }, rows);
  const found = nelderMead(objective, [0, 0, 0], { maxIterations, bound: LOG_BOUND - 1 });
  if (found.x.some((u) => Math.abs(u) > LOG_BOUND - 1)) {
    rangeError(
      fn,
      "summaries",
      ErrorCode.UNDEFINED_RESULT,
      "give a likelihood whose maximum lies at a parameter bound: the data do not identify the model (e.g. every seller has the same average)",
      sellers,
      "summaries whose averages vary across sellers",
    );
  }
  if (!found.converged) throw new ConvergenceError(fn, ErrorCode.NOT_CONVERGED, `the Nelder–Mead simplex did not converge in ${maxIterations} iterations`, { iterations: found.iterations });
  const [p, q, gamma] = found.x.map(Math.exp) as [number, number, number];
  return Object.freeze({ kind: "gamma-gamma" as const, p, q, gamma, logLikelihood: -found.value, sellers, skipped, iterations: found.iterations });
}

function readSpend(value: unknown, fn: string, arg: string): SpendRow {
  const r = toRecord(value, fn, arg);
  let frequency: unknown;
  let monetaryValue: unknown;
  let count: unknown;
  try {
    frequency = r["frequency"];
    monetaryValue = r["monetaryValue"];
    count = r["count"];
  } catch {
    typeError(fn, arg, ErrorCode.INVALID_TYPE, "could not be read (its getter threw)", undefined, "a summary { frequency, monetaryValue }");
  }
  const x = toInteger(frequency, fn, `${arg}.frequency`, 0, MAX_FREQUENCY);
  const c = count === undefined ? 1 : toInteger(count, fn, `${arg}.count`, 1, Number.MAX_SAFE_INTEGER);
  const d = toDecimal(monetaryValue, fn, `${arg}.monetaryValue`);
  const m = d.toNumber();
  if (x === 0) {
    if (d.isNegative()) rangeError(fn, `${arg}.monetaryValue`, ErrorCode.OUT_OF_RANGE, "must not be negative", monetaryValue, "an average value ≥ 0");
    return { x, m: 0, count: c };
  }
  if (!(m > 0) || !Number.isFinite(m) || m > 1e15)
    rangeError(fn, `${arg}.monetaryValue`, ErrorCode.OUT_OF_RANGE, "must be > 0 and ≤ 1e15 when frequency > 0", monetaryValue, "the average value (> 0) of the seller's repeat purchases");
  return { x, m, count: c };
}
