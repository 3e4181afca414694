import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { countSellersAboveSales } from "../sellers/countSellersAboveSales.js";
import { salesShare } from "./salesShare.js";
import { salesShareByPeriod } from "./salesShareByPeriod.js";

// Sale.date accepts ISO 8601 strings like every other date input of the library (new-user review:
// rows read from a CSV or JSON carry strings, and local-time Date objects shift UTC days).
describe("sales with ISO string dates", () => {
  const rows = [
    { sellerId: "smb", date: "2024-03-31", amount: money("40", "USD") },
    { sellerId: "big", date: "2024-04-01", amount: money("60", "USD") },
    { sellerId: "smb", date: "2024-04-01T23:30:00-05:00", amount: money("50", "USD") }, // 2024-04-02 04:30Z
  ];
  it("salesShare accepts them", () => {
    expect(salesShare(rows, (s) => s.sellerId, { precision: 2 }).bySegment["smb"]?.gmvShare.toString()).toBe("0.6");
  });
  it("salesShareByPeriod puts a date-only string in its UTC day's period", () => {
    const q = salesShareByPeriod(rows, (s) => s.sellerId, { period: "quarter", precision: 2 });
    expect(q.map((r) => [r.period, r.share.bySegment["smb"]?.gmvShare.toString()])).toEqual([
      ["2024-Q1", "1"],
      ["2024-Q2", "0.45"],
    ]);
  });
  it("countSellersAboveSales filters them by the interval", () => {
    expect(countSellersAboveSales(rows, money("45", "USD"), { start: "2024-04-01", end: "2024-05-01" })).toBe(2);
  });
  it("still rejects impossible or loose date strings", () => {
    expect(() => salesShare([{ sellerId: "a", date: "2024-02-30", amount: money("1", "USD") }], () => "x")).toThrow(/sales\[0\]\.date must be a real calendar date/);
    expect(() => salesShare([{ sellerId: "a", date: "03/07/2024", amount: money("1", "USD") }], () => "x")).toThrow(/sales\[0\]\.date must be an ISO 8601 date/);
  });
});

describe("currency conversion needs its target currency", () => {
  it("throws when convert is given without currency (new-user review)", () => {
    const eur = [{ sellerId: "a", date: "2024-01-01", amount: money("10", "EUR") }];
    expect(() => salesShare(eur, () => "x", { convert: (m) => m.amount.times("1.1") })).toThrow(/options\.currency is required when options\.convert is given/);
    expect(salesShare(eur, () => "x", { currency: "USD", convert: (m) => m.amount.times("1.1") }).total.gmv?.amount.toString()).toBe("11");
  });
});

describe("a converter returning the wrong currency (new-user review)", () => {
  it("says that convert() returned it, for which sale", () => {
    const rows = [
      { sellerId: "a", date: "2024-01-01", amount: money("10", "USD") },
      { sellerId: "b", date: "2024-01-01", amount: money("10", "EUR") },
    ];
    expect(() => salesShare(rows, (s) => s.sellerId, { currency: "USD", convert: (m) => m })).toThrow(
      /salesShare: cannot combine USD with EUR .*; options\.convert returned EUR for sales\[1\] but must return USD \(options\.currency\)/,
    );
  });
});
