import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { salesShareByPeriod } from "./salesShareByPeriod.js";
import type { Sale } from "./types.js";

const sale = (sellerId: string, date: string, usd: string): Sale => ({ sellerId, date: new Date(date), amount: money(usd, "USD") });

describe("salesShareByPeriod", () => {
  const sales = [sale("smb", "2016-05-01", "40"), sale("big", "2016-07-01", "60"), sale("smb", "2017-02-01", "50"), sale("big", "2017-03-31T23:59:59Z", "50")];

  it("splits by year", () => {
    const rows = salesShareByPeriod(sales, (s) => s.sellerId, { period: "year", precision: 2 });
    expect(rows.map((r) => [r.period, r.share.bySegment["smb"]?.gmvShare.toString()])).toEqual([
      ["2016", "0.4"],
      ["2017", "0.5"],
    ]);
    expect(rows[0]?.start.toISOString()).toBe("2016-01-01T00:00:00.000Z");
    expect(rows[0]?.end.toISOString()).toBe("2017-01-01T00:00:00.000Z");
  });

  it("lists empty quarters between the first and last sale", () => {
    const rows = salesShareByPeriod(sales, (s) => s.sellerId, { period: "quarter" });
    expect(rows.map((r) => [r.period, r.share.total.sales])).toEqual([
      ["2016-Q2", 1],
      ["2016-Q3", 1],
      ["2016-Q4", 0],
      ["2017-Q1", 2],
    ]);
  });

  it("uses UTC (a sale at 23:59:59Z on the last day stays in its month)", () => {
    const rows = salesShareByPeriod([sale("a", "2017-03-31T23:59:59Z", "1")], (s) => s.sellerId, { period: "month" });
    expect(rows.map((r) => r.period)).toEqual(["2017-03"]);
  });

  it("keys ISO weeks across the year end", () => {
    // 2021-01-03 is a Sunday in ISO week 2020-W53; 2021-01-04 starts 2021-W01.
    const rows = salesShareByPeriod([sale("a", "2021-01-03", "1"), sale("a", "2021-01-04", "1")], (s) => s.sellerId, { period: "week" });
    expect(rows.map((r) => r.period)).toEqual(["2020-W53", "2021-W01"]);
  });

  it("returns [] for no sales and throws on an unknown period", () => {
    expect(salesShareByPeriod([] as Sale[], (s) => s.sellerId, { period: "month" })).toEqual([]);
    expect(() => salesShareByPeriod(sales, (s) => s.sellerId, { period: "decade" as never })).toThrowError(expect.objectContaining({ code: "UNKNOWN_OPTION" }));
  });

  it("throws on an Invalid Date", () => {
    expect(() => salesShareByPeriod([{ ...sale("a", "2017-01-01", "1"), date: new Date("x") }], (s) => s.sellerId, { period: "day" })).toThrowError(expect.objectContaining({ code: "INVALID_DATE" }));
  });
});
