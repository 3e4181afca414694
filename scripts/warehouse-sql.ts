/**
 * Writes the full SQL text of `marketplaceAggregateSql` for every dialect it supports (DuckDB,
 * PostgreSQL, BigQuery, Spark SQL), both queries, into docs/guides/sales-share.md between the
 * markers `<!-- warehouse-sql:start -->` and `<!-- warehouse-sql:end -->` (#13): the guide shows
 * what the library generates, never hand-typed SQL. Line breaks and indentation are the only
 * change: every break replaces one space of the generated text, so joining the lines back with
 * single spaces gives the library's string exactly (checked here and by the test). Run
 * `npx tsx scripts/warehouse-sql.ts` after changing the SQL; test/warehouse-sql.test.ts fails when
 * the guide differs from what the library generates.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { marketplaceAggregateSql } from "../src/warehouse/marketplaceAggregateSql.js";
import type { WarehouseTableMapping } from "../src/warehouse/types.js";

export const START = "<!-- warehouse-sql:start -->";
export const END = "<!-- warehouse-sql:end -->";
export const GUIDE = fileURLToPath(new URL("../docs/guides/sales-share.md", import.meta.url));

/** The mapping of the guide's snippet (the `mapping` constant above the generated section). */
export const GUIDE_MAPPING: WarehouseTableMapping = {
  table: "public.orders",
  columns: { sellerId: "seller_id", date: "ordered_at", amount: "amount_cents", units: "quantity" },
  sellerSegments: { table: "public.seller_segments", sellerId: "seller_id", segment: "segment" },
};
export const DIALECTS = [
  ["duckdb", "DuckDB"],
  ["postgres", "PostgreSQL"],
  ["bigquery", "BigQuery"],
  ["spark", "Spark SQL"],
] as const;

const CLAUSE = /^(?:FROM|LEFT JOIN|WHERE|GROUP BY|ORDER BY|SELECT)\b/;
const WIDTH = 100;

/**
 * `sql` with line breaks: before each clause (FROM, LEFT JOIN, WHERE, GROUP BY, ORDER BY, a
 * top-level SELECT) and each common table expression, indented by parenthesis depth, then long
 * lines wrapped after commas. Only spaces outside quotes and backticks become breaks.
 */
export function formatSql(sql: string): string {
  let out = "";
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] as string;
    if (quote !== undefined) {
      out += c;
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === "`") quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    if (c === " ") {
      const rest = sql.slice(i + 1);
      const cte = depth === 0 && sql[i - 1] === "," && /^\w+ AS \(/.test(rest);
      if (cte || (CLAUSE.test(rest) && !(depth > 0 && rest.startsWith("SELECT")))) {
        out += `\n${"  ".repeat(cte ? 0 : depth)}`;
        continue;
      }
    }
    out += c;
  }
  return out
    .split("\n")
    .flatMap((line) => wrap(line))
    .join("\n");
}

/**
 * Wrap one line to WIDTH at the spaces after the commas of its select list (at the parenthesis
 * depth of its first SELECT, outside quotes), continuation lines indented 4 more.
 */
function wrap(line: string): string[] {
  if (line.length <= WIDTH) return [line];
  const indent = `${/^ */.exec(line)?.[0] ?? ""}    `;
  const lines: string[] = [];
  let current = "";
  let lastBreak = -1;
  let quote: string | undefined;
  let depth = 0;
  let base: number | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === "`") quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (base === undefined && line.startsWith("SELECT ", i)) base = depth;
    else if (c === " " && line[i - 1] === "," && depth === (base ?? 0)) lastBreak = current.length;
    current += c;
    if (current.length > WIDTH && lastBreak > 0) {
      lines.push(current.slice(0, lastBreak));
      current = indent + current.slice(lastBreak + 1);
      lastBreak = -1;
    }
  }
  lines.push(current);
  return lines;
}

/** Joins formatted SQL back into one line: the library's text. */
export const unformat = (text: string): string => text.replace(/\n */g, " ");

/** The generated Markdown section: each dialect's two queries for GUIDE_MAPPING, quarter periods, USD. */
export function renderWarehouseSql(): string {
  const parts: string[] = [];
  for (const [dialect, title] of DIALECTS) {
    const sql = marketplaceAggregateSql(GUIDE_MAPPING, { dialect, currency: "USD", period: "quarter" });
    for (const [key, what] of [
      ["periodTotals", "per period and segment"],
      ["sellerTotals", "per seller"],
    ] as const) {
      const text = formatSql(sql[key]);
      if (unformat(text) !== sql[key]) throw new Error(`warehouse-sql: formatting changed the ${dialect} ${key} text`);
      parts.push(`**${title}**, \`${key}\` (${what}):`, "", "```sql", text, "```", "");
    }
  }
  return parts.join("\n");
}

/** `guide` with the section between the markers replaced by the generated one. */
export function withSql(guide: string): string {
  const a = guide.indexOf(START);
  const b = guide.indexOf(END);
  if (a < 0 || b < a) throw new Error(`warehouse-sql: ${START} … ${END} not found in the guide`);
  return `${guide.slice(0, a + START.length)}\n${renderWarehouseSql()}${guide.slice(b)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const guide = readFileSync(GUIDE, "utf8");
  const next = withSql(guide);
  if (next !== guide) writeFileSync(GUIDE, next);
  console.log(next === guide ? "warehouse-sql: the guide is up to date" : "warehouse-sql: wrote docs/guides/sales-share.md");
}
