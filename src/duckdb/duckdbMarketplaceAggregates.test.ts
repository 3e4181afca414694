import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
      message:
        'duckdbMarketplaceAggregates: options.columns.amount (column "a") has 1 row with more decimals than USD has (amountUnit "major"), received 1.005 (allowed: amounts with at most 2 decimals, in an exact DECIMAL column: a DOUBLE cannot hold most cents exactly)',
    });
    inst.closeSync();
    await expect(duckdbMarketplaceAggregates("orders.xlsx", { currency: "USD", columns })).rejects.toBeInstanceOf(ValidationError);
    await expect(duckdbMarketplaceAggregates({ parquet: [] }, { currency: "USD", columns })).rejects.toMatchObject({ code: "EMPTY_INPUT" });
    await expect(duckdbMarketplaceAggregates(parquet, { columns } as never)).rejects.toThrow("duckdbMarketplaceAggregates: options.currency is required");
    await expect(duckdbMarketplaceAggregates(parquet, { currency: "USD", columns, connection: {} as never })).rejects.toMatchObject({ code: "INVALID_TYPE" });
    await expect(duckdbMarketplaceAggregates(parquet, { currency: "USD", columns: { ...columns, segment: undefined }, sellerSegments: [["a", 1]] as never })).rejects.toThrow("options.sellerSegments[0][1]");
  });
});

