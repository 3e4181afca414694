import { sellersOf, toInterval } from "./_lib/core.js";
import { newSellersFold, parseDistinct, runFold } from "./_lib/folds.js";
import type { DateInterval, Seller } from "./types.js";

/**
 * The {@link countNewSellers} function options.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface CountNewSellersOptions {
  /**
   * Count each distinct `id` once (default `true`). This keeps a set of the ids that joined in
   * the interval, so memory grows with the number of new sellers. Pass `false` when the ids are
   * known to be unique (e.g. one row per seller from a database): every record in the interval
   * is counted and memory stays O(1) whatever the input size.
   */
  readonly distinctIds?: boolean | undefined;
}

/**
 * Count the sellers who joined within an interval — "300,000 US businesses started selling in
 * the past year".
 *
 * The interval is closed-open, `[start, end)`: `{ start: "2017-01-01", end: "2018-01-01" }` is
 * the calendar year 2017. Sellers are counted once per distinct `id`. Filter the list first for
 * a country or a segment (see {@link countSellersByCountry}). Empty input → 0.
 *
 * ## Streaming
 * `sellers` may be an array or any `Iterable` (a generator reading a file or a database cursor,
 * a `Set`...). It is read once, in order, and never copied; each seller is validated as it is
 * read (an array is validated in full first, as before). Memory: a set of the distinct ids that
 * joined in the interval (O(new sellers), not O(all sellers)); with
 * `{ distinctIds: false }` nothing is kept, O(1).
 *
 * @param sellers - validated sellers ({@link createSeller}), an array or any iterable
 * @param interval - `[start, end)`, dates or ISO strings
 * @param options - `distinctIds` (default `true`)
 * @returns the number of distinct sellers with `start ≤ joinedOn < end`
 * @throws {@link ValidationError} when the interval is empty or reversed, or a seller's date is invalid
 * @throws {@link ValidationTypeError} when `sellers` is not iterable or a seller has no id
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, countNewSellers, createSeller } from "marketplace-economics";
 * const sellers = ["2016-12-31", "2017-01-01", "2017-07-15", "2018-01-01"].map((d, i) => createSeller({ id: `s${i}`, joinedOn: d }));
 * countNewSellers(sellers, { start: "2017-01-01", end: "2018-01-01" }); //=> 2
 * // a generator is consumed once, without building an array (one seller joins every day)
 * function* everyDay(n: number) {
 *   for (let i = 0; i < n; i++) yield createSeller({ id: `g${i}`, joinedOn: addPeriods(calendarDay(2016, 1, 1), i, "day") });
 * }
 * countNewSellers(everyDay(1000), { start: "2017-01-01", end: "2018-01-01" }); //=> 365
 * countNewSellers(everyDay(1000), { start: "2017-01-01", end: "2018-01-01" }, { distinctIds: false }); //=> 365
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function countNewSellers(sellers: Iterable<Seller>, interval: DateInterval, options?: CountNewSellersOptions): number {
  const fn = "countNewSellers";
  const list = sellersOf(sellers, fn);
  const iv = toInterval(interval, fn);
  return runFold(list, newSellersFold(iv, parseDistinct(options, fn)));
}
