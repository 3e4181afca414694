import { rangeError, reraiseAs, toOptions } from "../_lib/validate.js";
import { reraiseNamed } from "./_lib/reraise.js";
import { ErrorCode } from "../errors.js";
import { marketplaceAccumulatorFromAggregates } from "../share/marketplaceAccumulatorFromAggregates.js";
import type { MarketplaceAccumulator, MarketplaceAccumulatorOptions } from "../share/types.js";
import { duckdbMarketplaceAggregates } from "./duckdbMarketplaceAggregates.js";
import type { DuckDBAggregatesOptions, DuckDBSource } from "./types.js";

/**
 * Options of {@link duckdbMarketplaceAccumulator}: where the columns are (as
 * {@link duckdbMarketplaceAggregates}) and the accumulator's settings.
 *
 * @category DuckDB
 * @since 0.3.0
 */
export interface DuckDBMarketplaceOptions {
  /** The log's columns, segments, CSV reading and connection (its `currency`, `period` and `sellerInterval` come from `accumulator`). */
  readonly query: Omit<DuckDBAggregatesOptions, "currency" | "period" | "sellerInterval" | "refunds">;
  /** The accumulator's settings (currency required; refunds "net" or "exclude"). */
  readonly accumulator: MarketplaceAccumulatorOptions;
}

/**
 * Aggregate an order log in DuckDB and return the library's exact, mergeable marketplace state:
 * the same {@link MarketplaceAccumulator} (same `JSON.stringify`) as streaming the same log through
 * {@link accumulateMarketplaceAsync}, built from the engine's aggregate rows with
 * {@link marketplaceAccumulatorFromAggregates}. Merge it with states of other files or shards
 * ({@link mergeMarketplaceAccumulators}) and read every figure with {@link finalizeMarketplace}.
 *
 * @param source - a Parquet or CSV path, `{ parquet }`, `{ csv }`, `{ table }` or `{ sql }` (see {@link DuckDBSource})
 * @param options - `query` (columns, segments, connection) and `accumulator` (currency, period, seller interval, thresholds...)
 * @returns a promise of the new accumulator
 * @throws {@link ValidationError} (rejects) as {@link duckdbMarketplaceAggregates} (among them an amount
 *   that is not a whole number of minor units: `NOT_INTEGER`, or `SUB_MINOR_UNIT` with `amountUnit: "major"`)
 *   and {@link marketplaceAccumulatorFromAggregates}; refunds `"reject"` (SQL cannot reject a row: filter or net them)
 * @throws {@link MarketplaceEconomicsError} when `@duckdb/node-api` is not installed (`MISSING_DEPENDENCY`, at import)
 *
 * @example
 * ```ts
 * import { finalizeMarketplace, money } from "marketplace-economics";
 * import { duckdbMarketplaceAccumulator } from "marketplace-economics/duckdb";
 * const log = "SELECT * FROM (VALUES ('a', DATE '2017-01-03', 150000000), ('b', DATE '2017-02-04', 50000000)) t(seller_id, day, cents)";
 * const acc = await duckdbMarketplaceAccumulator({ sql: log }, { query: { columns: { sellerId: "seller_id", date: "day", amount: "cents" }, sellerSegments: [["a", "smb"], ["b", "large"]] }, accumulator: { currency: "USD", thresholds: [money("1000000", "USD")] } });
 * const r = finalizeMarketplace(acc);
 * r.share.bySegment["smb"]?.gmvShare.toFixed(2); //=> "0.75"
 * r.sellers.above[0]?.sellers; //=> 1
 * ```
 *
 * @category DuckDB
 * @since 0.3.0
 */
export async function duckdbMarketplaceAccumulator(source: DuckDBSource, options: DuckDBMarketplaceOptions): Promise<MarketplaceAccumulator> {
  const fn = "duckdbMarketplaceAccumulator";
  const o = toOptions(options, fn, "options", ["query", "accumulator"]);
  const q = toOptions(o.query, fn, "options.query", ["columns", "amountUnit", "sellerSegments", "missingSegment", "sellers", "csv", "connection"]);
  const a = toOptions(o.accumulator, fn, "options.accumulator", ["currency", "period", "precision", "segments", "refunds", "sellerInterval", "sellerTotals", "thresholds", "brackets", "topK"]);
  if (a.refunds === "reject") rangeError(fn, "options.accumulator.refunds", ErrorCode.UNKNOWN_OPTION, 'cannot be "reject" for a warehouse aggregate', a.refunds, '"net" or "exclude"');
  // The accumulator's settings (thresholds, brackets, topK...) are checked before the query runs,
  // on no aggregate at all: a bad setting throws at once instead of after a whole scan (#11: the
  // hostile harness saw 3-15 s before a topK of 100,000 entries was rejected).
  try {
    marketplaceAccumulatorFromAggregates({ periods: [] }, o.accumulator as MarketplaceAccumulatorOptions);
  } catch (e) {
    throw reraiseAs(e, fn, (p) => p.replace(/^options\./, "options.accumulator."));
  }
  let agg: Awaited<ReturnType<typeof duckdbMarketplaceAggregates>>;
  try {
    agg = await duckdbMarketplaceAggregates(source, {
      ...(q as Omit<DuckDBAggregatesOptions, "currency">),
      currency: a.currency as string,
      ...(a.period === undefined ? {} : { period: a.period as "quarter" }),
      ...(a.refunds === undefined ? {} : { refunds: a.refunds as "net" }),
      ...(a.sellerInterval === undefined ? {} : { sellerInterval: a.sellerInterval as { start: string; end: string } }),
    });
  } catch (e) {
    // Errors name this function and the caller's paths: the accumulator's keys, or the query's (#11).
    throw reraiseNamed(e, fn, (p) => p.replace(/^options\.(currency|period|refunds|sellerInterval)\b/, "options.accumulator.$1").replace(/^options\.(?!accumulator\.)/, "options.query."));
  }
  try {
    return marketplaceAccumulatorFromAggregates({ periods: agg.periods, ...(agg.sellers === undefined ? {} : { sellers: agg.sellers }) }, o.accumulator as MarketplaceAccumulatorOptions);
  } catch (e) {
    throw reraiseAs(e, fn, (p) => p.replace(/^options\./, "options.accumulator."));
  }
}
