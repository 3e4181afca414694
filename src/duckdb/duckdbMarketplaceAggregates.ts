import { ErrorCode } from "../errors.js";
import { minorDigits, toCurrency } from "../_lib/money.js";
import { rangeError, reraiseAs, toNonEmptyString, toOption, toOptions, typeError } from "../_lib/validate.js";
import { deepFreeze } from "../_lib/freeze.js";
import { marketplaceAggregateSql } from "../warehouse/marketplaceAggregateSql.js";
import type { WarehouseTableMapping } from "../warehouse/types.js";
import { withConnection, type Connection } from "./_lib/engine.js";
import type { DuckDBAggregates, DuckDBAggregatesOptions, DuckDBPeriodRow, DuckDBSellerRow, DuckDBSource } from "./types.js";

const SEGMENT_TABLE = "__me_seller_segments";
const BATCH = 5_000;
const MAX_SEGMENT_ROWS = 50_000_000;

/**
 * Aggregate an order log in DuckDB (a Parquet or CSV file, or a table) into the marketplace's
 * aggregate rows: per period and segment (GMV, units, orders) and per seller (GMV and orders in
 * the seller interval, first sale). The work happens in DuckDB's engine over the whole file, with
 * amounts read as BIGINT minor units and summed into HUGEINT (128-bit, never DOUBLE), so the rows
 * are exact to the cent and equal to what streaming the same log through the library gives. A
 * row's amount in minor units (or its units) beyond ±9,223,372,036,854,775,807 is rejected
 * (`OUT_OF_RANGE`), never wrapped.
 *
 * The SQL is exactly that of {@link marketplaceAggregateSql} for the `"duckdb"` dialect (returned
 * in `sql`), so the same query is proven here on a real engine and runs unchanged elsewhere.
 *
 * @param source - a Parquet or CSV path (or glob), `{ parquet }`, `{ csv }`, `{ table }` or `{ sql }` (see {@link DuckDBSource})
 * @param options - currency, columns, segments, period, refunds, seller interval, connection
 * @returns a promise of the frozen rows and the SQL ({@link DuckDBAggregates})
 * @throws {@link ValidationError} (rejects) on bad options, a path of unknown kind, a segment
 *   table row that is not `[id, segment]` strings, amounts with sub-minor digits (`amountUnit: "major"`),
 *   or a row's amount or units outside the BIGINT range (`OUT_OF_RANGE`)
 * @throws {@link MarketplaceEconomicsError} when the subpath is imported without `@duckdb/node-api`
 *   (code `MISSING_DEPENDENCY`), or DuckDB's own error when the file cannot be read
 *
 * @example
 * ```typescript
 * import { duckdbMarketplaceAggregates } from "marketplace-economics/duckdb";
 * const { periods } = await duckdbMarketplaceAggregates("orders.parquet", {
 *   currency: "USD",
 *   columns: { sellerId: "seller_id", date: "ordered_on", amount: "amount_cents", segment: "segment" },
 * });
 * periods[0]; // { segment: "smb", period: "2024-01-01", gmvMinor: 123456789n, units: 4567n, orders: 4321n }
 * ```
 *
 * @category DuckDB
 * @since 0.3.0
 */
