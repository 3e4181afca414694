import { addSaleUnchecked, asAccumulator } from "./_lib/accumulator.js";
import { toNonEmptyString } from "../_lib/validate.js";
import type { Sale, ShareAccumulator } from "./types.js";

/**
 * Add one sale to a streaming share accumulator, in place, and return the same accumulator.
 *
 * Unlike the rest of the library this mutates its first argument on purpose: a stream of a
 * million sales must not allocate a million accumulators. Every other function treats the
 * accumulator as read-only ({@link mergeAccumulators} returns a new one).
 *
 * Rules: the first sale fixes the currency (unless `options.currency` did); a sale in another
 * currency is converted by `options.convert` or throws {@link CurrencyMismatchError}. A negative
 * amount is a refund, handled by `options.refunds` (`"net"` subtracts it, `"exclude"` skips it,
 * `"reject"` throws). A sale without `units` counts as 1 unit (a refund without units as 0 units).
 * Refund records do not count as sales in the order-count share. A segment not in
 * `options.segments` (when declared) throws.
 *
 * @param accumulator - from {@link createShareAccumulator} or {@link shareAccumulatorFromJSON}
 * @param sale - the sale; `date` must be a valid `Date`
 * @param segment - non-empty segment name (e.g. `"smb"`)
 * @returns the same accumulator, updated
 * @throws {ValidationTypeError} when the accumulator, sale or segment is of the wrong kind
 * @throws {ValidationError} when the date is invalid, units are not finite, a refund is
 *   rejected or the segment is not declared
 * @throws {CurrencyMismatchError} when currencies differ and no converter was given
 *
 * @example
 * ```ts
 * import { addSale, createShareAccumulator, money } from "marketplace-economics";
 * const acc = createShareAccumulator();
 * addSale(acc, { sellerId: "s1", date: new Date("2018-01-02"), amount: money("9.99", "USD"), units: 2 }, "smb").sales; //=> 1
 * acc.currency; //=> "USD"
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function addSale(accumulator: ShareAccumulator, sale: Sale, segment: string): ShareAccumulator {
  const acc = asAccumulator(accumulator, "addSale");
  if (typeof segment !== "string" || segment.length === 0) toNonEmptyString(segment, "addSale", "segment");
  addSaleUnchecked(acc, sale, segment, "addSale", "sale", -1);
  return acc;
}
