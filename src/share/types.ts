import type { Decimal } from "decimal.js";
import type { AmountInput, Money } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import type { SalesBracket } from "../sellers/salesBrackets.js";
import type { PeriodShare } from "./salesShareByPeriod.js";

/**
 * One sale (an order line or an order): who sold, when, for how much, and optionally how many
 * units. A negative `amount` is a refund (see {@link salesShare} for how refunds are counted).
 *
 * @category Share
 * @since 0.1.0
 */
export interface Sale {
  /** Id of the seller ({@link Seller.id}). */
  readonly sellerId: string;
  /**
   * When the sale happened: a `Date` (an instant) or an ISO 8601 string (`"2024-03-01"` is that
   * UTC day). Periods are taken in UTC, so prefer strings or `calendarDay(...)` over local-time
   * `new Date(2024, 0, 1)`, which is a different UTC day east of Greenwich.
   */
  readonly date: DateInput;
  /** Gross merchandise value of the sale; negative for a refund. */
  readonly amount: Money;
  /** Units sold (a finite number ≥ 0; negative for returned units). A sale without units counts as 1 unit. */
  readonly units?: number;
}

/**
 * Converts a sale's amount into the report currency; used when sales come in several
 * currencies. Return a {@link Money} in the target currency (or a plain amount in it).
 *
 * @category Share
 * @since 0.1.0
 */
export type CurrencyConverter = (amount: Money, sale: Sale) => AmountInput;

/**
 * Per-segment totals and shares, one entry of {@link SalesShareResult.segments}.
 *
 * @category Share
 * @since 0.1.0
 */
export interface SegmentShare<S extends string = string> {
  /** Segment name. */
  readonly segment: S;
  /** Net GMV of the segment (sales minus refunds). */
  readonly gmv: Money;
  /** Net units of the segment. */
  readonly units: Decimal;
  /** Number of sales (orders) of the segment; refund records are not counted (they reduce `gmv` and `units`). */
  readonly sales: number;
  /** Share of total GMV, rounded so that all segments sum to exactly 1. */
  readonly gmvShare: Decimal;
  /** Share of total units, rounded so that all segments sum to exactly 1. */
  readonly unitShare: Decimal;
  /** Share of the number of sales (refunds not counted), rounded so that all segments sum to exactly 1. */
  readonly salesShare: Decimal;
  /**
   * Under `refunds: "gross"` only: the segment's refunds as a positive amount (then `gmv` is the
   * gross GMV the shares are computed on).
   */
  readonly refunds?: Money;
  /** Under `refunds: "gross"` only: `gmv − refunds`, which may be negative. */
  readonly netGmv?: Money;
}

/**
 * Result of {@link salesShare} and {@link finalizeShare}.
 *
 * @category Share
 * @since 0.1.0
 */
export interface SalesShareResult<S extends string = string> {
  /** Report currency (`undefined` only when there were no sales and none was given). */
  readonly currency: string | undefined;
  /** Decimal places of every share. */
  readonly precision: number;
  /** Totals over all segments. */
  readonly total: {
    readonly gmv: Money | undefined;
    readonly units: Decimal;
    /** Number of sales over all segments (refund records not counted). */
    readonly sales: number;
  };
  /** One entry per segment, in declared order (or alphabetical when none were declared). */
  readonly segments: readonly SegmentShare<S>[];
  /** The same entries keyed by segment. */
  readonly bySegment: Readonly<Partial<Record<S, SegmentShare<S>>>>;
}

/**
 * Options of {@link salesShare}, {@link createShareAccumulator} and the streaming adapters.
 *
 * @category Share
 * @since 0.1.0
 */
