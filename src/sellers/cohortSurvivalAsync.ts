import { sellersOfAsync } from "./_lib/core.js";
import { parseSurvivalOptions, runFoldAsync, survivalFold } from "./_lib/folds.js";
import type { CohortSurvival, CohortSurvivalOptions } from "./cohortSurvival.js";
import type { Seller } from "./types.js";

/**
 * {@link cohortSurvival} over an `AsyncIterable` of sellers; arrays and sync iterables are
 * accepted too. Same result: per joining cohort, how many sellers are still active 1, 2, 3…
 * periods later. Memory: the validated sellers of the cohorts up to `asOf` (the table is
 * computed from them at the end), not the raw input.
 *
 * ## Streaming
 * Read once with `for await`, in any order, never copied; each record is validated as it is read,
 * with the same paths in errors as the synchronous function. When the iterable itself throws
 * midway (a failed read, a broken cursor), the promise rejects with that original error,
 * unchanged; when a record is invalid, the iterator is closed (its `return()` runs, so a generator's
 * `finally` blocks and a stream's cleanup run) and the promise rejects with the typed error.
 *
 * @param sellers - validated sellers with optional `leftOn`: an async iterable, a sync iterable or an array; each record counts
 * @param options - the period (default month) and `asOf`
 * @returns a promise of one row per cohort with counts and rates
 * @throws {@link ValidationError} (rejects) on an unknown period, an invalid date or a join date outside the years 0000–9999 (`OUT_OF_RANGE`)
 * @throws {@link ValidationTypeError} (rejects) when `sellers` is not iterable or a seller is malformed
 *
 * @example
 * ```ts
 * import { cohortSurvivalAsync, createSeller } from "marketplace-economics";
 * async function* rows() {
 *   yield createSeller({ id: "a", joinedOn: "2017-01-05" });
 *   yield createSeller({ id: "b", joinedOn: "2017-01-09", leftOn: "2017-02-10" });
 *   yield createSeller({ id: "c", joinedOn: "2017-01-20", leftOn: "2017-03-15" });
 *   yield createSeller({ id: "d", joinedOn: "2017-01-25", leftOn: "2017-01-28" });
 * }
 * (await cohortSurvivalAsync(rows(), { period: "month", asOf: "2017-04-01" }))[0]?.active; //=> [3, 2, 1]
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export async function cohortSurvivalAsync(sellers: AsyncIterable<Seller> | Iterable<Seller>, options: CohortSurvivalOptions): Promise<readonly CohortSurvival[]> {
  const fn = "cohortSurvivalAsync";
  const list = sellersOfAsync(sellers, fn);
  const { p, asOf } = parseSurvivalOptions(options, fn);
  return runFoldAsync(list, survivalFold(p, asOf, fn));
}
