import { Decimal } from "../_lib/decimal.js";
import { ErrorCode, ValidationError } from "../errors.js";
import { minorDigits, toCurrency } from "../_lib/money.js";
import { rangeError, toNonEmptyString, toOption, toOptions, typeError } from "../_lib/validate.js";
import { deepFreeze } from "../_lib/freeze.js";
import { marketplaceAggregateSql } from "../warehouse/marketplaceAggregateSql.js";
import type { WarehouseTableMapping } from "../warehouse/types.js";
import { withConnection, type Connection } from "./_lib/engine.js";
import { reraiseNamed } from "./_lib/reraise.js";
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
 * (`OUT_OF_RANGE`), never wrapped, and so is an amount the integer casts would round: with
 * `amountUnit: "minor"` (the default) any amount that is not a whole number of minor units (a
 * DOUBLE `0.1`, a DECIMAL `12.50`: `NOT_INTEGER`), with `"major"` one with more decimals than the
 * currency has (`SUB_MINOR_UNIT`), and fractional units (`NOT_INTEGER`). The query counts those rows
 * in its own scan; the error names the column, the count and a value found. An integer-valued
 * DOUBLE (`1250.0`) is accepted. A CSV amount column is read as `DECIMAL(38,18)`, exact for every
 * BIGINT and 18 decimals, so the reader never rounds it first.
 *
 * The SQL is exactly that of {@link marketplaceAggregateSql} for the `"duckdb"` dialect (returned
 * in `sql`), so the same query is proven here on a real engine and runs unchanged elsewhere.
 *
 * @param source - a Parquet or CSV path (or glob), `{ parquet }`, `{ csv }`, `{ table }` or `{ sql }` (see {@link DuckDBSource})
 * @param options - currency, columns, segments, period, refunds, seller interval, connection
 * @returns a promise of the frozen rows and the SQL ({@link DuckDBAggregates})
 * @throws {@link ValidationError} (rejects) on bad options, a path of unknown kind, a segment
 *   table row that is not `[id, segment]` strings, an amount that is not a whole number of minor
 *   units (`NOT_INTEGER` with `amountUnit: "minor"`, `SUB_MINOR_UNIT` with `"major"`), fractional
 *   units (`NOT_INTEGER`), or a row's amount or units outside the BIGINT range (`OUT_OF_RANGE`)
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
  const from = fromItem(source, fn, columns, o.csv);
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
    throw reraiseNamed(e, fn, (a) => (a === "mapping.from" ? "source" : a.replace(/^mapping\./, "options.")));
  }
  return withConnection(fn, connection, async (c) => {
    if (pairs !== undefined) await loadSegments(c, pairs, fn);
    try {
      const periodRows = (await c.runAndReadAll(sql.periodTotals)).getRowObjectsJS();
      const periods: DuckDBPeriodRow[] = [];
      let subMinor = 0n;
      let fractional = 0n;
      let nullAmounts = 0n;
      for (const r of periodRows) {
        subMinor += big(r["subMinorRows"]);
        nullAmounts += big(r["nullAmountRows"]);
        if (columns.units !== undefined) fractional += big(r["fractionalUnitRows"]);
        periods.push({ segment: String(r["segment"]), period: String(r["period"]), gmvMinor: big(r["gmvMinor"]), units: big(r["units"]), orders: big(r["orders"]) });
      }
      if (nullAmounts !== 0n)
        throw new ValidationError(
          fn,
          ErrorCode.MISSING_VALUE,
          "options.columns.amount",
          `options.columns.amount (column ${JSON.stringify(columns.amount)}) has ${nullAmounts} row${nullAmounts === 1n ? "" : "s"} whose amount is NULL (allowed: an amount on every row; filter such rows out in the source, e.g. a view WHERE amount IS NOT NULL)`,
          "an amount on every row",
        );
      if (subMinor !== 0n || fractional !== 0n) await rejectFractions(c, fn, from, columns, major, currency, o.refunds === "exclude", subMinor, fractional);
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

/**
 * Throw the typed error for rows the query's integer casts would have rounded (counted by the
 * query itself: `subMinorRows`, `fractionalUnitRows`), with the first such value as an example
 * (one more scan, on this error path only).
 */
async function rejectFractions(
  c: Connection,
  fn: string,
  from: string,
  columns: WarehouseTableMapping["columns"],
  major: boolean,
  currency: string,
  refundsExcluded: boolean,
  subMinor: bigint,
  fractional: bigint,
): Promise<never> {
  const q = (name: string): string => `o."${name.replace(/"/g, '""')}"`;
  const example = async (expr: string, value: string): Promise<string> => {
    // The same test as the query's count (marketplaceAggregateSql: value <> its cast to BIGINT).
    const where = `${expr} <> CAST(${expr} AS BIGINT)${refundsExcluded ? ` AND ${q(columns.amount)} >= 0` : ""}`;
    const [row] = (await c.runAndReadAll(`SELECT CAST(${value} AS VARCHAR) AS v FROM ${from} AS o WHERE ${where} LIMIT 1`)).getRowObjectsJS();
    const v = String(row?.["v"]);
    // A DECIMAL prints its scale ("12.500000000000000000" from a CSV): show the value as written.
    return /^-?\d+\.\d+$/.test(v) ? v.replace(/\.?0+$/, "") : v;
  };
  const rows = (n: bigint): string => `${n} row${n === 1n ? "" : "s"}`;
  const amount = q(columns.amount);
  const digits = minorDigits(currency);
  if (subMinor !== 0n) {
    const seen = await example(major ? `(${amount} * ${10 ** digits})` : amount, amount);
    const column = `options.columns.amount (column ${JSON.stringify(columns.amount)})`;
    const unit = `1 = ${new Decimal(10).pow(-digits).toFixed(digits)} ${currency}`;
    throw !major
      ? new ValidationError(
          fn,
          ErrorCode.NOT_INTEGER,
          "options.columns.amount",
          `${column} has ${rows(subMinor)} whose amount is not a whole number of minor units (amountUnit "minor", the default), received ${seen} (allowed: integer minor units (${unit}), or amountUnit: "major" for amounts in ${currency})`,
          `integer minor units, or amountUnit: "major" for amounts in ${currency}`,
        )
      : new ValidationError(
          fn,
          ErrorCode.SUB_MINOR_UNIT,
          "options.columns.amount",
          `${column} has ${rows(subMinor)} with more decimals than ${currency} has (amountUnit "major"), received ${seen} (allowed: amounts with at most ${digits} decimals, in an exact DECIMAL column: a DOUBLE cannot hold most cents exactly)`,
          `amounts with at most ${digits} decimals`,
        );
  }
  const units = q(columns.units as string);
  const seen = await example(units, units);
  throw new ValidationError(
    fn,
    ErrorCode.NOT_INTEGER,
    "options.columns.units",
    `options.columns.units (column ${JSON.stringify(columns.units)}) has ${rows(fractional)} whose units are not a whole number, received ${seen} (allowed: integer units, or no units column: 1 per sale)`,
    "integer units",
  );
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

function fromItem(source: unknown, fn: string, columns: WarehouseTableMapping["columns"], csvOptions: unknown): string {
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
  // Exact types for the amount (never a DOUBLE guessed by the sniffer) and the date. The amount is
  // read as DECIMAL(38,18) in both units, not BIGINT or DECIMAL(38, digits): the reader would round
  // "12.50" to 13 (or "1.005" to 1.01) before any check could see it (#13); DECIMAL(38,18) holds
  // every BIGINT and 18 decimals, and the query's own check rejects a fraction.
  const types = `{${lit(toNonEmptyString(columns.amount, fn, "options.columns.amount"))}: 'DECIMAL(38,18)', ${lit(toNonEmptyString(columns.date, fn, "options.columns.date"))}: 'DATE'}`;
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
