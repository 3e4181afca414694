/**
 * The SQL dialect differences the aggregate queries depend on, one table per dialect (sources:
 * DuckDB "Date Functions", "Numeric Types" and "Aggregate Functions" docs, and DuckDB's
 * `extension/core_functions/aggregate/distributive/sum.cpp` (SUM of BIGINT: a HUGEINT result
 * from a 128-bit state); PostgreSQL 16 manual § 9.9 date_trunc and § 8.1 numeric types; BigQuery
 * "Date functions" (DATE_TRUNC with ISOWEEK) and "Aggregate functions" (SUM of INT64 errors on
 * overflow); Spark SQL built-in functions `trunc` and the ANSI overflow note of `sum`).
 */
import type { Period } from "../../time/types.js";

export type Dialect = "duckdb" | "postgres" | "bigquery" | "spark";
export const DIALECTS: readonly Dialect[] = ["duckdb", "postgres", "bigquery", "spark"];

export interface DialectRules {
  /** Quote one identifier part. */
  quote(part: string): string;
  /** The UTC day of a DATE or TIMESTAMP expression, as a DATE. */
  day(expr: string): string;
  /** The first day of the period containing DATE `d`, as a DATE. */
  truncate(d: string, period: Exclude<Period, "day">): string;
  /** The text type (seller ids and segments are compared and returned as text). */
  readonly text: string;
  /** A DATE as ISO `YYYY-MM-DD` text. */
  isoDay(d: string): string;
  /**
   * The integer type of each summed term (a row's minor units, its units): a cast out of its range
   * raises, and the engine's SUM of it is exact or raises (never wraps, never a float).
   */
  readonly wideInt: string;
  /** A string literal. */
  literal(text: string): string;
}

const doubleQuoted = (part: string): string => `"${part.replace(/"/g, '""')}"`;
const backticked = (part: string): string => `\`${part.replace(/`/g, "``")}\``;
const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

export const RULES: Readonly<Record<Dialect, DialectRules>> = {
  duckdb: {
    quote: doubleQuoted,
    day: (e) => `CAST(${e} AS DATE)`,
    // date_trunc on a DATE returns a DATE for week/month/quarter/year; 'week' is the ISO week (Monday).
    truncate: (d, p) => `CAST(date_trunc('${p}', ${d}) AS DATE)`,
    text: "VARCHAR",
    isoDay: (d) => `strftime(${d}, '%Y-%m-%d')`,
    // Each term a BIGINT (a value outside ±(2^63 - 1) raises a Conversion Error, never wraps).
    // SUM(BIGINT) returns HUGEINT, accumulated in a 128-bit state (int64 adds with a carry, or a
    // plain int64 sum when the column statistics prove it cannot overflow): |sum| <= rows * 2^63,
    // below 2^127 for any group of fewer than 2^64 rows, so it is exact. This is the engine's fast
    // integer path; HUGEINT terms gave the same sums through 128-bit adds and cost the whole
    // query ~1.3x the CPU time of a plain GROUP BY (#13).
    wideInt: "BIGINT",
    literal: sqlString,
  },
  postgres: {
    quote: doubleQuoted,
    day: (e) => `CAST(${e} AS DATE)`,
    // date_trunc(text, timestamp without time zone): cast explicitly, or a DATE resolves to the
    // timestamptz overload and the session TimeZone shifts the result. 'week' starts on Monday (ISO).
    truncate: (d, p) => `CAST(date_trunc('${p}', CAST(${d} AS TIMESTAMP)) AS DATE)`,
    text: "TEXT",
    isoDay: (d) => `to_char(${d}, 'YYYY-MM-DD')`,
    // SUM(bigint) is numeric in PostgreSQL (exact); the cast keeps each term an integer.
    wideInt: "BIGINT",
    literal: sqlString,
  },
  bigquery: {
    quote: backticked,
    day: (e) => `CAST(${e} AS DATE)`,
    // WEEK in BigQuery starts on Sunday; ISOWEEK is the ISO (Monday) week of the other engines.
    truncate: (d, p) => `DATE_TRUNC(${d}, ${p === "week" ? "ISOWEEK" : p.toUpperCase()})`,
    text: "STRING",
    isoDay: (d) => `FORMAT_DATE('%Y-%m-%d', ${d})`,
    // INT64 sums raise an error on overflow (never wrap); BIGNUMERIC is not needed below 9.2e18 minor units.
    wideInt: "INT64",
    literal: (t) => `'${t.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`,
  },
  spark: {
    quote: backticked,
    day: (e) => `CAST(${e} AS DATE)`,
    // trunc(date, fmt) returns a DATE; 'WEEK' is the Monday-starting week.
    truncate: (d, p) => `trunc(${d}, '${p.toUpperCase()}')`,
    text: "STRING",
    isoDay: (d) => `CAST(${d} AS STRING)`,
    // sum(BIGINT) is BIGINT and wraps on overflow unless spark.sql.ansi.enabled: sum DECIMAL(38,0).
    wideInt: "DECIMAL(38,0)",
    literal: (t) => `'${t.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`,
  },
};

/**
 * Whether a numeric expression is not a whole number: it differs from its cast to the integer
 * type `wideInt` (the cast rounds a fraction in every dialect, so `0.1`, `12.50` or `1.5` differ;
 * `1250.0` in a DOUBLE column does not). NULL stays NULL (not counted). A value outside the
 * integer type makes the cast raise, as the summed term's own cast does.
 */
export const notWhole = (expr: string, wideInt: string): string => `${expr} <> CAST(${expr} AS ${wideInt})`;
