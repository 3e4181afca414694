/**
 * Regression tests of the hostile harness (issue #11) for the duckdb subpath: every error names
 * the function the user called (not the SQL builder or the aggregate query it calls), DuckDB's own
 * errors are typed, and options.csv is validated whatever the source.
 */
import { describe, expect, it } from "vitest";
import { isMarketplaceEconomicsError } from "../errors.js";
import { duckdbMarketplaceAccumulator } from "./duckdbMarketplaceAccumulator.js";
import { duckdbMarketplaceAggregates } from "./duckdbMarketplaceAggregates.js";

const LOG = "SELECT * FROM (VALUES ('s1', DATE '2024-01-05', CAST(1250 AS BIGINT), 2, 'smb')) t(seller_id, ordered_on, amount_cents, qty, segment)";
const columns = { sellerId: "seller_id", date: "ordered_on", amount: "amount_cents", units: "qty", segment: "segment" };

async function caught(p: Promise<unknown>): Promise<{ fn: string; code: string; argument: unknown; message: string; cause: unknown }> {
  try {
    await p;
  } catch (e) {
    if (!isMarketplaceEconomicsError(e)) throw e;
    return { fn: e.fn, code: e.code, argument: (e as { argument?: unknown }).argument, message: e.message, cause: (e as { cause?: unknown }).cause };
  }
  throw new Error("expected a rejection");
}

describe("duckdbMarketplaceAggregates errors (#11)", () => {
  it("names itself and the caller's path for a bad column name (was marketplaceAggregateSql's mapping.columns.date)", async () => {
    const e = await caught(duckdbMarketplaceAggregates({ sql: LOG }, { currency: "USD", columns: { ...columns, date: Number.NaN as never } }));
    expect(e).toMatchObject({ fn: "duckdbMarketplaceAggregates", code: "INVALID_TYPE", argument: "options.columns.date" });
    expect(e.message).toMatch(/^duckdbMarketplaceAggregates: options\.columns\.date must be a string, received NaN/);
    expect(isMarketplaceEconomicsError(e.cause) && e.cause.fn).toBe("marketplaceAggregateSql");
  });

  it("names itself for a bad period or seller interval", async () => {
    expect(await caught(duckdbMarketplaceAggregates({ sql: LOG }, { currency: "USD", columns, period: "decade" as never }))).toMatchObject({ fn: "duckdbMarketplaceAggregates", argument: "options.period" });
    expect(await caught(duckdbMarketplaceAggregates({ sql: LOG }, { currency: "USD", columns, sellerInterval: { start: "2024-01-01", end: "0000-01-01" } }))).toMatchObject({
      fn: "duckdbMarketplaceAggregates",
      code: "INVALID_DATE_ORDER",
    });
  });

  it("turns DuckDB's binder error for a column the source lacks into a typed MISSING_VALUE", async () => {
    const e = await caught(duckdbMarketplaceAggregates({ sql: LOG }, { currency: "USD", columns: { ...columns, date: "abc" } }));
    expect(e).toMatchObject({ fn: "duckdbMarketplaceAggregates", code: "MISSING_VALUE", argument: "source" });
    expect(e.message).toContain('Binder Error: Values list "o" does not have a column named "abc"');
    expect(e.cause).toBeInstanceOf(Error);
  });

  it("turns DuckDB's parser error for a malformed query into a typed INVALID_TYPE", async () => {
    const e = await caught(duckdbMarketplaceAggregates({ sql: "abc" }, { currency: "USD", columns }));
    expect(e).toMatchObject({ fn: "duckdbMarketplaceAggregates", code: "INVALID_TYPE", argument: "source" });
    expect(e.message).toContain("Parser Error");
  });

  it("rejects a row whose minor units lie outside BIGINT as OUT_OF_RANGE (the sums are BIGINT terms, #13), and sums past 2^63 exactly", async () => {
    const wide = (cents: string) =>
      `SELECT * FROM (VALUES ('s1', DATE '2024-01-05', CAST(${cents} AS HUGEINT), 2, 'smb'), ('s2', DATE '2024-01-06', CAST(${cents} AS HUGEINT), 1, 'smb')) t(seller_id, ordered_on, amount_cents, qty, segment)`;
    const ok = await duckdbMarketplaceAggregates({ sql: wide("9223372036854775807") }, { currency: "USD", columns });
    expect(ok.periods.map((p) => p.gmvMinor)).toEqual([2n * 9223372036854775807n]);
    const e = await caught(duckdbMarketplaceAggregates({ sql: wide("9223372036854775808") }, { currency: "USD", columns, sellers: false }));
    expect(e).toMatchObject({ fn: "duckdbMarketplaceAggregates", code: "OUT_OF_RANGE", argument: "source" });
    expect(e.message).toContain("must lie within the BIGINT range ±9,223,372,036,854,775,807");
    expect(e.message).toContain("Conversion Error");
    const major = "SELECT * FROM (VALUES ('s1', DATE '2024-01-05', CAST(92233720368547758.08 AS DECIMAL(38,2)), 'smb')) t(seller_id, ordered_on, amount, segment)";
    expect(
      await caught(duckdbMarketplaceAggregates({ sql: major }, { currency: "USD", amountUnit: "major", columns: { sellerId: "seller_id", date: "ordered_on", amount: "amount", segment: "segment" } })),
    ).toMatchObject({
      code: "OUT_OF_RANGE",
      argument: "source",
    });
    // DuckDB's own overflow of amount * 100 on a narrow DECIMAL column is typed the same way.
    const narrow = major.replace("CAST(92233720368547758.08 AS DECIMAL(38,2))", "CAST(9999999999999999.99 AS DECIMAL(18,2))");
    const n = await caught(duckdbMarketplaceAggregates({ sql: narrow }, { currency: "USD", amountUnit: "major", columns: { sellerId: "seller_id", date: "ordered_on", amount: "amount", segment: "segment" } }));
    expect(n).toMatchObject({ code: "OUT_OF_RANGE", argument: "source" });
    expect(n.message).toContain("Overflow in multiplication of DECIMAL");
  });

  it("validates options.csv even when the source is not a CSV file (a bad value was silently ignored)", async () => {
    expect(await caught(duckdbMarketplaceAggregates({ sql: LOG }, { currency: "USD", columns, csv: Number.NaN as never }))).toMatchObject({
      fn: "duckdbMarketplaceAggregates",
      code: "INVALID_TYPE",
      argument: "options.csv",
    });
    expect(await caught(duckdbMarketplaceAggregates({ sql: LOG }, { currency: "USD", columns, csv: { delimiter: ":" as never } }))).toMatchObject({ argument: "options.csv.delimiter" });
  });
});

