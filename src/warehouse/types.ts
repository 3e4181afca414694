/**
 * Where the order log lives and which of its columns hold what, for {@link marketplaceAggregateSql}.
 * Give `table` (a table name, quoted part by part) or `from` (a FROM item written in the dialect,
 * e.g. DuckDB's `read_parquet('orders/*.parquet')`; it is inserted as is, so it must come from
 * the program, never from an end user).
 *
 * @category Warehouse
 * @since 0.3.0
 */
export interface WarehouseTableMapping {
  /** Table name, optionally qualified with dots (`"project.dataset.orders"`); each part is quoted. */
  readonly table?: string | undefined;
  /** A FROM item in the dialect's SQL (trusted text), instead of `table`. */
  readonly from?: string | undefined;
  /** Column names of the log. */
  readonly columns: {
    /** Seller id (any type: compared as text). */
    readonly sellerId: string;
    /** Sale date: a DATE or TIMESTAMP column (a TIMESTAMP is taken in the session time zone: use UTC). */
    readonly date: string;
    /**
     * Amount: integer minor units, or an exact DECIMAL in major units (`amountUnit: "major"`); never
     * a float column. A row with a fraction of a minor unit (`0.1` or `12.50` minor units) is counted
     * in `subMinorRows`, never rounded silently; an integer-valued float (`1250.0`) is accepted.
     */
    readonly amount: string;
    /** Integer units per row; absent or NULL = 1 per sale, 0 per refund. A fractional value is counted in `fractionalUnitRows`. */
    readonly units?: string | undefined;
    /** Segment column of the log (when there is no seller segment table). */
    readonly segment?: string | undefined;
  };
  /** `"minor"` (default): the amount column holds integer minor units; `"major"`: an exact DECIMAL of major units. */
  readonly amountUnit?: "minor" | "major" | undefined;
  /**
   * A seller table holding each seller's segment (e.g. loaded from {@link sellerSegments}'s
   * entries), joined on the seller id; a seller missing from it gets `missing` (default `"unclassified"`).
   */
  readonly sellerSegments?:
    | {
        /** Table name (quoted part by part). */
        readonly table: string;
        /** Seller id column of that table. */
        readonly sellerId: string;
        /** Segment column of that table. */
        readonly segment: string;
        /** Segment of a seller missing from the table. Default `"unclassified"`. */
        readonly missing?: string | undefined;
      }
    | undefined;
}

/**
 * The SQL text of {@link marketplaceAggregateSql}: one query per kind of aggregate row.
 *
 * @category Warehouse
 * @since 0.3.0
 */
export interface MarketplaceAggregateSql {
  /** The dialect the text is written in. */
  readonly dialect: "duckdb" | "postgres" | "bigquery" | "spark";
  /**
   * Totals per period and segment, one aggregate period row of the share module per row: columns `segment`,
   * `period` (ISO `YYYY-MM-DD` text, the first day), `gmvMinor`, `units`, `orders` (integers), plus
   * the check counts `subMinorRows` (rows whose amount is not a whole number of minor units: a
   * fraction with `amountUnit: "minor"`, more decimals than the currency has with `"major"`) and,
   * with a units column, `fractionalUnitRows` (rows whose units are not whole). Both must be 0, or
   * the casts rounded those rows: {@link marketplaceAccumulatorFromAggregates} rejects a row whose
   * count is not 0, so pass the engine's rows to it unchanged.
   */
  readonly periodTotals: string;
  /**
   * Totals per seller, one aggregate seller row of the share module per row: `sellerId` (text), `segment`,
   * `gmvMinor` and `orders` (within the seller interval), `firstSale` (ISO day of the first
   * non-refund sale over the whole log, or NULL).
   */
  readonly sellerTotals: string;
}
