import { addSaleUnchecked, asAccumulator } from "./_lib/accumulator.js";
import { toNonEmptyString, typeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { AnySale, ShareAccumulator } from "./types.js";

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
 * Refund records do not count as sales in the order-count share. Since 0.3.0 a sale may carry
 * `amountMinor` (integer minor units, a number or bigint; {@link MinorUnitSale}) instead of a
 * `Money`, in the accumulator's currency (`options.currency` must be given): no Decimal per sale.
 * A segment not in
 * `options.segments` (when declared) throws.
 *
 * @param accumulator - from {@link createShareAccumulator} or {@link shareAccumulatorFromJSON}
 * @param sale - the sale ({@link Sale} with a `Money`, or {@link MinorUnitSale}); `date` a valid `Date` or ISO string
 * @param segment - non-empty segment name (e.g. `"smb"`)
 * @returns the same accumulator, updated
 * @throws {@link ValidationTypeError} when the accumulator, sale or segment is of the wrong kind, the
 *   accumulator is frozen, or a minor-unit sale meets an accumulator without `options.currency`
 * @throws {@link ValidationError} when the date is invalid, units are not finite, a refund is
 *   rejected or the segment is not declared
 * @throws {@link CurrencyMismatchError} when currencies differ and no converter was given
 *
 * @example
 * ```ts
 * import { addSale, calendarDay, createShareAccumulator, money } from "marketplace-economics";
 * const acc = createShareAccumulator();
 * addSale(acc, { sellerId: "s1", date: calendarDay(2018, 1, 2), amount: money("9.99", "USD"), units: 2 }, "smb").sales; //=> 1
 * acc.currency; //=> "USD"
 * const cents = createShareAccumulator({ currency: "USD" });
 * addSale(cents, { sellerId: "s2", date: calendarDay(2018, 1, 2), amountMinor: 999n }, "smb").sales; //=> 1
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function addSale(accumulator: ShareAccumulator, sale: AnySale, segment: string): ShareAccumulator {
  const acc = asAccumulator(accumulator, "addSale");
  // A frozen accumulator cannot be updated in place: a typed error, not the engine's TypeError (#11).
  if (Object.isFrozen(acc))
    typeError("addSale", "accumulator", ErrorCode.INVALID_TYPE, "must not be frozen (it is updated in place)", acc, "a live accumulator (mergeAccumulators(acc) returns an unfrozen copy)");
  if (typeof segment !== "string" || segment.length === 0) toNonEmptyString(segment, "addSale", "segment");
  addSaleUnchecked(acc, sale, segment, "addSale", "sale", -1);
  return acc;
}
