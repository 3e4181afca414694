import { toInteger, toOptions, rangeError } from "../_lib/validate.js";
import { ConvergenceError, ErrorCode } from "../errors.js";
import { bgLogLikelihood, compressRfm } from "./_lib/bgNbd.js";
import { nelderMead } from "./_lib/special.js";

/**
 * One seller's (or customer's) repeat-purchase summary, the input of the BG/NBD model: how many
 * repeat purchases it made, when the last one was, and how long it has been observed. Times are in
 * one unit of your choice (days, weeks…), the same for every summary and for every horizon later
 * asked of the fitted model.
 *
 * @category Sellers
 * @since 0.3.0
 */
export interface RepeatPurchaseSummary {
  /** x: repeat purchases (purchases after the first), an integer ≥ 0. */
  readonly frequency: number;
  /** tₓ: time from the first purchase to the last one, 0 ≤ recency ≤ T (0 when frequency is 0). */
  readonly recency: number;
  /** T: time from the first purchase to the end of the observation period, > 0. */
  readonly T: number;
  /** Sellers with exactly this summary (a positive integer, default 1): lets a compressed table be fitted. */
  readonly count?: number;
}

/**
 * Parameters of a BG/NBD model: purchases of an active seller follow a Poisson process of rate λ,
 * λ ~ Gamma(shape r, rate α) across sellers; after each purchase the seller drops out with
 * probability p, p ~ Beta(a, b). Plain float64 numbers (statistical estimates, not money).
 *
 * @category Sellers
 * @since 0.3.0
 */
export interface BgNbdParameters {
  /** r: shape of the Gamma distribution of purchase rates, > 0. */
  readonly r: number;
  /** α: rate (scale, in the time unit of the data) of that Gamma distribution, > 0. */
  readonly alpha: number;
  /** a: first shape of the Beta distribution of the dropout probability, > 0. */
  readonly a: number;
  /** b: second shape of that Beta distribution, > 0. */
  readonly b: number;
}

/**
 * The {@link fitBgNbd} function options.
 *
 * @category Sellers
 * @since 0.3.0
 */
export interface FitBgNbdOptions {
  /** Most Nelder–Mead iterations (100 to 1,000,000; default 50,000). */
  readonly maxIterations?: number;
}

/**
 * Result of {@link fitBgNbd}: the maximum-likelihood parameters and the fit.
 *
 * @category Sellers
 * @since 0.3.0
 */
export interface BgNbdFit extends BgNbdParameters {
  /** Kind tag, always `"bg-nbd"`. */
  readonly kind: "bg-nbd";
  /** Log-likelihood at the parameters (natural log, summed over sellers). */
  readonly logLikelihood: number;
  /** Sellers fitted (Σ count). */
  readonly sellers: number;
  /** Distinct (frequency, recency, T) rows the likelihood was evaluated on. */
  readonly distinctSummaries: number;
  /** Nelder–Mead iterations used. */
  readonly iterations: number;
}

/** Bound on |ln parameter|: a fit running beyond it has no interior maximum. */
const LOG_BOUND = 25;

