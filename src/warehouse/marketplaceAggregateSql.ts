import { ErrorCode } from "../errors.js";
import { minorDigits, toCurrency } from "../_lib/money.js";
import { parseDateInput } from "../_lib/dates.js";
import { rangeError, toNonEmptyString, toOption, toOptions } from "../_lib/validate.js";
import type { DateInput, Period } from "../time/types.js";
import { DIALECTS, RULES, notWhole, type Dialect } from "./_lib/dialects.js";
import type { MarketplaceAggregateSql, WarehouseTableMapping } from "./types.js";

/**
 * The {@link marketplaceAggregateSql} function options.
 *
 * @category Warehouse
 * @since 0.3.0
 */
export interface MarketplaceAggregateSqlOptions {
  /** SQL dialect: `"duckdb"`, `"postgres"`, `"bigquery"` or `"spark"`. */
  readonly dialect: "duckdb" | "postgres" | "bigquery" | "spark";
  /** Currency of the amounts (ISO 4217): its minor digits scale `amountUnit: "major"`. */
  readonly currency: string;
  /** Period of the period totals: `"day"`, `"week"` (ISO, Monday), `"month"`, `"quarter"` (default) or `"year"`. */
  readonly period?: Period | undefined;
  /** `"net"` (default): refunds (negative amounts) are subtracted; `"exclude"`: they are filtered out. */
  readonly refunds?: "net" | "exclude" | undefined;
  /** Per-seller GMV and orders count only sales in `[start, end)` (UTC days). Default: all sales. */
  readonly sellerInterval?: { readonly start: DateInput; readonly end: DateInput } | undefined;
}

const IDENT_MAX = 300;

/**
 * SQL text that computes a marketplace's aggregate rows inside a warehouse (DuckDB, PostgreSQL,
 * BigQuery or Spark SQL), so that a billion-row order log never leaves the engine: the engine
 * returns one row per period and segment and one row per seller, and the library turns them into
 * its exact, mergeable state.
 *
 * ## Notes
 * Every amount is summed as an integer count of minor units in an integer type wide enough for
 * it (DuckDB BIGINT terms, whose SUM is a HUGEINT accumulated in 128 bits; PostgreSQL BIGINT
 * terms, whose SUM is NUMERIC; BigQuery INT64, whose SUM raises on overflow; Spark DECIMAL(38,0),
 * because Spark's BIGINT sum wraps silently outside ANSI mode): never DOUBLE, so totals are exact
 * to the cent. Bounds: a row's amount in minor units (and its units) must lie within
 * ±9,223,372,036,854,775,807 (BIGINT/INT64; about ±92 quadrillion dollars in cents), or the
 * engine raises a cast error; DuckDB's and PostgreSQL's sums cannot overflow (below 2^127 for
 * fewer than 2^64 rows; NUMERIC is unbounded), BigQuery raises past INT64. The casts would round
 * a fraction, so the same scan counts, per period row, the rows whose amount is not a whole number
 * of minor units (`subMinorRows`: `0.1` or `12.50` with `amountUnit: "minor"`, `1.005` USD with
 * `"major"`; `amount <> CAST(amount AS <integer type>)`) and, with a units column, the rows whose
 * units are not whole (`fractionalUnitRows`); an integer-valued DOUBLE such as `1250.0` passes.
 * It also counts the rows whose amount is NULL after the cast (`nullAmountRows`: a NULL amount, or
 * one Spark outside ANSI mode cast to NULL on overflow), which would count a unit with no amount;
 * a NULL amount is kept by `refunds: "exclude"` so that it is counted. Every count must be 0: {@link marketplaceAccumulatorFromAggregates} rejects a row whose count is
 * not, and the DuckDB subpath throws before returning any row. A sale is a row with amount ≥ 0; a
 * refund (amount < 0) counts in GMV and units (`"net"`) but not in orders. Periods are truncated
 * in each dialect's own syntax (`date_trunc` on a TIMESTAMP in PostgreSQL, to avoid its
 * timestamptz overload; `DATE_TRUNC(d, ISOWEEK)` in BigQuery, whose `WEEK` starts on Sunday;
 * `trunc(d, 'QUARTER')` in Spark) and returned as ISO `YYYY-MM-DD` text. Identifiers are quoted
 * (`"x"` in DuckDB and PostgreSQL, `` `x` `` in BigQuery and Spark).
 *
 * ## References
 * DuckDB docs "Date Functions" (`date_trunc`), "Numeric Types" (BIGINT, HUGEINT) and "Aggregate
 * Functions" (`sum`), and DuckDB's `sum.cpp` (SUM of BIGINT: HUGEINT result, 128-bit state); PostgreSQL 16
 * manual § 9.9.2 (`date_trunc`) and § 9.21 (SUM of bigint is numeric); BigQuery "Date functions"
 * (`DATE_TRUNC`, `ISOWEEK`) and "Aggregate functions" (SUM); Spark SQL built-in functions
 * (`trunc`, `sum`).
 *
 * @param mapping - the table (or FROM item) and its columns, see {@link WarehouseTableMapping}
 * @param options - dialect, currency, period, refund policy, seller interval
 * @returns the two queries ({@link MarketplaceAggregateSql})
 * @throws {@link ValidationError} on an unknown dialect or period, an empty or over-long column
 *   name, both or neither of `table` and `from`, a segment given twice or not at all, bad dates
 *
 * @example
 * ```ts
 * import { marketplaceAggregateSql } from "marketplace-economics";
 * const sql = marketplaceAggregateSql({ table: "shop.orders", columns: { sellerId: "seller_id", date: "ordered_at", amount: "amount_cents", segment: "segment" } }, { dialect: "bigquery", currency: "USD" });
 * sql.periodTotals.includes("DATE_TRUNC(sale_day, QUARTER)"); //=> true
 * sql.periodTotals.includes("FROM `shop`.`orders`"); //=> true
 * ```
 *
 * @category Warehouse
 * @since 0.3.0
 */