export async function duckdbMarketplaceAggregates(source: DuckDBSource, options: DuckDBAggregatesOptions): Promise<DuckDBAggregates> {
  const fn = "duckdbMarketplaceAggregates";
  const o = toOptions(options, fn, "options", ["currency", "columns", "amountUnit", "sellerSegments", "missingSegment", "period", "refunds", "sellerInterval", "sellers", "csv", "connection"]);
  if (o.currency === undefined) rangeError(fn, "options.currency", ErrorCode.MISSING_VALUE, "is required", undefined, 'an ISO 4217 code such as "USD"');
  const currency = toCurrency(o.currency, fn, "options.currency");
  const major = (o.amountUnit === undefined ? "minor" : toOption(o.amountUnit, fn, "options.amountUnit", ["minor", "major"] as const)) === "major";
  const withSellers =
    o.sellers === undefined ? true : o.sellers === true ? true : o.sellers === false ? false : typeError(fn, "options.sellers", ErrorCode.INVALID_TYPE, "must be a boolean", o.sellers, "true or false");
  const columns = toOptions(o.columns, fn, "options.columns", ["sellerId", "date", "amount", "units", "segment"]) as WarehouseTableMapping["columns"];
  const connection = o.connection === undefined ? undefined : toConnection(o.connection, fn);
  const from = fromItem(source, fn, columns, major ? minorDigits(currency) : -1, o.csv);
  const missing = o.missingSegment === undefined ? "unclassified" : toNonEmptyString(o.missingSegment, fn, "options.missingSegment");
  const seg = o.sellerSegments;
  const tableSegments = typeof seg === "object" && seg !== null && typeof (seg as { table?: unknown }).table === "string";
  const pairs = seg !== undefined && !tableSegments ? segmentPairs(seg, fn) : undefined;
  const mapping: WarehouseTableMapping = {
    from,
    columns,
    amountUnit: major ? "major" : "minor",
    ...(seg === undefined
      ? {}
      : { sellerSegments: tableSegments ? { ...(seg as { table: string; sellerId: string; segment: string }), missing } : { table: SEGMENT_TABLE, sellerId: "seller_id", segment: "segment", missing } }),
  };
  let sql: ReturnType<typeof marketplaceAggregateSql>;
  try {
    sql = marketplaceAggregateSql(mapping, {
      dialect: "duckdb",
      currency,
      ...(o.period === undefined ? {} : { period: o.period as "quarter" }),
      ...(o.refunds === undefined ? {} : { refunds: o.refunds as "net" }),
      ...(o.sellerInterval === undefined ? {} : { sellerInterval: o.sellerInterval as { start: string; end: string } }),
    });
  } catch (e) {
    // The SQL builder's errors name this function and the caller's own paths (#11).
    throw reraiseAs(e, fn, (a) => (a === "mapping.from" ? "source" : a.replace(/^mapping\./, "options.")));
  }
  return withConnection(fn, connection, async (c) => {
    if (pairs !== undefined) await loadSegments(c, pairs, fn);
    try {
      const periodRows = (await c.runAndReadAll(sql.periodTotals)).getRowObjectsJS();
      const periods: DuckDBPeriodRow[] = [];
      for (const r of periodRows) {
        if (major && r["subMinorRows"] !== 0n) {
          rangeError(
            fn,
            `${columns.amount} column`,
            ErrorCode.SUB_MINOR_UNIT,
            `has ${String(r["subMinorRows"])} amounts with more decimals than ${currency} has (period ${String(r["period"])})`,
            undefined,
            `amounts with at most ${minorDigits(currency)} decimals`,
          );
        }
        periods.push({ segment: String(r["segment"]), period: String(r["period"]), gmvMinor: big(r["gmvMinor"]), units: big(r["units"]), orders: big(r["orders"]) });
      }
      let sellers: DuckDBSellerRow[] | undefined;
      if (withSellers) {
        sellers = (await c.runAndReadAll(sql.sellerTotals)).getRowObjectsJS().map((r) => ({
          sellerId: String(r["sellerId"]),
          segment: String(r["segment"]),
          gmvMinor: big(r["gmvMinor"]),
          orders: big(r["orders"]),
          firstSale: r["firstSale"] === null || r["firstSale"] === undefined ? null : String(r["firstSale"]),
        }));
      }
      return deepFreeze({ periods, sellers, sql: { periodTotals: sql.periodTotals, sellerTotals: sql.sellerTotals } }) as DuckDBAggregates;
    } finally {
      if (pairs !== undefined) await c.run(`DROP TABLE IF EXISTS ${SEGMENT_TABLE}`);
    }
  });
}

function big(v: unknown): bigint {
  return typeof v === "bigint" ? v : BigInt(v as number | string);
}

function toConnection(value: unknown, fn: string): Connection {
  const c = value as Partial<Connection> | null;
  if (typeof c !== "object" || c === null || typeof c.run !== "function" || typeof c.runAndReadAll !== "function") {
    typeError(fn, "options.connection", ErrorCode.INVALID_TYPE, "must be a DuckDB connection", value, "a DuckDBConnection of @duckdb/node-api (await instance.connect())");
  }
  return c as Connection;
}

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

function paths(value: unknown, fn: string, arg: string): string {
  const list =
    typeof value === "string"
      ? [value]
      : Array.isArray(value)
        ? (value as unknown[])
        : typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a path or an array of paths", value, "a string or an array of strings");
  if (list.length === 0 || list.length > 100_000) rangeError(fn, arg, ErrorCode.EMPTY_INPUT, "must name 1 to 100,000 files", list.length, "at least one path");
  return `[${list.map((p, i) => lit(toNonEmptyString(p, fn, `${arg}[${i}]`))).join(", ")}]`;
}

