import { addPeriodRow, addSellerAggregate } from "./_lib/aggregates.js";
import { toSyncIterable } from "../_lib/iterate.js";
import { createImpl, parseMarketplaceOptions } from "./_lib/marketplace.js";
import { toRecord } from "../_lib/validate.js";
import type { MarketplaceAccumulator, MarketplaceAccumulatorOptions, MarketplaceAggregates } from "./types.js";

/**
 * Build a marketplace accumulator from aggregate rows a warehouse computed (DuckDB, BigQuery,
 * Spark SQL, Postgres...), so a billion-row log is aggregated in the engine and only the exact
 * state comes into JavaScript. The result equals the accumulator a single pass over the same
 * log would build (same {@link MarketplaceAccumulatorJSON}), and merges with streamed shards.
 *
 * Rows (arrays or iterables; {@link marketplaceAccumulatorFromAggregatesAsync} takes async ones):
 * - `periods`: one per segment and period start — `segment`, `period` (the first day:
 *   `DATE_TRUNC`), `gmvMinor` (`SUM` of integer minor units), `units` (`SUM`), `orders` (records
 *   with an amount ≥ 0). Rows for the same segment and period add up.
 * - `sellers` (optional): one per seller — `sellerId`, `segment`, `gmvMinor` and `orders` within
 *   `options.sellerInterval` (all of the log without one), `firstSale` (first day with an amount
 *   ≥ 0, over the whole log, or null). With `sellerTotals: "grouped"` each row is folded at once
 *   (give one row per seller); with `"keep"` rows of one seller add up.
 *
 * Amounts are integer minor units and `orders` a count: safe-integer numbers, bigints or integer
 * strings (what SQL drivers return for `BIGINT`/`HUGEINT`/`NUMERIC`: psql and node-postgres give
 * every `SUM` and `COUNT` of PostgreSQL as text). A period row may carry the check counts of
 * {@link marketplaceAggregateSql} (`subMinorRows`, `fractionalUnitRows`): pass the engine's rows
 * as they are, and a row whose count is not 0 (amounts with a fraction of a minor unit, or
 * fractional units, which the SQL's integer casts rounded) is rejected rather than summed.
 *
 * @param aggregates - `{ periods, sellers? }` (see {@link MarketplaceAggregates})
 * @param options - the accumulator's settings, as {@link createMarketplaceAccumulator}
 * @returns a new accumulator
 * @throws {@link ValidationError} on a bad row (a `period` that is not the first day of its period, a
 *   non-integer amount, negative counts, an undeclared segment, a seller in two segments, a
 *   `subMinorRows` count that is not 0 (`SUB_MINOR_UNIT`) or a `fractionalUnitRows` count that is
 *   not 0 (`NOT_INTEGER`)) or option
 * @throws {@link ValidationTypeError} when a row or field has the wrong type
 *
 * @example
 * ```ts
 * import { finalizeMarketplace, marketplaceAccumulatorFromAggregates, money } from "marketplace-economics";
 * const acc = marketplaceAccumulatorFromAggregates(
 *   {
 *     periods: [
 *       { segment: "smb", period: "2017-01-01", gmvMinor: "150000000", units: 40, orders: 30 },
 *       { segment: "large", period: "2017-01-01", gmvMinor: 50000000n, units: "10", orders: 8n },
 *     ],
 *     sellers: [
 *       { sellerId: "s1", segment: "smb", gmvMinor: 120000000n, orders: 20, firstSale: "2016-11-02" },
 *       { sellerId: "s2", segment: "smb", gmvMinor: "30000000", orders: 10, firstSale: "2017-02-10" },
 *     ],
 *   },
 *   { currency: "USD", thresholds: [money("1000000", "USD")] },
 * );
 * const r = finalizeMarketplace(acc);
 * r.share.bySegment["smb"]?.gmvShare.toFixed(2); //=> "0.75"
 * r.sellersBySegment["smb"]?.above[0]?.sellers; //=> 1
 * r.sellers.newSellers.map((p) => [p.period, p.sellers]); //=> [["2016-Q4", 1], ["2017-Q1", 1]]
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export function marketplaceAccumulatorFromAggregates<S extends string = string>(aggregates: MarketplaceAggregates, options: MarketplaceAccumulatorOptions<S>): MarketplaceAccumulator {
  const fn = "marketplaceAccumulatorFromAggregates";
  const a = toRecord(aggregates, fn, "aggregates");
  const acc = createImpl(parseMarketplaceOptions(options, fn));
  let i = 0;
  for (const row of toSyncIterable<unknown>(a["periods"], fn, "aggregates.periods", "period rows")) addPeriodRow(acc, row, fn, `aggregates.periods[${i++}]`);
  if (a["sellers"] !== undefined) {
    i = 0;
    for (const row of toSyncIterable<unknown>(a["sellers"], fn, "aggregates.sellers", "seller rows")) addSellerAggregate(acc, row, fn, `aggregates.sellers[${i++}]`);
  }
  return acc;
}