describe("duckdbMarketplaceAccumulator errors (#11)", () => {
  it("names itself and options.query.* for the query's errors (were duckdbMarketplaceAggregates's)", async () => {
    const e = await caught(duckdbMarketplaceAccumulator({ sql: LOG }, { query: { columns: { ...columns, sellerId: null as never } }, accumulator: { currency: "USD" } }));
    expect(e).toMatchObject({ fn: "duckdbMarketplaceAccumulator", code: "MISSING_VALUE", argument: "options.query.columns.sellerId" });
    expect(e.message).toMatch(/^duckdbMarketplaceAccumulator: options\.query\.columns\.sellerId must be a string/);
    expect(await caught(duckdbMarketplaceAccumulator({ sql: LOG }, { query: { columns, sellers: 1 as never }, accumulator: { currency: "USD" } }))).toMatchObject({
      fn: "duckdbMarketplaceAccumulator",
      argument: "options.query.sellers",
    });
  });

  it("names itself and options.accumulator.* for the accumulator's keys (currency, period, topK)", async () => {
    expect(await caught(duckdbMarketplaceAccumulator({ sql: LOG }, { query: { columns }, accumulator: { currency: "XYZ" } }))).toMatchObject({
      fn: "duckdbMarketplaceAccumulator",
      code: "UNKNOWN_CURRENCY",
      argument: "options.accumulator.currency",
    });
    expect(await caught(duckdbMarketplaceAccumulator({ sql: LOG }, { query: { columns }, accumulator: { currency: "USD", period: "decade" as never } }))).toMatchObject({
      fn: "duckdbMarketplaceAccumulator",
      argument: "options.accumulator.period",
    });
    const e = await caught(duckdbMarketplaceAccumulator({ sql: LOG }, { query: { columns }, accumulator: { currency: "USD", topK: [Number.NaN] } }));
    expect(e.fn).toBe("duckdbMarketplaceAccumulator");
    expect(e.argument).toMatch(/^options\.accumulator\.topK/);
  });

  it("checks the accumulator's settings before the query runs (a bad topK was rejected only after the scan)", async () => {
    // The source would fail in DuckDB (no such table): the setting's error comes first, so no query ran.
    const broken = { sql: "SELECT * FROM no_such_table" };
    const huge = new Array<number>(100_000).fill(1);
    const t = Date.now();
    expect(await caught(duckdbMarketplaceAccumulator(broken, { query: { columns }, accumulator: { currency: "USD", topK: huge } }))).toMatchObject({
      fn: "duckdbMarketplaceAccumulator",
      code: "OUT_OF_RANGE",
      argument: "options.accumulator.topK",
    });
    expect(await caught(duckdbMarketplaceAccumulator(broken, { query: { columns }, accumulator: { currency: "USD", thresholds: [{ amount: 1 as never, currency: "USD" }] } }))).toMatchObject({
      fn: "duckdbMarketplaceAccumulator",
    });
    expect(Date.now() - t).toBeLessThan(2000);
    // A valid setting still reaches the query (and DuckDB's error for the missing table).
    expect((await caught(duckdbMarketplaceAccumulator(broken, { query: { columns }, accumulator: { currency: "USD", topK: [1] } }))).argument).toBe("source");
  });

  it("names itself for DuckDB's own errors", async () => {
    expect(await caught(duckdbMarketplaceAccumulator({ sql: LOG }, { query: { columns: { ...columns, amount: "nope" } }, accumulator: { currency: "USD" } }))).toMatchObject({
      fn: "duckdbMarketplaceAccumulator",
      code: "MISSING_VALUE",
      argument: "source",
    });
  });
});