export interface SalesShareOptions<S extends string = string> {
  /** Report currency. Default: the first sale's currency. Required with `convert`. */
  readonly currency?: string | undefined;
  /**
   * Converts amounts in other currencies into `currency` (which must then be given); without it
   * mixed currencies throw {@link CurrencyMismatchError}.
   */
  readonly convert?: CurrencyConverter | undefined;
  /** Decimal places of the shares (0–20). Default 10. */
  readonly precision?: number | undefined;
  /**
   * Declared segments: always present in the result (with zeros), and a sale mapped to any other
   * segment throws. Default: segments are discovered from the sales.
   */
  readonly segments?: readonly S[] | undefined;
  /**
   * Refund policy for negative amounts: `"net"` (default) subtracts them (a segment whose
   * refunds exceed its sales makes the shares undefined and throws); `"exclude"` skips them;
   * `"reject"` throws; `"gross"` (since 0.2.0, #11) computes GMV and unit shares over gross sales
   * and reports each segment's refunds separately (`refunds`, `netGmv`), so a refund-heavy
   * segment never makes the computation throw and no refund is dropped.
   */
  readonly refunds?: "net" | "exclude" | "reject" | "gross" | undefined;
}

/**
 * Serialised state of a {@link ShareAccumulator}, as returned by `toJSON()`. Stable across
 * versions with the same `version`.
 *
 * @category Share
 * @since 0.1.0
 */
export interface ShareAccumulatorJSON {
  /** Format version, always 1. */
  readonly version: 1;
  /** Report currency, or `null` before the first sale. */
  readonly currency: string | null;
  /** Share precision. */
  readonly precision: number;
  /** Refund policy. */
  readonly refunds: "net" | "exclude" | "reject" | "gross";
  /** Declared segments, or `null`. */
  readonly segments: readonly string[] | null;
  /** Number of sale records added (refunds included). */
  readonly sales: number;
  /** Totals per segment, keys sorted. */
  readonly totals: Readonly<Record<string, { readonly gmv: string; readonly units: string; readonly sales: number; readonly refunds?: string }>>;
}

/**
 * Streaming, mergeable state of a sales-share computation. Memory grows with the number of
 * segments, never with the number of sales. Build with {@link createShareAccumulator}, feed with
 * {@link addSale}, combine shards with {@link mergeAccumulators}, read with {@link finalizeShare},
 * store with `JSON.stringify` and restore with {@link shareAccumulatorFromJSON}.
 *
 * @category Share
 * @since 0.1.0
 */
export interface ShareAccumulator {
  /** Brand, always `"ShareAccumulator"`. */
  readonly kind: "ShareAccumulator";
  /** Report currency, `undefined` until fixed by the options or the first sale. */
  readonly currency: string | undefined;
  /**
   * Number of records added, refunds included (so it can exceed `finalizeShare(acc).total.sales`,
   * which counts sales only).
   */
  readonly sales: number;
  /** The serialisable state. */
  toJSON(): ShareAccumulatorJSON;
}

/**
 * A sale given in integer minor units of the accumulator's currency (cents for USD, yen for JPY,
 * fils for KWD) instead of a {@link Money}: no Decimal per row. The currency is given once, in the
 * accumulator's options (`options.currency`). Accepted by {@link addSale}, the share streaming
 * functions and the marketplace accumulator ({@link addMarketplaceSale}).
 *
 * @category Share
 * @since 0.3.0
 */
export interface MinorUnitSale {
  /** Id of the seller. */
  readonly sellerId: string;
  /** When the sale happened (a `Date` or an ISO 8601 string; UTC). */
  readonly date: DateInput;
  /** Amount in integer minor units (a safe-integer number or a bigint); negative for a refund. */
  readonly amountMinor: number | bigint;
  /** Units sold (finite number; default 1, 0 for a refund). */
  readonly units?: number;
}

/**
 * What the streaming share and marketplace functions accept per row: a {@link Sale} (with a
 * `Money`) or a {@link MinorUnitSale} (integer minor units).
 *
 * @category Share
 * @since 0.3.0
 */
export type AnySale = Sale | MinorUnitSale;

