import { addMarketplaceBatch, asMarketplace, assertWritable } from "./_lib/marketplace.js";
import { column } from "./_lib/columns.js";
import { rangeError, toArray, toNonEmptyString, toOptions } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { MarketplaceAccumulator, MarketplaceColumns, NumericColumn } from "./types.js";

/**
 * Add a whole batch of sales given as columns (typed arrays or Arrow-style vectors) to a
 * marketplace accumulator, in place: segment and seller codes into dictionaries, UTC day numbers,
 * amounts in integer minor units of the accumulator's currency, optional units. No object, no
 * `Date` and no `Money` per row; the state is the same as adding the rows one by one with
 * {@link addMarketplaceSale} in the batch's order (property-tested).
 *
 * The batch is validated in full before anything is added: a bad row throws naming its column
 * and row (`columns.day[7]`) and leaves the accumulator unchanged. Rows follow the rules of
 * {@link addMarketplaceSale}: a negative amount is a refund under `options.refunds`, a row without
 * units counts 1 unit (a refund 0), a seller belongs to one segment. With
 * `sellerTotals: "grouped"` each seller's rows must be contiguous across all batches, as for
 * single sales.
 *
 * @param accumulator - from {@link createMarketplaceAccumulator} (never frozen; updated in place)
 * @param columns - `{ segmentNames, segment, sellerNames, seller, day, amountMinor, units? }` (see {@link MarketplaceColumns})
 * @returns the same accumulator, updated
 * @throws {@link ValidationTypeError} when a column is not array-like, a dictionary is not an array of non-empty strings, or the accumulator is not one or is frozen
 * @throws {@link ValidationError} when columns differ in length (`DIMENSION_MISMATCH`), a code is
 *   not an index of its dictionary, a day is not an integer in 0000–9999, an amount is not an
 *   integer, units are not finite, a refund is rejected, a segment is not declared or a seller
 *   has two segments
 *
 * @example
 * ```ts
 * import { addMarketplaceColumns, createMarketplaceAccumulator, finalizeMarketplace } from "marketplace-economics";
 * const acc = createMarketplaceAccumulator({ currency: "USD", period: "quarter" });
 * addMarketplaceColumns(acc, {
 *   segmentNames: ["smb", "large"],
 *   segment: Uint8Array.of(0, 1, 0),
 *   sellerNames: ["a", "b", "c"],
 *   seller: Uint32Array.of(0, 1, 2),
 *   day: Int32Array.of(17169, 17170, 17260), // 2017-01-03, 2017-01-04, 2017-04-04
 *   amountMinor: Float64Array.of(2500, 5000, 2500),
 * });
 * finalizeMarketplace(acc).share.bySegment["smb"]?.gmvShare.toFixed(2); //=> "0.50"
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export function addMarketplaceColumns(accumulator: MarketplaceAccumulator, columns: MarketplaceColumns): MarketplaceAccumulator {
  const fn = "addMarketplaceColumns";
  const acc = asMarketplace(accumulator, fn);
  assertWritable(acc, fn);
  const c = toOptions(columns ?? null, fn, "columns", ["segmentNames", "segment", "sellerNames", "seller", "day", "amountMinor", "units"]);
  const segmentNames = toArray<unknown>(c.segmentNames, fn, "columns.segmentNames", { maxLength: 1_000_000 }).map((s, i) => toNonEmptyString(s, fn, `columns.segmentNames[${i}]`));
  const sellerNames = toArray<unknown>(c.sellerNames, fn, "columns.sellerNames").map((s, i) => toNonEmptyString(s, fn, `columns.sellerNames[${i}]`));
  const segment = column(c.segment, fn, "columns.segment");
  const seller = column(c.seller, fn, "columns.seller");
  const day = column(c.day, fn, "columns.day");
  const amountMinor = column(c.amountMinor, fn, "columns.amountMinor");
  const units = c.units === undefined ? undefined : column(c.units as NumericColumn, fn, "columns.units");
  const n = segment.length;
  if (seller.length !== n || day.length !== n || amountMinor.length !== n || (units !== undefined && units.length !== n)) {
    rangeError(
      fn,
      "columns",
      ErrorCode.DIMENSION_MISMATCH,
      "must have columns of one length",
      { segment: n, seller: seller.length, day: day.length, amountMinor: amountMinor.length, units: units?.length },
      `${n} rows in every column`,
    );
  }
  addMarketplaceBatch(acc, { segmentNames, sellerNames, segment, seller, day, amountMinor, units }, fn);
  return acc;
}