export function marketplaceAggregateSql(mapping: WarehouseTableMapping, options: MarketplaceAggregateSqlOptions): MarketplaceAggregateSql {
  const fn = "marketplaceAggregateSql";
  const o = toOptions(options, fn, "options", ["dialect", "currency", "period", "refunds", "sellerInterval"]);
  if (o.dialect === undefined) rangeError(fn, "options.dialect", ErrorCode.MISSING_VALUE, "is required", undefined, DIALECTS.map((d) => JSON.stringify(d)).join(", "));
  const dialect: Dialect = toOption(o.dialect, fn, "options.dialect", DIALECTS);
  if (o.currency === undefined) rangeError(fn, "options.currency", ErrorCode.MISSING_VALUE, "is required", undefined, 'an ISO 4217 code such as "USD"');
  const digits = minorDigits(toCurrency(o.currency, fn, "options.currency"));
  const period = o.period === undefined ? "quarter" : toOption(o.period, fn, "options.period", ["day", "week", "month", "quarter", "year"] as const);
  const refunds = o.refunds === undefined ? "net" : toOption(o.refunds, fn, "options.refunds", ["net", "exclude"] as const);
  let interval: { start: string; end: string } | undefined;
  if (o.sellerInterval !== undefined) {
    const iv = toOptions(o.sellerInterval, fn, "options.sellerInterval", ["start", "end"]);
    const start = parseDateInput(iv.start, fn, "options.sellerInterval.start");
    const end = parseDateInput(iv.end, fn, "options.sellerInterval.end");
    if (end.getTime() <= start.getTime()) rangeError(fn, "options.sellerInterval.end", ErrorCode.INVALID_DATE_ORDER, "must be after options.sellerInterval.start", iv.end, "an end after the start");
    interval = { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
  }
  const m = toOptions(mapping, fn, "mapping", ["table", "from", "columns", "amountUnit", "sellerSegments"]);
  const r = RULES[dialect];
  const name = (value: unknown, arg: string): string => {
    const s = toNonEmptyString(value, fn, arg);
    if (s.length > IDENT_MAX) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `must be at most ${IDENT_MAX} characters`, s, "a column or table name");
    return s;
  };
  const qualified = (value: unknown, arg: string): string =>
    name(value, arg)
      .split(".")
      .map((part, i) => (part.length === 0 ? rangeError(fn, arg, ErrorCode.INVALID_TYPE, `has an empty name part ${i + 1}`, value, "a name such as dataset.table") : r.quote(part)))
      .join(".");
  if ((m.table === undefined) === (m.from === undefined))
    rangeError(fn, "mapping.table", ErrorCode.CONFLICTING_OPTIONS, "or mapping.from must be given, not both", m.table ?? m.from, "a table name, or a FROM item");
  const from = m.table !== undefined ? qualified(m.table, "mapping.table") : name(m.from, "mapping.from");
  const c = toOptions(m.columns, fn, "mapping.columns", ["sellerId", "date", "amount", "units", "segment"]);
  const col = (k: "sellerId" | "date" | "amount" | "units" | "segment"): string => `o.${r.quote(name(c[k], `mapping.columns.${k}`))}`;
  const major = (m.amountUnit === undefined ? "minor" : toOption(m.amountUnit, fn, "mapping.amountUnit", ["minor", "major"] as const)) === "major";
  let join = "";
  let segment: string;
  if (m.sellerSegments !== undefined) {
    if (c.segment !== undefined)
      rangeError(fn, "mapping.columns.segment", ErrorCode.CONFLICTING_OPTIONS, "must not be given with mapping.sellerSegments", c.segment, "a segment column or a seller segment table, not both");
    const t = toOptions(m.sellerSegments, fn, "mapping.sellerSegments", ["table", "sellerId", "segment", "missing"]);
    const missing = t.missing === undefined ? "unclassified" : name(t.missing, "mapping.sellerSegments.missing");
    join = ` LEFT JOIN ${qualified(t.table, "mapping.sellerSegments.table")} AS g ON CAST(${col("sellerId")} AS ${r.text}) = CAST(g.${r.quote(name(t.sellerId, "mapping.sellerSegments.sellerId"))} AS ${r.text})`;
    segment = `COALESCE(CAST(g.${r.quote(name(t.segment, "mapping.sellerSegments.segment"))} AS ${r.text}), ${r.literal(missing)})`;
  } else {
    if (c.segment === undefined) rangeError(fn, "mapping.columns.segment", ErrorCode.MISSING_VALUE, "or mapping.sellerSegments is required", undefined, "a segment column, or a seller segment table");
    segment = `CAST(${col("segment")} AS ${r.text})`;
  }
  const scale = 10 ** digits;
  const raw = col("amount");
  const scaled = major ? `(${raw} * ${scale})` : raw;
  const amount = `CAST(${scaled} AS ${r.wideInt})`;
  const units = c.units === undefined ? `CASE WHEN ${raw} < 0 THEN 0 ELSE 1 END` : `COALESCE(${col("units")}, CASE WHEN ${raw} < 0 THEN 0 ELSE 1 END)`;
  // A NULL amount is kept (counted below and rejected), never dropped by the refund filter.
  const where = refunds === "exclude" ? ` WHERE (${raw} >= 0 OR ${raw} IS NULL)` : "";
  // The casts to an integer type round a fraction (DuckDB, PostgreSQL, BigQuery, Spark alike):
  // every row whose amount is not a whole number of minor units (or whose units are not whole)
  // is counted, in the same scan and the same aggregate (#13), and the counts must be 0.
  const subMinor = `, CASE WHEN ${notWhole(scaled, r.wideInt)} THEN 1 ELSE 0 END AS sub_minor`;
  const fractional = c.units === undefined ? "" : `, CASE WHEN ${notWhole(col("units"), r.wideInt)} THEN 1 ELSE 0 END AS fractional_units`;
  // A NULL amount (or one the engine's cast turned into NULL: Spark outside ANSI mode does so on
  // overflow) would be summed as nothing while still counting a unit and an order: counted too.
  const nullAmount = `, CASE WHEN ${amount} IS NULL THEN 1 ELSE 0 END AS null_amount`;
  const rowsWith = (checks: string): string =>
    `SELECT CAST(${col("sellerId")} AS ${r.text}) AS seller_id, ${segment} AS segment, ${r.day(col("date"))} AS sale_day, ` +
    `${amount} AS amount, CAST(${units} AS ${r.wideInt}) AS units${checks} FROM ${from} AS o${join}${where}`;
  const rows = rowsWith("");
  const p = period === "day" ? "sale_day" : r.truncate("sale_day", period);
  const q = r.quote;
  const periodTotals =
    `WITH s AS (${rowsWith(subMinor + fractional + nullAmount)}), t AS (SELECT ${p} AS p, segment, SUM(amount) AS gmv, SUM(units) AS units, ` +
    `SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS orders, SUM(sub_minor) AS sub_minor${fractional === "" ? "" : ", SUM(fractional_units) AS fractional_units"}, SUM(null_amount) AS null_amount FROM s GROUP BY ${p}, segment) ` +
    `SELECT segment AS ${q("segment")}, ${r.isoDay("p")} AS ${q("period")}, gmv AS ${q("gmvMinor")}, units AS ${q("units")}, orders AS ${q("orders")}, ` +
    `sub_minor AS ${q("subMinorRows")}${fractional === "" ? "" : `, fractional_units AS ${q("fractionalUnitRows")}`}, null_amount AS ${q("nullAmountRows")} FROM t ORDER BY p, segment`;
  const inInterval = interval === undefined ? "" : `sale_day >= DATE ${r.literal(interval.start)} AND sale_day < DATE ${r.literal(interval.end)}`;
  const gmv = interval === undefined ? "SUM(amount)" : `SUM(CASE WHEN ${inInterval} THEN amount ELSE 0 END)`;
  const orders = `SUM(CASE WHEN amount >= 0${interval === undefined ? "" : ` AND ${inInterval}`} THEN 1 ELSE 0 END)`;
  const sellerTotals =
    `WITH s AS (${rows}), t AS (SELECT seller_id, segment, ${gmv} AS gmv, ${orders} AS orders, MIN(CASE WHEN amount >= 0 THEN sale_day END) AS first_day ` +
    `FROM s GROUP BY seller_id, segment) SELECT seller_id AS ${q("sellerId")}, segment AS ${q("segment")}, gmv AS ${q("gmvMinor")}, orders AS ${q("orders")}, ${r.isoDay("first_day")} AS ${q("firstSale")} FROM t ORDER BY seller_id, segment`;
  return Object.freeze({ dialect, periodTotals, sellerTotals });
}