function fromItem(source: unknown, fn: string, columns: WarehouseTableMapping["columns"], majorDigits: number, csvOptions: unknown): string {
  let kind: "parquet" | "csv" | "table" | "sql";
  let value: unknown;
  if (typeof source === "string") {
    value = source;
    if (/\.parquet$/i.test(source)) kind = "parquet";
    else if (/\.(csv|tsv|csv\.gz|tsv\.gz)$/i.test(source)) kind = "csv";
    else return rangeError(fn, "source", ErrorCode.UNKNOWN_OPTION, "must end in .parquet, .csv, .tsv or .csv.gz", source, "a Parquet or CSV path, or { parquet }, { csv } or { table }");
  } else if (typeof source === "object" && source !== null) {
    const s = toOptions(source, fn, "source", ["parquet", "csv", "table", "sql"]);
    const keys = (["parquet", "csv", "table", "sql"] as const).filter((k) => s[k] !== undefined);
    if (keys.length !== 1) return rangeError(fn, "source", ErrorCode.CONFLICTING_OPTIONS, "must have exactly one of parquet, csv, table, sql", source, "{ parquet }, { csv }, { table } or { sql }");
    kind = keys[0] as "parquet" | "csv" | "table" | "sql";
    value = s[kind];
  } else {
    return typeError(fn, "source", source == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a path or a source object", source, "a Parquet or CSV path, or { parquet }, { csv } or { table }");
  }
  // options.csv is validated whatever the source (a bad value is never silently ignored, #11).
  const c = toOptions(csvOptions, fn, "options.csv", ["delimiter", "decimalSeparator", "dateFormat"]);
  const delim = c.delimiter === undefined ? "," : toOption(c.delimiter, fn, "options.csv.delimiter", [",", ";", "\t", "|"] as const);
  const dec = c.decimalSeparator === undefined ? "." : toOption(c.decimalSeparator, fn, "options.csv.decimalSeparator", [".", ","] as const);
  const dateFormat = c.dateFormat === undefined ? "%Y-%m-%d" : toNonEmptyString(c.dateFormat, fn, "options.csv.dateFormat");
  if (kind === "sql") return `(${toNonEmptyString(value, fn, "source.sql")})`;
  if (kind === "table") {
    return toNonEmptyString(value, fn, "source.table")
      .split(".")
      .map((p) => `"${p.replace(/"/g, '""')}"`)
      .join(".");
  }
  if (kind === "parquet") return `read_parquet(${paths(value, fn, "source.parquet")})`;
  // Exact types for the amount (never a DOUBLE guessed by the sniffer) and the date.
  const amountType = majorDigits < 0 ? "BIGINT" : `DECIMAL(38,${majorDigits})`;
  const types = `{${lit(toNonEmptyString(columns.amount, fn, "options.columns.amount"))}: '${amountType}', ${lit(toNonEmptyString(columns.date, fn, "options.columns.date"))}: 'DATE'}`;
  return `read_csv(${paths(value, fn, "source.csv")}, header = true, delim = ${lit(delim)}, quote = '"', escape = '"', decimal_separator = ${lit(dec)}, dateformat = ${lit(dateFormat)}, types = ${types})`;
}

function segmentPairs(seg: unknown, fn: string): Iterable<unknown> {
  const s = seg as { entries?: unknown } & Partial<Iterable<unknown>>;
  if (typeof s === "object" && s !== null && typeof s.entries === "function" && typeof s[Symbol.iterator] !== "function") return (s.entries as () => Iterable<unknown>)();
  if (typeof s === "object" && s !== null && typeof s[Symbol.iterator] === "function") return s as Iterable<unknown>;
  return typeError(fn, "options.sellerSegments", ErrorCode.INVALID_TYPE, "must be [sellerId, segment] pairs, a sellerSegments() table or { table, sellerId, segment }", seg, "pairs of strings, or a table name");
}

async function loadSegments(c: Connection, pairs: Iterable<unknown>, fn: string): Promise<void> {
  await c.run(`CREATE OR REPLACE TEMP TABLE ${SEGMENT_TABLE} (seller_id VARCHAR PRIMARY KEY, segment VARCHAR NOT NULL)`);
  let batch: string[] = [];
  let i = 0;
  for (const p of pairs) {
    if (i >= MAX_SEGMENT_ROWS) rangeError(fn, "options.sellerSegments", ErrorCode.OUT_OF_RANGE, `must have at most ${MAX_SEGMENT_ROWS} sellers`, undefined, `at most ${MAX_SEGMENT_ROWS} pairs`);
    const pair = p as readonly unknown[];
    if (!Array.isArray(pair) || pair.length !== 2) typeError(fn, `options.sellerSegments[${i}]`, ErrorCode.INVALID_TYPE, "must be a [sellerId, segment] pair", p, "a pair of non-empty strings");
    const id = toNonEmptyString(pair[0], fn, `options.sellerSegments[${i}][0]`);
    const segment = toNonEmptyString(pair[1], fn, `options.sellerSegments[${i}][1]`);
    batch.push(`(${lit(id)}, ${lit(segment)})`);
    i += 1;
    if (batch.length === BATCH) {
      await c.run(`INSERT INTO ${SEGMENT_TABLE} VALUES ${batch.join(", ")}`);
      batch = [];
    }
  }
  if (batch.length > 0) await c.run(`INSERT INTO ${SEGMENT_TABLE} VALUES ${batch.join(", ")}`);
}