/**
 * A numeric column of a {@link ShareColumns} batch: any array-like of numbers (a plain array,
 * `Float64Array`, `Int32Array`, `Uint32Array`...), a `BigInt64Array` / array of bigints (amounts),
 * or an Arrow-style vector with `toArray()` returning one of those.
 *
 * @category Share
 * @since 0.3.0
 */
export type NumericColumn =
  | ArrayLike<number>
  | ArrayLike<bigint>
  | {
      /** The column's values as an array-like of numbers or bigints (Arrow's `Vector.toArray()`). */
      toArray(): ArrayLike<number> | ArrayLike<bigint>;
    };

/**
 * A batch of sales in columns (Arrow-style: a dictionary of segment names plus integer codes),
 * for {@link addShareColumns}. Every column has the same length.
 *
 * @category Share
 * @since 0.3.0
 */
export interface ShareColumns {
  /** The segment names (the dictionary); `segment[i]` indexes it. */
  readonly segmentNames: readonly string[];
  /** Segment code of each row (0-based index into `segmentNames`). */
  readonly segment: NumericColumn;
  /** Amount of each row in integer minor units of the accumulator's currency (negative: a refund). */
  readonly amountMinor: NumericColumn;
  /** Units of each row (default 1 per sale, 0 per refund). */
  readonly units?: NumericColumn | undefined;
}

/**
 * A batch of sales in columns for {@link addMarketplaceColumns} (Arrow-style: dictionaries of
 * segment names and seller ids plus integer codes). Every column has the same length.
 *
 * @category Share
 * @since 0.3.0
 */
export interface MarketplaceColumns {
  /** The segment names (a dictionary); `segment[i]` indexes it. */
  readonly segmentNames: readonly string[];
  /** Segment code of each row (0-based index into `segmentNames`). */
  readonly segment: NumericColumn;
  /** The seller ids (a dictionary); `seller[i]` indexes it. */
  readonly sellerNames: readonly string[];
  /** Seller code of each row (0-based index into `sellerNames`). */
  readonly seller: NumericColumn;
  /** UTC day of each row as an integer day number, days since 1970-01-01 (`Int32Array`; DuckDB's `DATE` as an integer). */
  readonly day: NumericColumn;
  /** Amount of each row in integer minor units of the accumulator's currency (negative: a refund). */
  readonly amountMinor: NumericColumn;
  /** Units of each row (default 1 per sale, 0 per refund). */
  readonly units?: NumericColumn | undefined;
}

/**
 * Options of {@link createMarketplaceAccumulator} (also the settings stored in its state).
 *
 * @category Share
 * @since 0.3.0
 */
export interface MarketplaceAccumulatorOptions<S extends string = string> {
  /** Currency of every amount (ISO 4217); minor-unit amounts are in its minor unit. Required. */
  readonly currency: string;
  /** Calendar period of the share-by-period and new-seller figures (UTC). Default `"quarter"`. */
  readonly period?: "day" | "week" | "month" | "quarter" | "year" | undefined;
  /** Decimal places of the shares (0–20). Default 10. */
  readonly precision?: number | undefined;
  /** Declared segments (always present, any other throws). Default: discovered. */
  readonly segments?: readonly S[] | undefined;
  /**
   * Refunds (negative amounts): `"net"` (default) subtracts them from GMV, units and the seller's
   * total; `"exclude"` skips them; `"reject"` throws.
   */
  readonly refunds?: "net" | "exclude" | "reject" | undefined;
  /**
   * Only sales dated in `[start, end)` count towards the per-seller totals (threshold counts,
   * brackets, concentration); shares and first-sale dates use every sale. Default: all sales.
   */
  readonly sellerInterval?: { readonly start: DateInput; readonly end: DateInput } | undefined;
  /**
   * How per-seller totals are kept: `"keep"` (default) holds one small record per seller, so
   * shards may split a seller's sales any way; `"grouped"` folds each seller into the figures
   * when its id changes, so memory is flat in the number of sellers, for input grouped by seller
   * (every seller's sales contiguous and in one shard, e.g. `ORDER BY seller_id` or the synthetic
   * generator). A grouped accumulator cannot give the Gini coefficient (it needs every total).
   */
  readonly sellerTotals?: "keep" | "grouped" | undefined;
  /**
   * Per-seller totals to count sellers strictly above, strictly ascending: `Money` in `currency`
   * (e.g. `[money("1000000", "USD")]`) or integer minor units (a number or bigint: `100000000` is
   * $1,000,000). Default `[]`.
   */
  readonly thresholds?: readonly (Money | number | bigint)[] | undefined;
  /** Boundaries of sales brackets, strictly ascending (as {@link salesBrackets}): `Money` or integer minor units. Default `[]`. */
  readonly brackets?: readonly (Money | number | bigint)[] | undefined;
  /** The k of the top-k seller shares (e.g. `[1, 10, 100]`), each 1–10,000. Default `[]`. */
  readonly topK?: readonly number[] | undefined;
}

