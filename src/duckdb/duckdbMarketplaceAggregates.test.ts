import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { readSalesCsv } from "../io/readSalesCsv.js";
import { sellerSegments } from "../io/sellerSegments.js";
import { startOfPeriod } from "../time/startOfPeriod.js";
import { money } from "../money/money.js";
import { accumulateMarketplaceAsync } from "../share/accumulateMarketplaceAsync.js";
import { finalizeMarketplace } from "../share/finalizeMarketplace.js";
import { mergeMarketplaceAccumulators } from "../share/mergeMarketplaceAccumulators.js";
import { duckdbMarketplaceAccumulator } from "./duckdbMarketplaceAccumulator.js";
import { duckdbMarketplaceAggregates } from "./duckdbMarketplaceAggregates.js";

// The test writes its own log with DuckDB (COPY ... TO Parquet and CSV) in a temporary folder:
// 20,000 rows, refunds included, amounts up to 10^12 cents so that totals exceed 2^53.
const dir = mkdtempSync(join(tmpdir(), "me-duckdb-"));
const parquet = join(dir, "orders.parquet");
const csv = join(dir, "orders.csv");
const N = 20_000;
const GEN = `SELECT 's' || (i % 211) AS seller_id, DATE '2023-11-01' + CAST((i * 37) % 500 AS INTEGER) AS ordered_on,
  CAST(CASE WHEN i % 17 = 0 THEN -((i * 7919) % 50000) WHEN i % 1000 = 0 THEN 1000000000000 + i ELSE (i * 7919) % 2000000 END AS BIGINT) AS amount_cents,
  CASE WHEN i % 9 = 0 THEN NULL ELSE CAST(i % 4 + 1 AS INTEGER) END AS qty,
  CASE WHEN i % 211 < 70 THEN 'smb' ELSE 'large' END AS segment
  FROM range(${N}) t(i)`;

beforeAll(async () => {
  const inst = await DuckDBInstance.create(":memory:");
  const c = await inst.connect();
  await c.run(`COPY (${GEN}) TO '${parquet}' (FORMAT parquet)`);
  await c.run(
    `COPY (SELECT seller_id, ordered_on, (CASE WHEN amount_cents < 0 THEN '-' ELSE '' END) || printf('%d.%02d', abs(amount_cents) // 100, abs(amount_cents) % 100) AS amount, qty FROM (${GEN})) TO '${csv}' (HEADER, DELIMITER ',')`,
  );
  inst.closeSync();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const columns = { sellerId: "seller_id", date: "ordered_on", amount: "amount_cents", units: "qty", segment: "segment" } as const;

/** The reference: a plain BigInt fold over the CSV streamed by readSalesCsv. */
async function streamedFold(segmentOf: (id: string) => string, period: "quarter" | "month") {
  const periods = new Map<string, { gmvMinor: bigint; units: bigint; orders: bigint }>();
  const sellers = new Map<string, { segment: string; gmvMinor: bigint; orders: bigint; firstSale: string | null }>();
  for await (const r of readSalesCsv(csv, { currency: "USD", columns: { sellerId: "seller_id", date: "ordered_on", amount: "amount", units: "qty" } })) {
    const segment = segmentOf(r.sellerId);
    const key = `${segment}|${startOfPeriod(r.date, period).toISOString().slice(0, 10)}`;
    const t = periods.get(key) ?? { gmvMinor: 0n, units: 0n, orders: 0n };
    const amount = BigInt(r.amountMinor);
    t.gmvMinor += amount;
    t.units += BigInt(r.units ?? (amount < 0n ? 0 : 1));
    t.orders += amount >= 0n ? 1n : 0n;
    periods.set(key, t);
    const s = sellers.get(r.sellerId) ?? { segment, gmvMinor: 0n, orders: 0n, firstSale: null };
    const day = r.date.toISOString().slice(0, 10);
    s.gmvMinor += amount;
    if (amount >= 0n) {
      s.orders += 1n;
      if (s.firstSale === null || day < s.firstSale) s.firstSale = day;
    }
    sellers.set(r.sellerId, s);
  }
  return { periods, sellers };
}

describe("duckdbMarketplaceAggregates", () => {
  it("aggregates a Parquet file exactly as streaming the same log as CSV does", async () => {
    const got = await duckdbMarketplaceAggregates(parquet, { currency: "USD", columns });
    const want = await streamedFold((id) => (Number(id.slice(1)) < 70 ? "smb" : "large"), "quarter");
    expect(got.periods.map((p) => `${p.segment}|${p.period}`).sort()).toEqual([...want.periods.keys()].sort());
    for (const p of got.periods) expect({ gmvMinor: p.gmvMinor, units: p.units, orders: p.orders }).toEqual(want.periods.get(`${p.segment}|${p.period}`));
    expect(got.sellers).toHaveLength(211);
    for (const s of got.sellers ?? []) expect({ segment: s.segment, gmvMinor: s.gmvMinor, orders: s.orders, firstSale: s.firstSale }).toEqual(want.sellers.get(s.sellerId));
    const total = got.periods.reduce((a, p) => a + p.gmvMinor, 0n);
    expect(total > BigInt(Number.MAX_SAFE_INTEGER) / 1000n).toBe(true);
    expect(Object.isFrozen(got.periods[0])).toBe(true);
  });

  it("reads the CSV with exact DECIMAL amounts and joins a sellerSegments table", async () => {
    const table = sellerSegments(
      Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, employees: i % 2 === 0 ? 10 : 500, ...(i % 2 === 0 ? { annualTurnover: { amount: "1000000", currency: "EUR" } as never } : {}) })),
    );
    const got = await duckdbMarketplaceAggregates(
      { csv },
      { currency: "USD", amountUnit: "major", columns: { sellerId: "seller_id", date: "ordered_on", amount: "amount", units: "qty" }, sellerSegments: table, period: "month", sellers: false },
    );
    const want = await streamedFold((id) => (Number(id.slice(1)) >= 200 ? "unclassified" : table.segmentOf({ sellerId: id })), "month");
    expect(got.sellers).toBeUndefined();
    expect(got.periods.length).toBe(want.periods.size);
    for (const p of got.periods) expect({ gmvMinor: p.gmvMinor, units: p.units, orders: p.orders }).toEqual(want.periods.get(`${p.segment}|${p.period}`));
    expect(new Set(got.periods.map((p) => p.segment))).toEqual(new Set(["smb", "non-smb", "unclassified"]));
  });

  it("runs on the caller's connection and table", async () => {
    const inst = await DuckDBInstance.create(":memory:");
    const c = await inst.connect();
    await c.run(`CREATE TABLE orders AS ${GEN}`);
    const got = await duckdbMarketplaceAggregates({ table: "orders" }, { currency: "USD", columns, connection: c, period: "year", sellerInterval: { start: "2024-01-01", end: "2025-01-01" } });
    const fromFile = await duckdbMarketplaceAggregates(parquet, { currency: "USD", columns, period: "year" });
    expect(got.periods).toEqual(fromFile.periods);
    expect(got.sql.periodTotals).toContain('FROM "orders" AS o');
    inst.closeSync();
  });

  it("rejects sub-minor amounts, bad sources and bad options", async () => {
    const inst = await DuckDBInstance.create(":memory:");
    const c = await inst.connect();
    await c.run("CREATE TABLE t AS SELECT 'a' AS s, DATE '2024-01-01' AS d, 1.005::DECIMAL(10,3) AS a, 'x' AS g");
    await expect(duckdbMarketplaceAggregates({ table: "t" }, { currency: "USD", amountUnit: "major", columns: { sellerId: "s", date: "d", amount: "a", segment: "g" }, connection: c })).rejects.toMatchObject({
      code: "SUB_MINOR_UNIT",
      fn: "duckdbMarketplaceAggregates",
    });
    inst.closeSync();
    await expect(duckdbMarketplaceAggregates("orders.xlsx", { currency: "USD", columns })).rejects.toBeInstanceOf(ValidationError);
    await expect(duckdbMarketplaceAggregates({ parquet: [] }, { currency: "USD", columns })).rejects.toMatchObject({ code: "EMPTY_INPUT" });
    await expect(duckdbMarketplaceAggregates(parquet, { columns } as never)).rejects.toThrow("duckdbMarketplaceAggregates: options.currency is required");
    await expect(duckdbMarketplaceAggregates(parquet, { currency: "USD", columns, connection: {} as never })).rejects.toMatchObject({ code: "INVALID_TYPE" });
    await expect(duckdbMarketplaceAggregates(parquet, { currency: "USD", columns: { ...columns, segment: undefined }, sellerSegments: [["a", 1]] as never })).rejects.toThrow("options.sellerSegments[0][1]");
  });
});

