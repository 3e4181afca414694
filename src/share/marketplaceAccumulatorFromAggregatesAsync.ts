import { addPeriodRow, addSellerAggregate } from "./_lib/aggregates.js";
import { toAnyIterable } from "../_lib/iterate.js";
import { createImpl, parseMarketplaceOptions } from "./_lib/marketplace.js";
import { toRecord } from "../_lib/validate.js";
import type { MarketplaceAccumulator, MarketplaceAccumulatorOptions, MarketplacePeriodRow, MarketplaceSellerRow } from "./types.js";

/**
 * The asynchronous twin of {@link marketplaceAccumulatorFromAggregates}: the rows may also be
 * async iterables (a database cursor streaming the result of the aggregate query).
 *
 * @param aggregates - `{ periods, sellers? }`: arrays, iterables or async iterables of
 *   {@link MarketplacePeriodRow} / {@link MarketplaceSellerRow}
 * @param options - the accumulator's settings, as {@link createMarketplaceAccumulator}
 * @returns a promise of the new accumulator
 * @throws {@link ValidationError} (rejects) on a bad row or option (see {@link marketplaceAccumulatorFromAggregates})
 * @throws {@link ValidationTypeError} (rejects) when a row or field has the wrong type
 *
 * @example
 * ```ts
 * import { finalizeMarketplace, marketplaceAccumulatorFromAggregatesAsync } from "marketplace-economics";
 * async function* rows() {
 *   yield { segment: "smb", period: "2017-01-01", gmvMinor: 600n, units: 6n, orders: 6n };
 *   yield { segment: "large", period: "2017-04-01", gmvMinor: 400n, units: 4n, orders: 4n };
 * }
 * const acc = await marketplaceAccumulatorFromAggregatesAsync({ periods: rows() }, { currency: "USD" });
 * finalizeMarketplace(acc).share.bySegment["smb"]?.gmvShare.toFixed(1); //=> "0.6"
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export async function marketplaceAccumulatorFromAggregatesAsync<S extends string = string>(
  aggregates: { readonly periods: AsyncIterable<MarketplacePeriodRow> | Iterable<MarketplacePeriodRow>; readonly sellers?: AsyncIterable<MarketplaceSellerRow> | Iterable<MarketplaceSellerRow> | undefined },
  options: MarketplaceAccumulatorOptions<S>,
): Promise<MarketplaceAccumulator> {
  const fn = "marketplaceAccumulatorFromAggregatesAsync";
  const a = toRecord(aggregates, fn, "aggregates");
  const acc = createImpl(parseMarketplaceOptions(options, fn));
  let i = 0;
  for await (const row of toAnyIterable<unknown>(a["periods"], fn, "aggregates.periods", "period rows")) addPeriodRow(acc, row, fn, `aggregates.periods[${i++}]`);
  if (a["sellers"] !== undefined) {
    i = 0;
    for await (const row of toAnyIterable<unknown>(a["sellers"], fn, "aggregates.sellers", "seller rows")) addSellerAggregate(acc, row, fn, `aggregates.sellers[${i++}]`);
  }
  return acc;
}
