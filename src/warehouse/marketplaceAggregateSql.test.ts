import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { startOfPeriod } from "../time/startOfPeriod.js";
import { finalizeMarketplace } from "../share/finalizeMarketplace.js";
import { marketplaceAccumulatorFromAggregates } from "../share/marketplaceAccumulatorFromAggregates.js";
import { marketplaceAccumulatorFromAggregatesAsync } from "../share/marketplaceAccumulatorFromAggregatesAsync.js";
import { marketplaceAggregateSql } from "./marketplaceAggregateSql.js";

const mapping = { table: "shop.orders", columns: { sellerId: "seller_id", date: "ordered_at", amount: "amount_cents", units: "qty", segment: "seg" } } as const;

describe("marketplaceAggregateSql: dialects", () => {
  it("quotes identifiers per dialect", () => {
    expect(marketplaceAggregateSql(mapping, { dialect: "postgres", currency: "USD" }).periodTotals).toContain('FROM "shop"."orders" AS o');
    expect(marketplaceAggregateSql(mapping, { dialect: "spark", currency: "USD" }).periodTotals).toContain("FROM `shop`.`orders` AS o");
    const odd = marketplaceAggregateSql({ table: 'we"ird', columns: { ...mapping.columns, sellerId: "a`b" } }, { dialect: "duckdb", currency: "USD" }).periodTotals;
    expect(odd).toContain('FROM "we""ird"');
    expect(marketplaceAggregateSql({ table: "t", columns: { ...mapping.columns, sellerId: "a`b" } }, { dialect: "bigquery", currency: "USD" }).periodTotals).toContain("o.`a``b`");
  });

  it("truncates to the period in each dialect's syntax (ISO weeks everywhere)", () => {
    const w = (dialect: "duckdb" | "postgres" | "bigquery" | "spark") => marketplaceAggregateSql(mapping, { dialect, currency: "USD", period: "week" }).periodTotals;
    expect(w("duckdb")).toContain("CAST(date_trunc('week', sale_day) AS DATE)");
    expect(w("postgres")).toContain("CAST(date_trunc('week', CAST(sale_day AS TIMESTAMP)) AS DATE)");
    expect(w("bigquery")).toContain("DATE_TRUNC(sale_day, ISOWEEK)");
    expect(w("spark")).toContain("trunc(sale_day, 'WEEK')");
    expect(marketplaceAggregateSql(mapping, { dialect: "bigquery", currency: "USD", period: "month" }).periodTotals).toContain("DATE_TRUNC(sale_day, MONTH)");
  });

  it("sums integer minor units in a wide integer type, never a float", () => {
    // DuckDB: BIGINT terms (SUM of BIGINT is an exact HUGEINT: the fast integer path, #13).
    const duck = marketplaceAggregateSql(mapping, { dialect: "duckdb", currency: "USD" });
    expect(duck.periodTotals).toContain('CAST(o."amount_cents" AS BIGINT)');
    expect(`${duck.periodTotals} ${duck.sellerTotals}`).not.toContain("HUGEINT");
    expect(marketplaceAggregateSql(mapping, { dialect: "spark", currency: "USD" }).periodTotals).toContain("CAST(o.`amount_cents` AS DECIMAL(38,0))");
    expect(marketplaceAggregateSql(mapping, { dialect: "bigquery", currency: "USD" }).periodTotals).toContain("CAST(o.`amount_cents` AS INT64)");
    const major = marketplaceAggregateSql({ ...mapping, amountUnit: "major" }, { dialect: "postgres", currency: "JPY" }).periodTotals;
    expect(major).toContain('CAST((o."amount_cents" * 1) AS BIGINT)');
    for (const d of ["duckdb", "postgres", "bigquery", "spark"] as const) {
      const sql = marketplaceAggregateSql(mapping, { dialect: d, currency: "USD" });
      expect(`${sql.periodTotals} ${sql.sellerTotals}`).not.toMatch(/DOUBLE|FLOAT|REAL|FLOAT64/i);
    }
  });

  it("counts, in every dialect, the rows the integer casts would round (amount and units), whatever the unit (#13)", () => {
    const want = {
      duckdb: ['CASE WHEN o."amount_cents" <> CAST(o."amount_cents" AS BIGINT) THEN 1 ELSE 0 END AS sub_minor', 'CASE WHEN o."qty" <> CAST(o."qty" AS BIGINT) THEN 1 ELSE 0 END AS fractional_units'],
      postgres: ['CASE WHEN o."amount_cents" <> CAST(o."amount_cents" AS BIGINT) THEN 1 ELSE 0 END AS sub_minor', 'CASE WHEN o."qty" <> CAST(o."qty" AS BIGINT) THEN 1 ELSE 0 END AS fractional_units'],
      bigquery: ["CASE WHEN o.`amount_cents` <> CAST(o.`amount_cents` AS INT64) THEN 1 ELSE 0 END AS sub_minor", "CASE WHEN o.`qty` <> CAST(o.`qty` AS INT64) THEN 1 ELSE 0 END AS fractional_units"],
      spark: [
        "CASE WHEN o.`amount_cents` <> CAST(o.`amount_cents` AS DECIMAL(38,0)) THEN 1 ELSE 0 END AS sub_minor",
        "CASE WHEN o.`qty` <> CAST(o.`qty` AS DECIMAL(38,0)) THEN 1 ELSE 0 END AS fractional_units",
      ],
    } as const;
    for (const d of ["duckdb", "postgres", "bigquery", "spark"] as const) {
      const q = d === "duckdb" || d === "postgres" ? (n: string) => `"${n}"` : (n: string) => `\`${n}\``;
      const minor = marketplaceAggregateSql(mapping, { dialect: d, currency: "USD" });
      for (const text of want[d]) expect(minor.periodTotals).toContain(text);
      expect(minor.periodTotals).toContain(`SUM(sub_minor) AS sub_minor, SUM(fractional_units) AS fractional_units, SUM(null_amount) AS null_amount FROM s GROUP BY`);
      expect(minor.periodTotals).toContain(`sub_minor AS ${q("subMinorRows")}, fractional_units AS ${q("fractionalUnitRows")}, null_amount AS ${q("nullAmountRows")} FROM t`);
      // The seller query scans the same rows; the period query carries the checks.
      expect(minor.sellerTotals).not.toContain("sub_minor");
      const major = marketplaceAggregateSql({ ...mapping, amountUnit: "major" }, { dialect: d, currency: "USD" }).periodTotals;
      expect(major).toContain(
        `CASE WHEN (o.${q("amount_cents")} * 100) <> CAST((o.${q("amount_cents")} * 100) AS ${d === "spark" ? "DECIMAL(38,0)" : d === "bigquery" ? "INT64" : "BIGINT"}) THEN 1 ELSE 0 END AS sub_minor`,
      );
      const noUnits = marketplaceAggregateSql({ table: "t", columns: { sellerId: "s", date: "d", amount: "a", segment: "g" } }, { dialect: d, currency: "USD" }).periodTotals;
      expect(noUnits).toContain(`sub_minor AS ${q("subMinorRows")}, null_amount AS ${q("nullAmountRows")} FROM t`);
      expect(noUnits).not.toContain("fractional");
    }
  });

  it("rejects bad mappings and options", () => {
    expect(() => marketplaceAggregateSql(mapping, { dialect: "mysql" as never, currency: "USD" })).toThrow(ValidationError);
    expect(() => marketplaceAggregateSql({ ...mapping, from: "x" }, { dialect: "duckdb", currency: "USD" })).toThrow("marketplaceAggregateSql: mapping.table or mapping.from must be given, not both");
    expect(() => marketplaceAggregateSql({ table: "t", columns: { sellerId: "s", date: "d", amount: "a" } }, { dialect: "duckdb", currency: "USD" })).toThrow(
      /mapping.columns.segment or mapping.sellerSegments is required/,
    );
    expect(() => marketplaceAggregateSql({ table: "a..b", columns: mapping.columns }, { dialect: "duckdb", currency: "USD" })).toThrow(ValidationError);
    expect(() => marketplaceAggregateSql(mapping, { dialect: "duckdb", currency: "USD", sellerInterval: { start: "2024-02-01", end: "2024-01-01" } })).toThrow(ValidationError);
  });
});

