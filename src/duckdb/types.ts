import type { DateInput } from "../time/types.js";

/**
 * The order log DuckDB reads: a Parquet file (or several, or a glob such as
 * `"orders/*.parquet"`), a CSV file, a table of the given connection, or a query (`{ sql }`, a
 * SELECT in DuckDB's SQL, used as a subquery: trusted program text, never end-user input). A
 * string ending in `.parquet` is a Parquet path, one ending in `.csv`, `.tsv`, `.csv.gz` a CSV path.
 *
 * @category DuckDB
 * @since 0.3.0
 */
export type DuckDBSource = string | { readonly parquet: string | readonly string[] } | { readonly csv: string | readonly string[] } | { readonly table: string } | { readonly sql: string };

/**
 * Options of {@link duckdbMarketplaceAggregates}.
 *
 * @category DuckDB
 * @since 0.3.0
 */
export interface DuckDBAggregatesOptions {
  /** Currency of the amounts (ISO 4217). */
  readonly currency: string;
  /** Column names of the log (`segment` when the log carries its segment). */
  readonly columns: {
    readonly sellerId: string;
    readonly date: string;
    readonly amount: string;
    readonly units?: string | undefined;
    readonly segment?: string | undefined;
  };
  /**
   * `"minor"` (default): integer minor units (a fraction such as `0.1` or `12.50` is rejected,
   * `NOT_INTEGER`; an integer-valued DOUBLE such as `1250.0` passes); `"major"`: exact decimals of
   * the currency (more decimals than it has: `SUB_MINOR_UNIT`). A CSV amount column is read as
   * DECIMAL(38,18) in both units, so its reader never rounds.
   */
  readonly amountUnit?: "minor" | "major" | undefined;
  /**
   * Each seller's segment, when the log has no segment column: `[sellerId, segment]` pairs (the
   * {@link SellerSegments} of {@link sellerSegments} work: its `entries()` are loaded into a
   * temporary table), or a table of the connection `{ table, sellerId, segment }`.
   */
  readonly sellerSegments?:
    | {
        /** The `[sellerId, segment]` pairs to load. */
        entries(): Iterable<readonly [string, string]>;
      }
    | Iterable<readonly [string, string]>
    | { readonly table: string; readonly sellerId: string; readonly segment: string }
    | undefined;
  /** Segment of a seller missing from `sellerSegments`. Default `"unclassified"`. */
  readonly missingSegment?: string | undefined;
  /** Period of the period rows. Default `"quarter"`. */
  readonly period?: "day" | "week" | "month" | "quarter" | "year" | undefined;
  /** `"net"` (default) or `"exclude"` refunds. */
  readonly refunds?: "net" | "exclude" | undefined;
  /** `[start, end)` of the per-seller totals. */
  readonly sellerInterval?: { readonly start: DateInput; readonly end: DateInput } | undefined;
  /** Whether to compute the per-seller rows (default `true`); `false` when only shares are needed. */
  readonly sellers?: boolean | undefined;
  /** CSV reading: delimiter (default `","`), decimal separator (default `"."`), date format (default `"%Y-%m-%d"`, DuckDB strptime syntax). */
  readonly csv?: { readonly delimiter?: string | undefined; readonly decimalSeparator?: "." | "," | undefined; readonly dateFormat?: string | undefined } | undefined;
  /**
   * A connection to use (a `DuckDBConnection` of `@duckdb/node-api`, e.g. to read a table or a
   * file DuckDB can reach through an extension). Default: a new in-memory database, in UTC,
   * closed afterwards.
   */
  readonly connection?:
    | {
        /** Runs one SQL statement (`DuckDBConnection.run` of `@duckdb/node-api`). */
        run(sql: string): Promise<unknown>;
        /** Runs a query and reads every row (`DuckDBConnection.runAndReadAll`). */
        runAndReadAll(sql: string): Promise<{
          /** The rows as plain JavaScript objects keyed by column name. */
          getRowObjectsJS(): Record<string, unknown>[];
        }>;
      }
    | undefined;
}

/**
 * One row per period and segment of {@link duckdbMarketplaceAggregates} (the shape of the share
 * module's aggregate period rows).
 *
 * @category DuckDB
 * @since 0.3.0
 */
export interface DuckDBPeriodRow {
  /** Segment. */
  readonly segment: string;
  /** First day of the period, ISO `YYYY-MM-DD`. */
  readonly period: string;
  /** Net GMV, integer minor units. */
  readonly gmvMinor: bigint;
  /** Net units. */
  readonly units: bigint;
  /** Records with an amount ≥ 0. */
  readonly orders: bigint;
}

/**
 * One row per seller of {@link duckdbMarketplaceAggregates}.
 *
 * @category DuckDB
 * @since 0.3.0
 */
export interface DuckDBSellerRow {
  /** Seller id (as text). */
  readonly sellerId: string;
  /** Segment. */
  readonly segment: string;
  /** Net GMV within the seller interval, integer minor units. */
  readonly gmvMinor: bigint;
  /** Orders within the seller interval. */
  readonly orders: bigint;
  /** ISO day of the first sale with an amount ≥ 0, or null. */
  readonly firstSale: string | null;
}

/**
 * Result of {@link duckdbMarketplaceAggregates}: the aggregate rows and the SQL that made them.
 *
 * @category DuckDB
 * @since 0.3.0
 */
export interface DuckDBAggregates {
  /** Rows per period and segment, sorted. */
  readonly periods: readonly DuckDBPeriodRow[];
  /** Rows per seller, sorted by id (`undefined` with `sellers: false`). */
  readonly sellers: readonly DuckDBSellerRow[] | undefined;
  /** The DuckDB SQL that was run (from {@link marketplaceAggregateSql}). */
  readonly sql: { readonly periodTotals: string; readonly sellerTotals: string };
}
