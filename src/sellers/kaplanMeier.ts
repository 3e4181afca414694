import type { Decimal } from "../_lib/decimal.js";
import { deepFreeze } from "../_lib/freeze.js";
import { toOption, toOptions } from "../_lib/validate.js";
import { TallyBuilder, addObservation, isTallyLike, kaplanMeierOf, toTally, toZ } from "./_lib/survival.js";
import type { IntervalTransform } from "./_lib/survival.js";
import { toIterableInput } from "./_lib/core.js";
import type { SurvivalObservation, SurvivalTally } from "./tallySurvival.js";

/**
 * The {@link kaplanMeier} function options.
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface KaplanMeierOptions {
  /** Two-sided confidence level of the pointwise intervals, in (0, 1) (default `0.95`). */
  readonly confidence?: Decimal | string | number;
  /**
   * Transform of the Greenwood interval: `"log-log"` (default; Kalbfleisch & Prentice, Stata's
   * `sts list` default, always inside [0, 1]), `"log"` (R `survfit`'s default `conf.type = "log"`)
   * or `"plain"` (S ± z·SE, clipped to [0, 1]).
   */
  readonly intervals?: "log-log" | "log" | "plain";
}

/**
 * One row of a {@link KaplanMeierResult}: the estimate just after `time`.
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface KaplanMeierRow {
  /** The distinct time (in the unit of the observations). */
  readonly time: number;
  /** Subjects at risk just before `time` (observed for at least `time`). */
  readonly atRisk: number;
  /** Events at `time`. */
  readonly events: number;
  /** Censorings at `time` (counted after the events at `time`). */
  readonly censored: number;
  /** Kaplan-Meier survival S(t) for t from `time` to the next row, in [0, 1]. */
  readonly survival: Decimal;
  /** Greenwood standard error of S(t): S · sqrt(Σ d / (n (n − d))); 0 when S is 0 or 1. */
  readonly standardError: Decimal;
  /** Lower bound of the pointwise confidence interval, in [0, 1]. */
  readonly lower: Decimal;
  /** Upper bound of the pointwise confidence interval, in [0, 1]. */
  readonly upper: Decimal;
}

/**
 * Result of {@link kaplanMeier}.
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface KaplanMeierResult {
  /** Subjects observed. */
  readonly subjects: number;
  /** Events observed (churned sellers). */
  readonly events: number;
  /** Confidence level of the intervals. */
  readonly confidence: Decimal;
  /** Interval transform used. */
  readonly intervals: "log-log" | "log" | "plain";
  /** Median survival time: the first time where S(t) ≤ 0.5, or `null` when S never falls to 0.5. */
  readonly median: number | null;
  /** One row per distinct time, ascending (event times and censoring times). */
  readonly rows: readonly KaplanMeierRow[];
}

/**
 * Kaplan-Meier (product-limit) survival of sellers with right censoring, with Greenwood standard
 * errors and pointwise confidence intervals.
 *
 * ## Notes
 * At each distinct time tᵢ with nᵢ subjects at risk and dᵢ events,
 * S(t) = ∏_{tᵢ ≤ t} (1 − dᵢ / nᵢ). A subject censored at tᵢ is at risk of the events at tᵢ
 * (events are counted first). Greenwood: Var(log S) = Σ dᵢ / (nᵢ (nᵢ − dᵢ)), SE(S) = S·sqrt(that).
 * Intervals at level 1 − α with z = Φ⁻¹(1 − α/2):
 * - `"log-log"` (default): S^{exp(±z·SE(log S)/|log S|)} — the interval for log(−log S), as
 *   Kalbfleisch & Prentice (2002) §1.4 and Stata `sts list`;
 * - `"log"`: S·exp(±z·SE(log S)), upper clipped to 1 — R `survfit`'s default;
 * - `"plain"`: S ± z·SE(S), clipped to [0, 1].
 * Where S = 1 (no event yet) the interval is [1, 1]; once S = 0 the SE and the interval are 0.
 * Survival and the Greenwood sum are rational arithmetic in 20 significant digits (Decimal); the
 * standard error and the intervals (square root, `exp`, `log`) are float64, as z itself (a float64
 * normal quantile) is: about 15 significant digits, returned as Decimals.
 *
 * ## References
 * Kaplan, E. L. & Meier, P. (1958), JASA 53(282), 457–481. Greenwood, M. (1926), Reports on
 * Public Health and Medical Subjects 33. The tests reproduce R `survfit` and Stata `sts list` on
 * the 6-MP arm of Freireich et al. (1963), Blood 21, 699–716 (Gehan's remission data).
 *
 * @param observations - `{ time, event }` records (an array or any iterable, read once) or a
 *   {@link SurvivalTally} (from {@link tallySurvival}, {@link mergeSurvivalTallies} or
 *   {@link churnByInactivity})
 * @param options - confidence level and interval transform
 * @returns a frozen {@link KaplanMeierResult}
 * @throws {@link ValidationTypeError} when the input is not iterable, an observation is malformed or an option has the wrong type
 * @throws {@link ValidationError} when a time is negative or not finite, a tally is malformed, the confidence is outside (0, 1) or an option is unknown
 *
 * @example
 * ```ts
 * import { kaplanMeier } from "marketplace-economics";
 * // 6-MP arm of Freireich et al. (1963): weeks in remission, event = relapse
 * const weeks = [6, 6, 6, 7, 10, 13, 16, 22, 23, 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
 * const km = kaplanMeier(weeks.map((time, i) => ({ time, event: i < 9 })), { intervals: "log" });
 * km.median; //=> 23
 * km.rows[0]?.survival.toFixed(4); //=> "0.8571"
 * km.rows[0]?.standardError.toFixed(4); //=> "0.0764"
 * km.rows[0]?.lower.toFixed(3); //=> "0.720"
 * ```
 *
 * @category Sellers
 * @since 0.2.0
 */
export function kaplanMeier(observations: Iterable<SurvivalObservation> | SurvivalTally, options?: KaplanMeierOptions): KaplanMeierResult {
  const fn = "kaplanMeier";
  const o = toOptions(options, fn, "options", ["confidence", "intervals"]);
  const { confidence, z } = toZ(o["confidence"], fn, "options.confidence");
  const intervals = o["intervals"] === undefined ? "log-log" : toOption<IntervalTransform>(o["intervals"], fn, "options.intervals", ["log-log", "log", "plain"]);
  let tally: SurvivalTally;
  if (isTallyLike(observations)) tally = toTally(observations, fn, "observations");
  else {
    const b = new TallyBuilder();
    let i = 0;
    for (const x of toIterableInput<unknown>(observations, fn, "observations", "observations { time, event }")) {
      addObservation(b, x, fn, `observations[${i}]`);
      i += 1;
    }
    tally = b.finish();
  }
  const rows = kaplanMeierOf(tally, z, intervals);
  let subjects = 0;
  let events = 0;
  for (const r of rows) {
    subjects += r.events + r.censored;
    events += r.events;
  }
  const median = rows.find((r) => r.survival.lessThanOrEqualTo(0.5))?.time ?? null;
  return deepFreeze({ subjects, events, confidence, intervals, median, rows });
}
