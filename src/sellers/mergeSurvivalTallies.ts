import { TallyBuilder, toTally } from "./_lib/survival.js";
import { rangeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { SurvivalTally } from "./tallySurvival.js";

/**
 * Merge survival tallies of disjoint groups of subjects (shards of a seller base) into one.
 *
 * Counts are integers added per time, so the merge is exact, associative and commutative: any
 * order and any grouping give the same tally, and `kaplanMeier(merge(a, b))` equals the estimate
 * on the pooled observations. Tallies may come from JSON (`JSON.parse(JSON.stringify(t))`); each
 * is re-validated.
 *
 * @param tallies - one or more tallies from {@link tallySurvival}, {@link churnByInactivity} or this function
 * @returns the combined frozen {@link SurvivalTally}
 * @throws {@link ValidationError} when no tally is given (`EMPTY_INPUT`) or a tally is malformed (lengths differ, times not ascending, negative counts)
 * @throws {@link ValidationTypeError} when a tally is not an object
 *
 * @example
 * ```ts
 * import { mergeSurvivalTallies, tallySurvival } from "marketplace-economics";
 * const a = tallySurvival([{ time: 6, event: true }]);
 * const b = tallySurvival([{ time: 6, event: false }, { time: 9, event: true }]);
 * mergeSurvivalTallies(a, b).censored; //=> [1, 0]
 * ```
 *
 * @category Sellers
 * @since 0.2.0
 */
export function mergeSurvivalTallies(...tallies: readonly SurvivalTally[]): SurvivalTally {
  const fn = "mergeSurvivalTallies";
  if (tallies.length === 0) rangeError(fn, "tallies", ErrorCode.EMPTY_INPUT, "must not be empty", tallies, "at least one tally");
  const b = new TallyBuilder();
  tallies.forEach((value, k) => {
    const t = toTally(value, fn, `tallies[${k}]`);
    for (let i = 0; i < t.times.length; i++) b.add(t.times[i] as number, t.events[i] as number, t.censored[i] as number, fn, `tallies[${k}].times[${i}]`);
  });
  return b.finish();
}
