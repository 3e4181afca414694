import { asAccumulator } from "./_lib/accumulator.js";
import { finalizeAccumulator } from "./_lib/finalize.js";
import type { SalesShareResult, ShareAccumulator } from "./types.js";

/**
 * Read the per-segment totals and shares out of a share accumulator.
 *
 * Shares of GMV, units and sale count are computed from the exact totals and rounded with the
 * largest-remainder (Hamilton) method to `precision` decimal places, so each family sums to
 * exactly 1.
 *
 * ## Notes
 * - share_i = floor(v_i · 10^p / T) / 10^p, then the 10^-p units still missing go to the largest
 *   remainders (ties: larger value first, then segment order). Exact (BigInt), no float.
 * - Total zero (no sales, or sales that net to zero): every share is 0 and the shares sum to 0,
 *   never NaN. `total.gmv` is `undefined` when no currency is known.
 * - A segment whose net GMV or net units are negative (refunds exceed sales under
 *   `refunds: "net"`) has no meaningful share: throws `UNDEFINED_RESULT`; use
 *   `refunds: "exclude"` or fix the data.
 * - Segments are listed in declared order, else alphabetically.
 *
 * ## References
 * Balinski & Young, "Fair Representation" (2nd ed., 2001), ch. 2 (Hamilton's method).
 *
 * @param accumulator - the accumulator (not modified)
 * @returns totals, and per segment GMV, units, sale count and their shares
 * @throws {@link ValidationError} when a segment's net GMV or units are negative (`UNDEFINED_RESULT`)
 *
 * @example
 * ```ts
 * import { addSale, calendarDay, createShareAccumulator, finalizeShare, money } from "marketplace-economics";
 * const acc = createShareAccumulator({ precision: 4 });
 * for (const seg of ["a", "b", "c"]) addSale(acc, { sellerId: seg, date: calendarDay(2017, 1, 1), amount: money("1", "USD") }, seg);
 * finalizeShare(acc).segments.map((s) => s.gmvShare.toFixed(4)); //=> ["0.3334", "0.3333", "0.3333"]
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function finalizeShare<S extends string = string>(accumulator: ShareAccumulator): SalesShareResult<S> {
  return finalizeAccumulator<S>(asAccumulator(accumulator, "finalizeShare"), "finalizeShare");
}
