// The SQL of every dialect shown in docs/guides/sales-share.md is generated from the library
// (scripts/warehouse-sql.ts); this fails when the guide and marketplaceAggregateSql differ (#13).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { marketplaceAggregateSql } from "../src/warehouse/marketplaceAggregateSql.js";
import { DIALECTS, END, GUIDE, GUIDE_MAPPING, START, formatSql, unformat, withSql } from "../scripts/warehouse-sql.js";

const guide = readFileSync(GUIDE, "utf8");
const literal = (v: unknown): string =>
  typeof v === "string"
    ? JSON.stringify(v)
    : `{ ${Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${k}: ${literal(x)}`)
        .join(", ")} }`;

describe("warehouse SQL in the sales-share guide", () => {
  it("matches what marketplaceAggregateSql generates (regenerate: npx tsx scripts/warehouse-sql.ts)", () => {
    expect(guide).toContain(START);
    expect(guide).toContain(END);
    expect(withSql(guide)).toBe(guide);
  });

  it("shows both queries of every dialect, each equal to the library's text once its lines are joined", () => {
    const section = guide.slice(guide.indexOf(START), guide.indexOf(END));
    const blocks = [...section.matchAll(/```sql\n([\s\S]*?)\n```/g)].map((m) => unformat(m[1] ?? ""));
    const want = DIALECTS.flatMap(([dialect]) => {
      const sql = marketplaceAggregateSql(GUIDE_MAPPING, { dialect, currency: "USD", period: "quarter" });
      return [sql.periodTotals, sql.sellerTotals];
    });
    expect(blocks).toEqual(want);
    expect(new Set(DIALECTS.map(([d]) => d))).toEqual(new Set(["duckdb", "postgres", "bigquery", "spark"]));
  });

  it("uses the mapping of the guide's snippet", () => {
    expect(guide).toContain(`const mapping = ${literal(GUIDE_MAPPING)};`);
  });

  it("formats by replacing spaces outside quotes only", () => {
    const sql = `SELECT 'a FROM b', "x ORDER BY" FROM t WHERE c = 1 GROUP BY d ORDER BY e`;
    expect(formatSql(sql)).toBe(`SELECT 'a FROM b', "x ORDER BY"\nFROM t\nWHERE c = 1\nGROUP BY d\nORDER BY e`);
    expect(unformat(formatSql(sql))).toBe(sql);
  });
});
