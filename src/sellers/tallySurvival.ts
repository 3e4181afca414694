import { TallyBuilder, addObservation } from "./_lib/survival.js";
import { toIterableInput } from "./_lib/core.js";

/**
 * One observed subject of a survival analysis: how long it was observed, and whether the event
 * (a seller's churn) happened at that time or the subject was still alive then (right-censored).
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface SurvivalObservation {
  /** Duration observed, in any one unit (days, weeks...), a finite number ≥ 0. */
  readonly time: number;
  /** `true`: the event happened at `time`; `false`: censored (no event up to `time`). */
  readonly event: boolean;
}

/**
 * The counts behind a Kaplan-Meier estimate: for every distinct time (ascending), the events and
 * the censorings at that time. A plain frozen, JSON-serialisable object; tallies of disjoint
 * groups (shards) add up with {@link mergeSurvivalTallies}.
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface SurvivalTally {
  /** Kind tag, always `"survival-tally"`. */
  readonly kind: "survival-tally";
  /** Distinct times, strictly ascending. */
  readonly times: readonly number[];
  /** `events[i]`: subjects whose event happened at `times[i]`. */
  readonly events: readonly number[];
  /** `censored[i]`: subjects censored at `times[i]`. */
  readonly censored: readonly number[];
}

/**
 * Tally survival observations (durations with an event flag) into counts per distinct time, the
 * mergeable state of {@link kaplanMeier}.
 *
 * ## Streaming
 * `observations` may be an array or any `Iterable`, read once and never copied; memory is one
 * pair of counts per distinct time (at most 10,000,000).
 *
 * @param observations - `{ time, event }` records: `time` a duration ≥ 0 in one unit of your choice
 * @returns a frozen {@link SurvivalTally}
 * @throws {@link ValidationTypeError} when `observations` is not iterable or an observation is not `{ time: number, event: boolean }`
 * @throws {@link ValidationError} when a time is negative, not finite or above 1e12, or there are more than 10,000,000 distinct times
 *
 * @example
 * ```ts
 * import { tallySurvival } from "marketplace-economics";
 * const t = tallySurvival([{ time: 6, event: true }, { time: 6, event: false }, { time: 10, event: true }]);
 * t.times; //=> [6, 10]
 * t.events; //=> [1, 1]
 * t.censored; //=> [1, 0]
 * ```
 *
 * @category Sellers
 * @since 0.2.0
 */
export function tallySurvival(observations: Iterable<SurvivalObservation>): SurvivalTally {
  const fn = "tallySurvival";
  const b = new TallyBuilder();
  let i = 0;
  for (const o of toIterableInput<unknown>(observations, fn, "observations", "observations { time, event }")) {
    addObservation(b, o, fn, `observations[${i}]`);
    i += 1;
  }
  return b.finish();
}