/**
 * Totals of one segment in one period in a {@link MarketplaceAccumulatorJSON}.
 *
 * @category Share
 * @since 0.3.0
 */
export interface MarketplaceTotalsJSON {
  /** Net GMV in integer minor units, as a decimal integer string (`"-1250"`). */
  readonly gmv: string;
  /** Net units, as a decimal string. */
  readonly units: string;
  /** Number of sale records (refunds not counted). */
  readonly orders: number;
}

/**
 * One seller of a {@link MarketplaceAccumulatorJSON} (`sellerTotals: "keep"`): `[sellerId,
 * segment, gmv (net minor units within the seller interval, integer string), orders (within the
 * seller interval), firstSale (ISO day of the first non-refund sale, or null)]`.
 *
 * @category Share
 * @since 0.3.0
 */
export type MarketplaceSellerJSON = readonly [sellerId: string, segment: string, gmv: string, orders: number, firstSale: string | null];

/**
 * The folded per-seller figures of one segment in a grouped {@link MarketplaceAccumulatorJSON}.
 *
 * @category Share
 * @since 0.3.0
 */
export interface MarketplaceSummaryJSON {
  /** Sellers with a record in the seller interval. */
  readonly sellers: number;
  /** Sellers with net GMV > 0 in the seller interval. */
  readonly positive: number;
  /** Σ GMV of those sellers, minor units (integer string). */
  readonly sum: string;
  /** Σ GMV² of those sellers, minor units squared (integer string). */
  readonly sumSquares: string;
  /** Per threshold: sellers strictly above it. */
  readonly above: readonly number[];
  /** Per bracket (boundaries + 1): sellers in it. */
  readonly bracketSellers: readonly number[];
  /** Per bracket: their net GMV, minor units (integer strings). */
  readonly bracketGmv: readonly string[];
  /** The largest seller totals, descending, at most max(topK) (integer strings). */
  readonly top: readonly string[];
  /** New sellers by first-sale period: ISO first day of the period → count. Keys sorted. */
  readonly firstSales: Readonly<Record<string, number>>;
}

/**
 * Serialised state of a {@link MarketplaceAccumulator} (`JSON.stringify(acc)`), the one format
 * shards, files and warehouses exchange. Every amount is an exact integer count of minor units
 * written as a decimal string (no float anywhere), so merging states is exact.
 *
 * Format version 1 (0.3.0). {@link marketplaceAccumulatorFromJSON} accepts every version it has
 * ever written; a later version adds fields with a new `version` number and keeps reading 1.
 *
 * @category Share
 * @since 0.3.0
 */
