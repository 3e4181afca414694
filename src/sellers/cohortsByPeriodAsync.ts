import { toPeriod } from "../_lib/periods.js";
import type { Period } from "../time/types.js";
import { sellersOfAsync } from "./_lib/core.js";
import { cohortsFold, runFoldAsync } from "./_lib/folds.js";
import type { SellerCohort } from "./cohortsByPeriod.js";
import type { Seller } from "./types.js";

/**
 * {@link cohortsByPeriod} over an `AsyncIterable` of sellers; arrays and sync iterables are
 * accepted too. Same result: sellers grouped by the period they joined in, every period from the
 * first cohort to the last (empty ones included). Memory: the ids of every cohort (the result).
 *
 * ## Streaming
 * Read once with `for await`, in any order, never copied; each record is validated as it is read,
 * with the same paths in errors as the synchronous function. When the iterable itself throws
 * midway (a failed read, a broken cursor), the promise rejects with that original error,
 * unchanged; when a record is invalid, the iterator is closed (its `return()` runs, so a generator's
 * `finally` blocks and a stream's cleanup run) and the promise rejects with the typed error.
 *
 * @param sellers - validated sellers: an async iterable, a sync iterable or an array; each record counts
 * @param period - `"day"`, `"week"` (ISO, Monday), `"month"`, `"quarter"` or `"year"`
 * @returns a promise of the cohorts, ascending
 * @throws {@link ValidationError} (rejects) on an unknown period, an invalid join date or a join date outside the years 0000–9999 (`OUT_OF_RANGE`)
 * @throws {@link ValidationTypeError} (rejects) when `sellers` is not iterable or a seller is malformed
 *
 * @example
 * ```ts
 * import { cohortsByPeriodAsync, createSeller } from "marketplace-economics";
 * async function* rows() {
 *   yield createSeller({ id: "a", joinedOn: "2017-01-05" });
 *   yield createSeller({ id: "b", joinedOn: "2017-03-09" });
 *   yield createSeller({ id: "c", joinedOn: "2017-01-20" });
 * }
 * (await cohortsByPeriodAsync(rows(), "month")).map((c) => [c.cohort, c.size]); //=> [["2017-01", 2], ["2017-02", 0], ["2017-03", 1]]
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export async function cohortsByPeriodAsync(sellers: AsyncIterable<Seller> | Iterable<Seller>, period: Period): Promise<readonly SellerCohort[]> {
  const fn = "cohortsByPeriodAsync";
  const list = sellersOfAsync(sellers, fn);
  const p = toPeriod(period, fn);
  return runFoldAsync(list, cohortsFold(p, fn));
}
