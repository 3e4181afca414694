import { TallyBuilder, addObservation } from "./_lib/survival.js";
import { toAnyIterable } from "../_lib/iterate.js";
import type { SurvivalObservation, SurvivalTally } from "./tallySurvival.js";

/**
 * {@link tallySurvival} over an `AsyncIterable` of observations; arrays and sync iterables are
 * accepted too. Same result: the mergeable tally of events and censorings per distinct time, in
 * O(distinct times) memory; pass it to {@link kaplanMeier} (which takes a tally) for the
 * survival curve of a streamed input.
 *
 * ## Streaming
 * Read once with `for await`, in any order, never copied; each record is validated as it is read,
 * with the same paths in errors as the synchronous function. When the iterable itself throws
 * midway (a failed read, a broken cursor), the promise rejects with that original error,
 * unchanged; when a record is invalid, the iterator is closed (its `return()` runs, so a generator's
 * `finally` blocks and a stream's cleanup run) and the promise rejects with the typed error.
 *
 * @param observations - `{ time, event }` records: an async iterable, a sync iterable or an array
 * @returns a promise of a frozen {@link SurvivalTally}
 * @throws {@link ValidationTypeError} (rejects) when `observations` is not iterable or an observation is not `{ time: number, event: boolean }`
 * @throws {@link ValidationError} (rejects) when a time is negative, not finite or above 1e12, or there are more than 10,000,000 distinct times
 *
 * @example
 * ```ts
 * import { kaplanMeier, tallySurvivalAsync } from "marketplace-economics";
 * async function* rows() {
 *   yield { time: 3, event: true };
 *   yield { time: 5, event: false };
 *   yield { time: 3, event: false };
 * }
 * const tally = await tallySurvivalAsync(rows());
 * [tally.times, tally.events, tally.censored]; //=> [[3, 5], [1, 0], [1, 1]]
 * kaplanMeier(tally).subjects; //=> 3
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export async function tallySurvivalAsync(observations: AsyncIterable<SurvivalObservation> | Iterable<SurvivalObservation>): Promise<SurvivalTally> {
  const fn = "tallySurvivalAsync";
  const b = new TallyBuilder();
  let i = 0;
  for await (const o of toAnyIterable<unknown>(observations, fn, "observations", "observations { time, event }")) {
    addObservation(b, o, fn, `observations[${i}]`);
    i += 1;
  }
  return b.finish();
}