export interface MarketplaceAccumulatorJSON {
  /** Always `"MarketplaceAccumulator"`. */
  readonly kind: "MarketplaceAccumulator";
  /** Format version, 1. */
  readonly version: 1;
  /** Currency of every amount. */
  readonly currency: string;
  /** Period of `periods` and of the first-sale counts. */
  readonly period: "day" | "week" | "month" | "quarter" | "year";
  /** Share precision. */
  readonly precision: number;
  /** Refund policy. */
  readonly refunds: "net" | "exclude" | "reject";
  /** Declared segments or null. */
  readonly segments: readonly string[] | null;
  /** `[start, end)` of the per-seller totals as ISO 8601 instants (`toISOString()`), or null (all sales). */
  readonly sellerInterval: { readonly start: string; readonly end: string } | null;
  /** `"keep"` or `"grouped"`. */
  readonly sellerTotals: "keep" | "grouped";
  /** Thresholds in minor units (integer strings). */
  readonly thresholds: readonly string[];
  /** Bracket boundaries in minor units (integer strings). */
  readonly brackets: readonly string[];
  /** The top-k sizes. */
  readonly topK: readonly number[];
  /** ISO first day of a period → segment → totals (keys sorted). */
  readonly periods: Readonly<Record<string, Readonly<Record<string, MarketplaceTotalsJSON>>>>;
  /** `"keep"`: every seller, sorted by id; `"grouped"`: `[]`. */
  readonly sellers: readonly MarketplaceSellerJSON[];
  /** `"grouped"`: folded figures per segment (keys sorted); `"keep"`: `{}`. */
  readonly summaries: Readonly<Record<string, MarketplaceSummaryJSON>>;
}

/**
 * The marketplace accumulator: one pass over an order log gathers every figure of a marketplace
 * report — share by segment and by period (GMV, units, orders), per-seller totals (threshold
 * counts, brackets), first-sale dates (new sellers by period) and the inputs of the
 * concentration measures (HHI, Gini, top-k shares). Mergeable exactly and in any order, and
 * serialisable (`JSON.stringify`, {@link MarketplaceAccumulatorJSON}). Build with
 * {@link createMarketplaceAccumulator}, {@link marketplaceAccumulatorFromAggregates} or
 * {@link marketplaceAccumulatorFromJSON}; feed with {@link addMarketplaceSale},
 * {@link accumulateMarketplace}; combine with
 * {@link mergeMarketplaceAccumulators}; read with {@link finalizeMarketplace}.
 *
 * @category Share
 * @since 0.3.0
 */
export interface MarketplaceAccumulator {
  /** Brand, always `"MarketplaceAccumulator"`. */
  readonly kind: "MarketplaceAccumulator";
  /** Currency of every amount. */
  readonly currency: string;
  /** The serialisable state. */
  toJSON(): MarketplaceAccumulatorJSON;
}

/**
 * Per-seller figures of {@link finalizeMarketplace}, for one segment or for all sellers.
 *
 * @category Share
 * @since 0.3.0
 */
export interface MarketplaceSellerFigures {
  /** Sellers with a record in the seller interval. */
  readonly sellers: number;
  /** Per `options.thresholds`: sellers whose net total in the seller interval is strictly above it. */
  readonly above: readonly { readonly threshold: Money; readonly sellers: number }[];
  /** Per bracket of `options.brackets` (as {@link salesBrackets}); `[]`-free: one bracket when no boundaries. */
  readonly brackets: readonly SalesBracket[];
  /** New sellers by the period of their first (non-refund) sale, every period from the first to the last. */
  readonly newSellers: readonly { readonly period: string; readonly start: Date; readonly end: Date; readonly sellers: number }[];
  /** Herfindahl–Hirschman index (0–10,000) of the sellers with a positive total; `null` when there is none. */
  readonly hhi: Decimal | null;
  /** Gini coefficient of the sellers with a positive total; `null` when there is none or the accumulator is `"grouped"`. */
  readonly gini: Decimal | null;
  /** Per `options.topK`: share of GMV of the k largest sellers (`null` when no seller is positive). */
  readonly topShares: readonly { readonly k: number; readonly share: Decimal | null }[];
}

/**
 * Result of {@link finalizeMarketplace}: every figure of the report from one pass.
 *
 * @category Share
 * @since 0.3.0
 */
