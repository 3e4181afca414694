import { describe, expect, it } from "vitest";
import { ValidationError, ValidationTypeError } from "../errors.js";
import { marketplaceAccumulatorFromAggregates } from "./marketplaceAccumulatorFromAggregates.js";
import { marketplaceAccumulatorFromAggregatesAsync } from "./marketplaceAccumulatorFromAggregatesAsync.js";

// psql and node-postgres return every SUM/COUNT of PostgreSQL as text (BIGINT, NUMERIC): the
// `orders` counts of aggregate rows are accepted as integer strings, like the amounts (#13).
const period = (orders: unknown) => ({ segment: "smb", period: "2024-01-01", gmvMinor: "1250", units: "3", orders: orders as never });
const seller = (orders: unknown) => ({ sellerId: "a", segment: "smb", gmvMinor: "1250", orders: orders as never, firstSale: "2024-01-05" });

describe("aggregate rows: orders as driver text", () => {
  it("reads an integer string as the same count as a number or a bigint", async () => {
    const json = (orders: unknown) => JSON.stringify(marketplaceAccumulatorFromAggregates({ periods: [period(orders)], sellers: [seller(orders)] }, { currency: "USD" }));
    expect(json("12")).toBe(json(12));
    expect(json("12")).toBe(json(12n));
    expect(json("0")).toBe(json(0));
    expect(json("9007199254740991")).toBe(json(Number.MAX_SAFE_INTEGER));
    const grouped = (orders: unknown) => JSON.stringify(marketplaceAccumulatorFromAggregates({ periods: [], sellers: [seller(orders)] }, { currency: "USD", sellerTotals: "grouped" }));
    expect(grouped("7")).toBe(grouped(7));
    const async = await marketplaceAccumulatorFromAggregatesAsync({ periods: [period("12")], sellers: [seller("12")] }, { currency: "USD" });
    expect(JSON.stringify(async)).toBe(json(12));
  });

  it("rejects a string that is not a count, naming the row", () => {
    const f = (orders: unknown) => () => marketplaceAccumulatorFromAggregates({ periods: [period(orders)] }, { currency: "USD" });
    expect(f("-1")).toThrow(ValidationError);
    expect(f("-1")).toThrow("marketplaceAccumulatorFromAggregates: aggregates.periods[0].orders must be an integer from 0 to 9007199254740991");
    expect(f("9007199254740992")).toThrow(ValidationError);
    expect(f("1.5")).toThrow(ValidationTypeError);
    expect(f("12 ")).toThrow(ValidationTypeError);
    expect(f("")).toThrow(ValidationTypeError);
    expect(f("0x10")).toThrow(ValidationTypeError);
    expect(() => marketplaceAccumulatorFromAggregates({ periods: [], sellers: [seller("-3")] }, { currency: "USD" })).toThrow("aggregates.sellers[0].orders must be an integer from 0");
  });
});

// The Date check of a row answers object literals and null-prototype rows without a brand check
// that throws (100,000 rows spent ~0.5 s in that throw alone; the hostile matrix's huge-input case
// came near its 10 s limit at load ~12). A genuine Date is still rejected, whatever its prototype chain.
describe("aggregate rows: which objects are rows", () => {
  const opts = { currency: "USD" } as const;
  const base = JSON.stringify(marketplaceAccumulatorFromAggregates({ periods: [period(1)], sellers: [seller(1)] }, opts));
  it("reads a null-prototype row (a DuckDB or JSON reader's row) as the same row as a literal", () => {
    const bare = <T extends object>(o: T): T => Object.assign(Object.create(null) as T, o);
    expect(JSON.stringify(marketplaceAccumulatorFromAggregates({ periods: [bare(period(1))], sellers: [bare(seller(1))] }, opts))).toBe(base);
    class Row {
      constructor(
        readonly segment: string,
        readonly period: string,
        readonly gmvMinor: string,
        readonly units: string,
        readonly orders: number,
      ) {}
    }
    const row = new Row("smb", "2024-01-01", "1250", "3", 1);
    expect(JSON.stringify(marketplaceAccumulatorFromAggregates({ periods: [row], sellers: [seller(1)] }, opts))).toBe(base);
  });
  it("rejects a Date as a row, also one whose prototype chain was changed", async () => {
    const d = new Date(0);
    expect(() => marketplaceAccumulatorFromAggregates({ periods: [d as never] }, opts)).toThrow("aggregates.periods[0] must be an object (not a Date)");
    const sub = Object.setPrototypeOf(new Date(0), Object.create(Date.prototype) as object) as never;
    expect(() => marketplaceAccumulatorFromAggregates({ periods: [], sellers: [sub] }, opts)).toThrow(ValidationTypeError);
    expect(() => marketplaceAccumulatorFromAggregates({ periods: [], sellers: [sub] }, opts)).toThrow("aggregates.sellers[0] must be an object (not a Date)");
    await expect(marketplaceAccumulatorFromAggregatesAsync({ periods: [d as never] }, opts)).rejects.toThrow("must be an object (not a Date)");
    // A Proxy is never a Date: its getPrototypeOf trap is not trusted, and a throwing trap is no crash.
    const trap = new Proxy(period(1), {
      getPrototypeOf: () => {
        throw new Error("trap");
      },
    });
    expect(JSON.stringify(marketplaceAccumulatorFromAggregates({ periods: [trap], sellers: [seller(1)] }, opts))).toBe(base);
  });
  it("reads 100,000 rows of one period into the same totals as their sum", () => {
    const rows = Array.from({ length: 100_000 }, () => period(1));
    const acc = marketplaceAccumulatorFromAggregates({ periods: rows }, opts);
    const one = marketplaceAccumulatorFromAggregates({ periods: [{ ...period(100_000), gmvMinor: String(1250 * 100_000), units: String(3 * 100_000) }] }, opts);
    expect(JSON.stringify(acc)).toBe(JSON.stringify(one));
  });
});
