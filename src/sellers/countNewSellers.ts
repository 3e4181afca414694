import { toInterval, toSellers } from "../_internal/sellers-core.js";
import type { DateInterval, Seller } from "./types.js";

/**
 * Count the sellers who joined within an interval — "300,000 US businesses started selling in
 * the past year".
 *
 * The interval is closed-open, `[start, end)`: `{ start: "2017-01-01", end: "2018-01-01" }` is
 * the calendar year 2017. Sellers are counted once per distinct `id`. Filter the list first for
 * a country or a segment (see {@link countSellersByCountry}). Empty list → 0.
 *
 * @param sellers - validated sellers ({@link createSeller})
 * @param interval - `[start, end)`, dates or ISO strings
 * @returns the number of distinct sellers with `start ≤ joinedOn < end`
 * @throws {ValidationError} when the interval is empty or reversed, or a seller's date is invalid
 * @throws {ValidationTypeError} when `sellers` is not an array or a seller has no id
 *
 * @example
 * ```ts
 * import { countNewSellers, createSeller } from "marketplace-economics";
 * const sellers = ["2016-12-31", "2017-01-01", "2017-07-15", "2018-01-01"].map((d, i) => createSeller({ id: `s${i}`, joinedOn: d }));
 * countNewSellers(sellers, { start: "2017-01-01", end: "2018-01-01" }); //=> 2
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function countNewSellers(sellers: readonly Seller[], interval: DateInterval): number {
  const fn = "countNewSellers";
  const list = toSellers(sellers, fn);
  const iv = toInterval(interval, fn);
  const ids = new Set<string>();
  for (const s of list) {
    const t = s.joinedOn.getTime();
    if (t >= iv.start && t < iv.end) ids.add(s.id);
  }
  return ids.size;
}