describe("amounts the integer casts would round (#13: they were summed rounded, without an error)", () => {
  // Parquet and CSV files written here: DOUBLE and DECIMAL amount columns with fractions of a cent.
  const fdir = mkdtempSync(join(tmpdir(), "me-duckdb-frac-"));
  const file = (name: string): string => join(fdir, name);
  const cols = { sellerId: "seller_id", date: "day", amount: "amount" } as const;
  const segs: [string, string][] = [
    ["a", "smb"],
    ["b", "large"],
  ];
  beforeAll(async () => {
    const inst = await DuckDBInstance.create(":memory:");
    const c = await inst.connect();
    const rows = (type: string, a: string, b: string, d: string): string =>
      `SELECT * FROM (VALUES ('a', DATE '2017-01-03', CAST(${a} AS ${type})), ('a', DATE '2017-01-04', CAST(${b} AS ${type})), ('b', DATE '2017-04-05', CAST(${d} AS ${type}))) t(seller_id, day, amount)`;
    await c.run(`COPY (${rows("DOUBLE", "0.1", "0.2", "1.005")}) TO '${file("double.parquet")}' (FORMAT parquet)`);
    await c.run(`COPY (${rows("DECIMAL(18,2)", "12.50", "12.50", "100")}) TO '${file("decimal.parquet")}' (FORMAT parquet)`);
    await c.run(`COPY (${rows("DOUBLE", "1250.0", "-250.0", "99.0")}) TO '${file("whole.parquet")}' (FORMAT parquet)`);
    await c.run(`COPY (${rows("BIGINT", "1250", "-250", "99")}) TO '${file("bigint.parquet")}' (FORMAT parquet)`);
    await c.run(`COPY (${rows("BIGINT", "1250", "NULL", "99")}) TO '${file("null.parquet")}' (FORMAT parquet)`);
    await c.run(`COPY (SELECT 'a' AS seller_id, DATE '2017-01-03' AS day, 500 AS amount, CAST(u AS DOUBLE) AS qty FROM (VALUES (1.0), (1.5), (2.0)) t(u)) TO '${file("units.parquet")}' (FORMAT parquet)`);
    inst.closeSync();
    writeFileSync(file("minor.csv"), "seller_id,day,amount\na,2017-01-03,1250\na,2017-01-04,12.50\nb,2017-04-05,12.50\n");
    writeFileSync(file("major.csv"), "seller_id,day,amount\na,2017-01-03,12.50\nb,2017-04-05,1.005\n");
  });
  afterAll(() => rmSync(fdir, { recursive: true, force: true }));

  it("a DOUBLE column of 0.1, 0.2, 1.005 minor units (the default unit) is NOT_INTEGER, naming the column, the count and a value", async () => {
    for (const query of [
      { columns: cols, sellerSegments: segs },
      { amountUnit: "minor" as const, columns: cols, sellerSegments: segs },
    ]) {
      await expect(duckdbMarketplaceAccumulator(file("double.parquet"), { query, accumulator: { currency: "USD" } })).rejects.toMatchObject({
        name: "ValidationError",
        code: "NOT_INTEGER",
        fn: "duckdbMarketplaceAccumulator",
        argument: "options.query.columns.amount",
        message:
          'duckdbMarketplaceAccumulator: options.query.columns.amount (column "amount") has 3 rows whose amount is not a whole number of minor units (amountUnit "minor", the default), received 0.1 (allowed: integer minor units (1 = 0.01 USD), or amountUnit: "major" for amounts in USD)',
      });
    }
    // As major units the DOUBLE's 0.1 and 0.2 are whole cents; 1.005 is not.
    await expect(duckdbMarketplaceAggregates(file("double.parquet"), { currency: "USD", amountUnit: "major", columns: cols, sellerSegments: segs })).rejects.toMatchObject({
      code: "SUB_MINOR_UNIT",
      message: expect.stringContaining('has 1 row with more decimals than USD has (amountUnit "major"), received 1.005'),
    });
    // A currency without minor digits: major units must be whole yen.
    await expect(duckdbMarketplaceAggregates(file("decimal.parquet"), { currency: "JPY", amountUnit: "major", columns: cols, sellerSegments: segs })).rejects.toMatchObject({
      code: "SUB_MINOR_UNIT",
      message: expect.stringContaining('has 2 rows with more decimals than JPY has (amountUnit "major"), received 12.5 (allowed: amounts with at most 0 decimals'),
    });
    await expect(duckdbMarketplaceAggregates(file("decimal.parquet"), { currency: "JPY", columns: cols, sellerSegments: segs })).rejects.toThrow(
      '(allowed: integer minor units (1 = 1 JPY), or amountUnit: "major" for amounts in JPY)',
    );
  });

  it("a NULL amount is MISSING_VALUE, naming the column and the count (it would count a unit with no amount), refunds excluded or not", async () => {
    for (const refunds of [undefined, "exclude" as const]) {
      await expect(duckdbMarketplaceAggregates(file("null.parquet"), { currency: "USD", columns: cols, sellerSegments: segs, ...(refunds === undefined ? {} : { refunds }) })).rejects.toMatchObject({
        name: "ValidationError",
        code: "MISSING_VALUE",
        fn: "duckdbMarketplaceAggregates",
        argument: "options.columns.amount",
        message: expect.stringContaining('duckdbMarketplaceAggregates: options.columns.amount (column "amount") has 1 row whose amount is NULL'),
      });
    }
  });

  it("a DECIMAL(18,2) column of 12.50 minor units is NOT_INTEGER (the cast made 26 of 12.50 + 12.50), in Parquet and in CSV", async () => {
    await expect(duckdbMarketplaceAggregates(file("decimal.parquet"), { currency: "USD", columns: cols, sellerSegments: segs })).rejects.toMatchObject({
      code: "NOT_INTEGER",
      message: expect.stringContaining('options.columns.amount (column "amount") has 2 rows whose amount is not a whole number of minor units (amountUnit "minor", the default), received 12.5 '),
    });
    // The CSV reader no longer rounds "12.50" to 13 before the check (it read the column as BIGINT).
    await expect(duckdbMarketplaceAggregates(file("minor.csv"), { currency: "USD", columns: cols, sellerSegments: segs })).rejects.toMatchObject({
      code: "NOT_INTEGER",
      message: expect.stringContaining('has 2 rows whose amount is not a whole number of minor units (amountUnit "minor", the default), received 12.5 '),
    });
    // Nor "1.005" to 1.01 (it read major units as DECIMAL(38,2)).
    await expect(duckdbMarketplaceAggregates(file("major.csv"), { currency: "USD", amountUnit: "major", columns: cols, sellerSegments: segs })).rejects.toMatchObject({
      code: "SUB_MINOR_UNIT",
      message: expect.stringContaining('has 1 row with more decimals than USD has (amountUnit "major"), received 1.005 '),
    });
    // Refunds excluded: the rows the query skips are not checked, the others are.
    await expect(duckdbMarketplaceAggregates(file("decimal.parquet"), { currency: "USD", refunds: "exclude", columns: cols, sellerSegments: segs })).rejects.toMatchObject({ code: "NOT_INTEGER" });
  });

  it("accepts integer-valued DOUBLE and DECIMAL amounts: the same rows as a BIGINT column", async () => {
    const whole = await duckdbMarketplaceAggregates(file("whole.parquet"), { currency: "USD", columns: cols, sellerSegments: segs });
    const bigint = await duckdbMarketplaceAggregates(file("bigint.parquet"), { currency: "USD", columns: cols, sellerSegments: segs });
    expect(whole.periods).toEqual(bigint.periods);
    expect(whole.sellers).toEqual(bigint.sellers);
    expect(whole.periods.map((p) => p.gmvMinor)).toEqual([1000n, 99n]);
    const major = await duckdbMarketplaceAggregates(
      { sql: "SELECT 'a' AS seller_id, DATE '2017-01-03' AS day, CAST(12.5 AS DECIMAL(18,2)) AS amount" },
      { currency: "USD", amountUnit: "major", columns: cols, sellerSegments: segs },
    );
    expect(major.periods[0]?.gmvMinor).toBe(1250n);
    writeFileSync(file("whole.csv"), "seller_id,day,amount\na,2017-01-03,1250.00\na,2017-01-04,-250\nb,2017-04-05,99.0\n");
    expect((await duckdbMarketplaceAggregates(file("whole.csv"), { currency: "USD", columns: cols, sellerSegments: segs })).periods).toEqual(bigint.periods);
  });

  it("fractional units are NOT_INTEGER, naming the units column; whole DOUBLE units pass", async () => {
    const columns2 = { ...cols, units: "qty" };
    await expect(duckdbMarketplaceAccumulator(file("units.parquet"), { query: { columns: columns2, sellerSegments: segs }, accumulator: { currency: "USD" } })).rejects.toMatchObject({
      code: "NOT_INTEGER",
      argument: "options.query.columns.units",
      message: 'duckdbMarketplaceAccumulator: options.query.columns.units (column "qty") has 1 row whose units are not a whole number, received 1.5 (allowed: integer units, or no units column: 1 per sale)',
    });
    const ok = await duckdbMarketplaceAggregates({ sql: `SELECT * FROM read_parquet('${file("units.parquet")}') WHERE qty <> 1.5` }, { currency: "USD", columns: columns2, sellerSegments: segs });
    expect(ok.periods[0]).toMatchObject({ units: 3n, gmvMinor: 1000n });
  });

  it("names the caller's option for a missing segment (was mapping.sellerSegments)", async () => {
    await expect(duckdbMarketplaceAggregates(file("bigint.parquet"), { currency: "USD", columns: cols })).rejects.toThrow(
      "duckdbMarketplaceAggregates: options.columns.segment or options.sellerSegments is required, received undefined",
    );
    await expect(duckdbMarketplaceAccumulator(file("bigint.parquet"), { query: { columns: cols }, accumulator: { currency: "USD" } })).rejects.toThrow(
      "duckdbMarketplaceAccumulator: options.query.columns.segment or options.query.sellerSegments is required, received undefined",
    );
    await expect(duckdbMarketplaceAggregates(file("bigint.parquet"), { currency: "USD", columns: { ...cols, segment: "amount" }, sellerSegments: segs })).rejects.toThrow(
      "duckdbMarketplaceAggregates: options.columns.segment must not be given with options.sellerSegments",
    );
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
