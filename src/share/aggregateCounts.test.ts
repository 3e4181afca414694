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