export interface MarketplaceFigures<S extends string = string> {
  /** Currency of every amount. */
  readonly currency: string;
  /** Period of `byPeriod` and of the new-seller counts. */
  readonly period: "day" | "week" | "month" | "quarter" | "year";
  /** Share by segment over every sale (GMV, units, orders). */
  readonly share: SalesShareResult<S>;
  /** Share by segment per period, every period from the first to the last sale's. */
  readonly byPeriod: readonly PeriodShare<S>[];
  /** Per-seller figures over all sellers. */
  readonly sellers: MarketplaceSellerFigures;
  /** Per-seller figures per segment. */
  readonly sellersBySegment: Readonly<Partial<Record<S, MarketplaceSellerFigures>>>;
}

/**
 * One aggregate row per segment and period, as a warehouse computes it (`GROUP BY segment,
 * DATE_TRUNC(period, date)`), for {@link marketplaceAccumulatorFromAggregates}.
 *
 * @category Share
 * @since 0.3.0
 */
export interface MarketplacePeriodRow {
  /** Segment name. */
  readonly segment: string;
  /** First day (00:00Z) of the period: a `Date` or ISO string (`DATE_TRUNC('quarter', date)`). */
  readonly period: DateInput;
  /** Net GMV in integer minor units: a safe-integer number, a bigint or an integer string (`SUM(amount_minor)`). */
  readonly gmvMinor: number | bigint | string;
  /** Net units: a finite number, a bigint or a decimal string (`SUM(units)`). */
  readonly units: number | bigint | string;
  /** Sale records that are not refunds (`COUNT(*) FILTER (WHERE amount_minor >= 0)`): a safe-integer number, a bigint or an integer string. */
  readonly orders: number | bigint | string;
  /**
   * Optional check count (the `subMinorRows` column of {@link marketplaceAggregateSql}): rows whose
   * amount was not a whole number of minor units. When present it must be 0, or the row is
   * rejected (`SUB_MINOR_UNIT`): the SQL's integer casts rounded those amounts.
   */
  readonly subMinorRows?: number | bigint | string | undefined;
  /** Optional check count (`fractionalUnitRows`): rows whose units were not whole. When present it must be 0 (`NOT_INTEGER`). */
  readonly fractionalUnitRows?: number | bigint | string | undefined;
  /**
   * Optional check count (`nullAmountRows`): rows whose amount was NULL, or was cast to NULL by an
   * engine that does so on overflow (Spark outside ANSI mode). When present it must be 0
   * (`MISSING_VALUE`): such a row would count a unit with no amount.
   */
  readonly nullAmountRows?: number | bigint | string | undefined;
}

/**
 * One aggregate row per seller (`GROUP BY seller_id, segment`), for
 * {@link marketplaceAccumulatorFromAggregates}.
 *
 * @category Share
 * @since 0.3.0
 */
export interface MarketplaceSellerRow {
  /** Seller id. */
  readonly sellerId: string;
  /** The seller's segment. */
  readonly segment: string;
  /** Net GMV within the seller interval, integer minor units (number, bigint or integer string). */
  readonly gmvMinor: number | bigint | string;
  /** Orders (non-refund records) within the seller interval: a safe-integer number, a bigint or an integer string. */
  readonly orders: number | bigint | string;
  /** Day of the first non-refund sale over the whole log (`MIN(date) FILTER (WHERE amount_minor >= 0)`), or null. */
  readonly firstSale: DateInput | null;
}

/**
 * Aggregate rows for {@link marketplaceAccumulatorFromAggregates}: arrays or iterables
 * (async iterables for the `Async` twin).
 *
 * @category Share
 * @since 0.3.0
 */
export interface MarketplaceAggregates {
  /** Rows per segment and period. Several rows for one segment and period add up. */
  readonly periods: Iterable<MarketplacePeriodRow>;
  /** Rows per seller (optional: without them the seller figures are empty). */
  readonly sellers?: Iterable<MarketplaceSellerRow> | undefined;
}
