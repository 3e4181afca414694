import { parseShareOptions, ShareAccumulatorImpl } from "./_lib/accumulator.js";
import type { SalesShareOptions, ShareAccumulator } from "./types.js";

/**
 * Create an empty streaming sales-share accumulator.
 *
 * Feed it one sale at a time with {@link addSale}, combine shards with
 * {@link mergeAccumulators}, and read shares with {@link finalizeShare}. Its memory is O(number
 * of segments), never O(number of sales). `JSON.stringify(acc)` gives a
 * {@link ShareAccumulatorJSON} that {@link shareAccumulatorFromJSON} restores (the `convert`
 * function is not serialised: pass it again when restoring).
 *
 * @param options - report currency, converter, share precision, declared segments, refund policy
 *   (see {@link SalesShareOptions})
 * @returns a new, empty accumulator
 * @throws {@link ValidationError} when an option is out of range (precision not an integer 0–20,
 *   unknown refund policy, duplicate declared segment, unknown currency)
 *
 * @example
 * ```ts
 * import { addSale, calendarDay, createShareAccumulator, finalizeShare, money } from "marketplace-economics";
 * const acc = createShareAccumulator({ precision: 2 });
 * addSale(acc, { sellerId: "a", date: calendarDay(2017, 5, 1), amount: money("30", "USD") }, "smb");
 * addSale(acc, { sellerId: "b", date: calendarDay(2017, 5, 2), amount: money("70", "USD") }, "other");
 * finalizeShare(acc).bySegment["smb"]?.gmvShare.toFixed(2); //=> "0.30"
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function createShareAccumulator<S extends string = string>(options?: SalesShareOptions<S>): ShareAccumulator {
  const o = parseShareOptions(options, "createShareAccumulator");
  return new ShareAccumulatorImpl(o.currency, o.precision, o.refunds, o.declared, o.convert);
}