// The DuckDB text runs on a real DuckDB (the @duckdb/node-api dev dependency) and must equal a
// plain BigInt fold of the same rows: refunds, NULL units, a seller table with a missing seller,
// DECIMAL major units, ISO weeks.
describe("marketplaceAggregateSql: the DuckDB SQL on DuckDB", () => {
  let instance: DuckDBInstance;
  let db: DuckDBConnection;
  const N = 3000;
  const rows = Array.from({ length: N }, (_, i) => {
    const cents = ((i * 7919) % 200_001) - 20_000; // some refunds
    return { seller: `s${(i * 31) % 97}`, day: new Date(Date.UTC(2023, 11, 1) + ((i * 13) % 400) * 86_400_000), cents, qty: i % 5 === 0 ? null : (i % 4) + 1 };
  });
  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:");
    db = await instance.connect();
    await db.run("CREATE TABLE orders (seller_id VARCHAR, ordered_at DATE, amount_cents BIGINT, amount DECIMAL(18,2), qty INTEGER)");
    const values = rows.map((r) => `('${r.seller}', DATE '${r.day.toISOString().slice(0, 10)}', ${r.cents}, ${(r.cents / 100).toFixed(2)}, ${r.qty ?? "NULL"})`);
    await db.run(`INSERT INTO orders VALUES ${values.join(",")}`);
    await db.run("CREATE TABLE segs AS SELECT 's' || i AS id, CASE WHEN i % 3 = 0 THEN 'smb' ELSE 'large' END AS segment FROM range(90) t(i)");
  });
  afterAll(() => instance.closeSync());
  const segOf = (s: string) => {
    const i = Number(s.slice(1));
    return i >= 90 ? "unclassified" : i % 3 === 0 ? "smb" : "large";
  };

  for (const [period, amountUnit] of [
    ["quarter", "minor"],
    ["week", "major"],
  ] as const) {
    it(`equals a BigInt fold by ${period} (${amountUnit} units), and per seller within an interval`, async () => {
      const sql = marketplaceAggregateSql(
        {
          table: "orders",
          amountUnit,
          columns: { sellerId: "seller_id", date: "ordered_at", amount: amountUnit === "minor" ? "amount_cents" : "amount", units: "qty" },
          sellerSegments: { table: "segs", sellerId: "id", segment: "segment" },
        },
        { dialect: "duckdb", currency: "USD", period, sellerInterval: { start: "2024-01-01", end: "2024-07-01" } },
      );
      const want = new Map<string, { gmv: bigint; units: bigint; orders: bigint }>();
      const sellers = new Map<string, { segment: string; gmv: bigint; orders: bigint; first: string | null }>();
      for (const r of rows) {
        const p = startOfPeriod(r.day, period).toISOString().slice(0, 10);
        const key = `${p}|${segOf(r.seller)}`;
        const t = want.get(key) ?? { gmv: 0n, units: 0n, orders: 0n };
        t.gmv += BigInt(r.cents);
        t.units += BigInt(r.qty ?? (r.cents < 0 ? 0 : 1));
        t.orders += r.cents >= 0 ? 1n : 0n;
        want.set(key, t);
        const s = sellers.get(r.seller) ?? { segment: segOf(r.seller), gmv: 0n, orders: 0n, first: null };
        const d = r.day.toISOString().slice(0, 10);
        if (d >= "2024-01-01" && d < "2024-07-01") {
          s.gmv += BigInt(r.cents);
          if (r.cents >= 0) s.orders += 1n;
        }
        if (r.cents >= 0 && (s.first === null || d < s.first)) s.first = d;
        sellers.set(r.seller, s);
      }
      const got = (await db.runAndReadAll(sql.periodTotals)).getRowObjectsJS();
      expect(got.map((g) => `${String(g["period"])}|${String(g["segment"])}`)).toEqual([...want.keys()].sort());
      for (const g of got) {
        const w = want.get(`${String(g["period"])}|${String(g["segment"])}`);
        expect({ gmv: g["gmvMinor"], units: g["units"], orders: g["orders"] }).toEqual(w);
        if (amountUnit === "major") expect(g["subMinorRows"]).toBe(0n);
      }
      const gs = (await db.runAndReadAll(sql.sellerTotals)).getRowObjectsJS();
      expect(gs).toHaveLength(sellers.size);
      for (const g of gs) {
        const w = sellers.get(String(g["sellerId"]));
        expect({ segment: g["segment"], gmv: g["gmvMinor"], orders: g["orders"], first: g["firstSale"] }).toEqual(w);
      }
    });
  }

  it("sums BIGINT terms exactly past 2^63 (HUGEINT result) and raises for a row outside BIGINT, never wraps", async () => {
    const big = "9000000000000000000"; // 9e18 cents: within BIGINT; three of them are 2.7e19, past 2^63
    await db.run(`CREATE TABLE wide AS SELECT 's' || (i % 2) AS s, DATE '2024-01-01' + CAST(i AS INTEGER) AS d, CAST(${big} AS HUGEINT) AS amount, 'x' AS seg FROM range(3) t(i)`);
    const sql = marketplaceAggregateSql({ table: "wide", columns: { sellerId: "s", date: "d", amount: "amount", segment: "seg" } }, { dialect: "duckdb", currency: "USD" });
    const [p] = (await db.runAndReadAll(sql.periodTotals)).getRowObjectsJS();
    expect(p?.["gmvMinor"]).toBe(3n * BigInt(big));
    expect((await db.runAndReadAll(sql.sellerTotals)).getRowObjectsJS().map((r) => r["gmvMinor"])).toEqual([2n * BigInt(big), BigInt(big)]);
    await db.run("INSERT INTO wide VALUES ('s3', DATE '2024-01-01', CAST(9223372036854775808 AS HUGEINT), 'x')");
    await expect(db.runAndReadAll(sql.periodTotals)).rejects.toThrow(/Conversion Error.*out of range for the destination type INT64/);
    await db.run("CREATE TABLE wide_major AS SELECT 's' AS s, DATE '2024-01-01' AS d, CAST(92233720368547758.08 AS DECIMAL(38,2)) AS amount, 'x' AS seg");
    const major = marketplaceAggregateSql({ table: "wide_major", amountUnit: "major", columns: { sellerId: "s", date: "d", amount: "amount", segment: "seg" } }, { dialect: "duckdb", currency: "USD" });
    await expect(db.runAndReadAll(major.periodTotals)).rejects.toThrow(/Conversion Error.*to type INT64/);
  });

  it("counts rows with sub-minor digits (the casts would round them)", async () => {
    await db.run("CREATE TABLE sub AS SELECT 'a' AS s, DATE '2024-01-01' AS d, 1.005::DECIMAL(18,3) AS amount, 'x' AS seg");
    const sql = marketplaceAggregateSql({ table: "sub", amountUnit: "major", columns: { sellerId: "s", date: "d", amount: "amount", segment: "seg" } }, { dialect: "duckdb", currency: "USD" });
    expect((await db.runAndReadAll(sql.periodTotals)).getRowObjectsJS()[0]?.["subMinorRows"]).toBe(1n);
  });

  it("counts non-integer minor units (12.50 + 12.50 cents summed to 26 before, #13) and fractional units; marketplaceAccumulatorFromAggregates rejects those rows", async () => {
    await db.run(
      "CREATE TABLE frac AS SELECT * FROM (VALUES ('a', DATE '2024-01-01', 12.50::DECIMAL(18,2), 0.1::DOUBLE, 1.0::DOUBLE, 'x'), ('b', DATE '2024-01-02', 12.50::DECIMAL(18,2), 1250.0::DOUBLE, 1.5::DOUBLE, 'x'), ('c', DATE '2024-01-03', 7::DECIMAL(18,2), 99.0::DOUBLE, NULL, 'x')) t(s, d, dec, dbl, u, seg)",
    );
    const run = async (amount: string, units?: string) => {
      const sql = marketplaceAggregateSql({ table: "frac", columns: { sellerId: "s", date: "d", amount, ...(units === undefined ? {} : { units }), segment: "seg" } }, { dialect: "duckdb", currency: "USD" });
      return (await db.runAndReadAll(sql.periodTotals)).getRowObjectsJS();
    };
    const [dec] = await run("dec", "u");
    expect(dec).toMatchObject({ gmvMinor: 33n, subMinorRows: 2n, fractionalUnitRows: 1n });
    const [dbl] = await run("dbl");
    expect(dbl).toMatchObject({ gmvMinor: 1349n, subMinorRows: 1n });
    const options = { currency: "USD" } as const;
    const period = (r: Record<string, unknown>) => ({ ...r }) as never;
    expect(() => marketplaceAccumulatorFromAggregates({ periods: [period(dbl as Record<string, unknown>)] }, options)).toThrow(
      'marketplaceAccumulatorFromAggregates: aggregates.periods[0].subMinorRows must be 0: the engine counted 1 row whose amount is not a whole number of minor units of USD, which the SQL\'s integer casts rounded, received 1n (allowed: 0: an amount column of integer minor units, or mapping.amountUnit "major" for an exact DECIMAL of major units with at most 2 decimals)',
    );
    expect(() => marketplaceAccumulatorFromAggregates({ periods: [period({ ...(dec as Record<string, unknown>), subMinorRows: "0" })] }, options)).toThrow(
      expect.objectContaining({ code: "NOT_INTEGER", argument: "aggregates.periods[0].fractionalUnitRows" }) as never,
    );
    await expect(marketplaceAccumulatorFromAggregatesAsync({ periods: [period(dec as Record<string, unknown>)] }, options)).rejects.toMatchObject({ code: "SUB_MINOR_UNIT" });
    // Whole values in DOUBLE and DECIMAL columns count 0 and are accepted, check columns and all.
    await db.run("CREATE TABLE whole AS SELECT * FROM (VALUES ('a', DATE '2024-01-01', 1250.0::DOUBLE, 3.0::DOUBLE, 'x'), ('b', DATE '2024-01-02', -250.0::DOUBLE, NULL, 'x')) t(s, d, amount, u, seg)");
    const sql = marketplaceAggregateSql({ table: "whole", columns: { sellerId: "s", date: "d", amount: "amount", units: "u", segment: "seg" } }, { dialect: "duckdb", currency: "USD" });
    const rows = (await db.runAndReadAll(sql.periodTotals)).getRowObjectsJS();
    expect(rows).toEqual([{ segment: "x", period: "2024-01-01", gmvMinor: 1000n, units: 3n, orders: 1n, subMinorRows: 0n, fractionalUnitRows: 0n, nullAmountRows: 0n }]);
    const acc = marketplaceAccumulatorFromAggregates({ periods: rows as never }, options);
    expect(finalizeMarketplace(acc).share.total.gmv?.amount.toFixed(2)).toBe("10.00");
  });

  it("counts NULL amounts (summed as nothing while counting a unit), with refunds excluded too, and marketplaceAccumulatorFromAggregates rejects them", async () => {
    await db.run(
      "CREATE TABLE nulls AS SELECT * FROM (VALUES ('a', DATE '2024-01-01', 1250::BIGINT, 'x'), ('b', DATE '2024-01-02', NULL::BIGINT, 'x'), ('c', DATE '2024-01-03', -50::BIGINT, 'x')) t(s, d, amount, seg)",
    );
    const options = { currency: "USD" } as const;
    for (const refunds of ["net", "exclude"] as const) {
      const sql = marketplaceAggregateSql({ table: "nulls", columns: { sellerId: "s", date: "d", amount: "amount", segment: "seg" } }, { dialect: "duckdb", currency: "USD", refunds });
      const rows = (await db.runAndReadAll(sql.periodTotals)).getRowObjectsJS();
      expect(rows).toEqual([{ segment: "x", period: "2024-01-01", gmvMinor: refunds === "net" ? 1200n : 1250n, units: 2n, orders: 1n, subMinorRows: 0n, nullAmountRows: 1n }]);
      expect(() => marketplaceAccumulatorFromAggregates({ periods: rows as never }, options)).toThrow(
        "marketplaceAccumulatorFromAggregates: aggregates.periods[0].nullAmountRows must be 0: the engine counted 1 row whose amount is NULL (or did not fit the engine's integer type and was cast to NULL), which would be summed as nothing, received 1n (allowed: 0: an amount on every row)",
      );
    }
    for (const d of ["duckdb", "postgres", "bigquery", "spark"] as const) {
      const text = marketplaceAggregateSql({ table: "t", columns: { sellerId: "s", date: "d", amount: "a", segment: "g" } }, { dialect: d, currency: "USD", refunds: "exclude" }).periodTotals;
      expect(text).toMatch(/CASE WHEN CAST\(o\.["`]a["`] AS (BIGINT|INT64|DECIMAL\(38,0\))\) IS NULL THEN 1 ELSE 0 END AS null_amount/);
      expect(text).toMatch(/WHERE \(o\.["`]a["`] >= 0 OR o\.["`]a["`] IS NULL\)/);
    }
  });
});