/**
 * Fit the BG/NBD ("beta-geometric / negative binomial distribution") model of repeat purchases
 * to sellers' (or customers') repeat-purchase summaries by maximum likelihood.
 *
 * ## Notes
 * The log-likelihood of Fader, Hardie & Lee (2005, eq. 6) for a summary (x, tₓ, T) is
 * ln[B(a, b + x)/B(a, b)] + ln[Γ(r + x) α^r / Γ(r)]
 * + ln[(α + T)^−(r+x) + δ(x>0) · a/(b + x − 1) · (α + tₓ)^−(r+x)],
 * summed over sellers. It is maximised over (ln r, ln α, ln a, ln b) with the Nelder–Mead simplex
 * (Nelder & Mead 1965; standard coefficients), restarted from the best vertex until a restart no
 * longer improves the likelihood (relative 1e-13), from r = α = a = b = 1. Arithmetic is IEEE-754
 * float64 (ln Γ by the Lanczos approximation, relative error about 1e-15): the parameters are
 * statistical estimates, not money, and are returned as plain numbers.
 *
 * Validated against the published fit: on the CDNOW sample (2,357 customers, weeks) the paper
 * reports r = 0.243, α = 4.414, a = 0.793, b = 2.426 and ln L = −9582.4; this function returns
 * the same values to that precision (the test fixture is lifetimes' copy of the data).
 *
 * Degenerate input throws: without any repeat purchase the likelihood has no interior maximum.
 *
 * ## Streaming
 * `summaries` may be an array or any `Iterable`, read once; identical summaries are counted
 * together (memory is one row per distinct (frequency, recency, T), at most 10,000,000), so a
 * log summarised by shards can be fitted by concatenating the shards' summaries or passing
 * pre-counted rows with `count`.
 *
 * ## References
 * - P. S. Fader, B. G. S. Hardie, K. L. Lee (2005), "'Counting Your Customers' the Easy Way: An
 *   Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275–284.
 * - J. A. Nelder, R. Mead (1965), "A simplex method for function minimization", The Computer
 *   Journal 7(4), 308–313.
 *
 * @param summaries - {@link RepeatPurchaseSummary} records (`frequency`, `recency`, `T`, optional `count`), times in one unit
 * @param options - `maxIterations`
 * @returns the frozen fit: `r`, `alpha`, `a`, `b`, `logLikelihood`, counts
 * @throws {@link ValidationError} when a summary is inconsistent (recency above T, recency ≠ 0 with frequency 0, T ≤ 0, a non-integer frequency), the input is empty (`EMPTY_INPUT`), or no seller has a repeat purchase (`UNDEFINED_RESULT`)
 * @throws {@link ValidationTypeError} when `summaries` is not iterable or a field has the wrong type
 * @throws {@link ConvergenceError} when the simplex does not converge within `maxIterations` (`NOT_CONVERGED`)
 *
 * @example
 * ```ts
 * import { fitBgNbd } from "marketplace-economics";
 * // A compressed table: 95 sellers, weeks since their first sale.
 * const fit = fitBgNbd([
 *   { frequency: 0, recency: 0, T: 40, count: 60 },
 *   { frequency: 1, recency: 5, T: 40, count: 10 },
 *   { frequency: 1, recency: 35, T: 40, count: 8 },
 *   { frequency: 2, recency: 4, T: 40, count: 6 },
 *   { frequency: 2, recency: 30, T: 40, count: 5 },
 *   { frequency: 4, recency: 12, T: 40, count: 3 },
 *   { frequency: 6, recency: 39, T: 40, count: 3 },
 * ]);
 * fit.sellers; //=> 95
 * fit.r.toFixed(3); //=> "0.189"
 * fit.logLikelihood.toFixed(2); //=> "-318.72"
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export function fitBgNbd(summaries: Iterable<RepeatPurchaseSummary>, options?: FitBgNbdOptions): BgNbdFit {
  const fn = "fitBgNbd";
  const o = toOptions(options, fn, "options", ["maxIterations"]);
  const maxIterations = o["maxIterations"] === undefined ? 50_000 : toInteger(o["maxIterations"], fn, "options.maxIterations", 100, 1_000_000);
  const { rows, total } = compressRfm(summaries, fn, "summaries");
  if (!rows.some((r) => r.x > 0)) rangeError(fn, "summaries", ErrorCode.UNDEFINED_RESULT, "hold no repeat purchase, so the BG/NBD likelihood has no maximum", total, "at least one summary with frequency > 0");
  const params = (v: readonly number[]) => ({ r: Math.exp(v[0] as number), alpha: Math.exp(v[1] as number), a: Math.exp(v[2] as number), b: Math.exp(v[3] as number) });
  const objective = (v: readonly number[]): number => (v.some((u) => Math.abs(u) > LOG_BOUND) ? Infinity : -bgLogLikelihood(params(v), rows));
  const found = nelderMead(objective, [0, 0, 0, 0], { maxIterations, bound: LOG_BOUND - 1 });
  if (found.x.some((u) => Math.abs(u) > LOG_BOUND - 1)) {
    rangeError(
      fn,
      "summaries",
      ErrorCode.UNDEFINED_RESULT,
      "give a likelihood whose maximum lies at a parameter bound (|ln parameter| near 25): the data do not identify the model",
      total,
      "summaries with enough repeat purchases and dropouts to identify r, α, a and b",
    );
  }
  if (!found.converged) {
    throw new ConvergenceError(fn, ErrorCode.NOT_CONVERGED, `the Nelder–Mead simplex did not converge in ${maxIterations} iterations`, { iterations: found.iterations });
  }
  const p = params(found.x);
  return Object.freeze({ kind: "bg-nbd" as const, r: p.r, alpha: p.alpha, a: p.a, b: p.b, logLikelihood: -found.value, sellers: total, distinctSummaries: rows.length, iterations: found.iterations });
}