describe("duckdbMarketplaceAccumulator", () => {
  it("returns the same state (same JSON) as streaming the CSV through accumulateMarketplaceAsync", async () => {
    const accumulator = {
      currency: "USD",
      period: "month" as const,
      sellerInterval: { start: "2024-01-01", end: "2025-01-01" },
      thresholds: [money("1000", "USD")],
      brackets: [money("100", "USD"), money("10000", "USD")],
      topK: [1, 10],
    };
    const segmentOf = (s: { sellerId: string }) => (Number(s.sellerId.slice(1)) < 70 ? "smb" : "large");
    const fromDuckDB = await duckdbMarketplaceAccumulator(parquet, { query: { columns }, accumulator });
    const streamed = await accumulateMarketplaceAsync(readSalesCsv(csv, { currency: "USD", columns: { sellerId: "seller_id", date: "ordered_on", amount: "amount", units: "qty" } }), segmentOf, accumulator);
    expect(JSON.stringify(fromDuckDB)).toBe(JSON.stringify(streamed));
    const figures = finalizeMarketplace(fromDuckDB);
    expect(figures.sellers.sellers).toBe(211);
    expect(JSON.stringify(finalizeMarketplace(mergeMarketplaceAccumulators(fromDuckDB, streamed)).share.total)).not.toBe(JSON.stringify(figures.share.total));
  });

  it('rejects refunds: "reject" and bad options', async () => {
    await expect(duckdbMarketplaceAccumulator(parquet, { query: { columns }, accumulator: { currency: "USD", refunds: "reject" } })).rejects.toMatchObject({
      code: "UNKNOWN_OPTION",
      fn: "duckdbMarketplaceAccumulator",
    });
    await expect(duckdbMarketplaceAccumulator(parquet, { query: { columns, extra: 1 } as never, accumulator: { currency: "USD" } })).rejects.toBeInstanceOf(ValidationError);
  });
});
