import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { money } from "../money/money.js";
import { countSellersAboveSales } from "../sellers/countSellersAboveSales.js";
import { salesBrackets } from "../sellers/salesBrackets.js";
import { accumulateMarketplace } from "./accumulateMarketplace.js";
import { accumulateMarketplaceAsync } from "./accumulateMarketplaceAsync.js";
import { addMarketplaceSale } from "./addMarketplaceSale.js";
import { createMarketplaceAccumulator } from "./createMarketplaceAccumulator.js";
import { finalizeMarketplace } from "./finalizeMarketplace.js";
import { giniCoefficient } from "./giniCoefficient.js";
import { herfindahlHirschmanIndex } from "./herfindahlHirschmanIndex.js";
import { marketplaceAccumulatorFromAggregates } from "./marketplaceAccumulatorFromAggregates.js";
import { marketplaceAccumulatorFromAggregatesAsync } from "./marketplaceAccumulatorFromAggregatesAsync.js";
import { marketplaceAccumulatorFromJSON } from "./marketplaceAccumulatorFromJSON.js";
import { mergeMarketplaceAccumulators } from "./mergeMarketplaceAccumulators.js";
import { salesShareByPeriod } from "./salesShareByPeriod.js";
import type { MarketplaceAccumulatorJSON, MinorUnitSale, Sale } from "./types.js";

const usd = (a: string) => money(a, "USD");
const log: MinorUnitSale[] = [
  { sellerId: "a", date: "2016-12-30", amountMinor: 5_000 },
  { sellerId: "a", date: "2017-01-03", amountMinor: 120_000_00, units: 3 },
  { sellerId: "b", date: "2017-02-10", amountMinor: 30_000_00 },
  { sellerId: "b", date: "2017-03-01", amountMinor: -1_000_00 },
  { sellerId: "c", date: "2017-05-01", amountMinor: 80_000_00, units: 2 },
  { sellerId: "d", date: "2017-08-20", amountMinor: 200_000_00n },
  { sellerId: "e", date: "2018-01-02", amountMinor: 10_00 },
];
const segmentOf = (s: { sellerId: string }): string => (s.sellerId === "d" ? "large" : "smb");
const options = { currency: "USD", period: "quarter", sellerInterval: { start: "2017-01-01", end: "2018-01-01" }, thresholds: [usd("100000")], brackets: [usd("50000"), usd("100000")], topK: [1, 2] } as const;
const asMoney = (s: MinorUnitSale): Sale => ({ sellerId: s.sellerId, date: s.date, amount: usd(new Decimal(String(s.amountMinor)).div(100).toFixed(2)), ...(s.units === undefined ? {} : { units: s.units }) });

describe("createMarketplaceAccumulator / finalizeMarketplace", () => {
  const r = finalizeMarketplace(accumulateMarketplace(log, segmentOf, options));

  it("gives the share by segment over the whole log and per quarter", () => {
    // smb: 50 + 120,000 + 30,000 − 1,000 + 80,000 + 10 = 229,060; large 200,000 (USD)
    expect(r.share.bySegment["smb"]?.gmv.amount.toFixed(2)).toBe("229060.00");
    expect(r.share.bySegment["large"]?.gmv.amount.toFixed(2)).toBe("200000.00");
    expect(r.share.total.sales).toBe(6);
    expect(r.byPeriod.map((p) => p.period)).toEqual(["2016-Q4", "2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4", "2018-Q1"]);
    expect(r.byPeriod[4]?.share.total.sales).toBe(0);
  });

  it("equals salesShareByPeriod on the same sales as Money", () => {
    const ref = salesShareByPeriod(log.map(asMoney), segmentOf, { period: "quarter", currency: "USD" });
    expect(JSON.stringify(r.byPeriod)).toBe(JSON.stringify(ref));
  });

  it("counts sellers above the threshold within the seller interval, as countSellersAboveSales", () => {
    const ref = countSellersAboveSales(log.map(asMoney), usd("100000"), { start: "2017-01-01", end: "2018-01-01" });
    expect(r.sellers.above[0]?.sellers).toBe(ref);
    expect(ref).toBe(2); // a ($120,000) and d ($200,000); a's 2016 sale is outside the interval
    expect(r.sellersBySegment["smb"]?.above[0]?.sellers).toBe(1);
  });

  it("gives the brackets of salesBrackets", () => {
    const ref = salesBrackets(log.map(asMoney), [usd("50000"), usd("100000")], { interval: { start: "2017-01-01", end: "2018-01-01" } });
    expect(JSON.stringify(r.sellers.brackets)).toBe(JSON.stringify(ref));
  });

  it("gives HHI, Gini and top-k over positive seller totals, as the standalone functions", () => {
    const totals = ["120000", "29000", "80000", "200000"]; // a, b (30,000 − 1,000), c, d in 2017
    expect(r.sellers.sellers).toBe(4);
    expect(r.sellers.hhi?.toString()).toBe(herfindahlHirschmanIndex(totals).toString());
    expect(r.sellers.gini?.toString()).toBe(giniCoefficient(totals).toString());
    expect(r.sellers.topShares.map((t) => t.share?.toString())).toEqual([new Decimal(200000).div(429000).toString(), new Decimal(320000).div(429000).toString()]);
  });

  it("counts new sellers by the quarter of their first sale (over the whole log)", () => {
    expect(r.sellers.newSellers.map((p) => [p.period, p.sellers])).toEqual([
      ["2016-Q4", 1],
      ["2017-Q1", 1],
      ["2017-Q2", 1],
      ["2017-Q3", 1],
      ["2017-Q4", 0],
      ["2018-Q1", 1],
    ]);
  });

  it("takes Money, number and bigint amounts to the same state", () => {
    const a = accumulateMarketplace(log, segmentOf, options);
    const b = accumulateMarketplace(log.map(asMoney), segmentOf, options);
    const c = accumulateMarketplace(
      log.map((s) => ({ ...s, amountMinor: BigInt(s.amountMinor) })),
      segmentOf,
      options,
    );
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).toBe(JSON.stringify(a));
  });

  it("is exact beyond 2^53 minor units", () => {
    const acc = createMarketplaceAccumulator({ currency: "USD" });
    addMarketplaceSale(acc, { sellerId: "x", date: "2017-01-01", amountMinor: Number.MAX_SAFE_INTEGER }, "s");
    addMarketplaceSale(acc, { sellerId: "x", date: "2017-01-02", amountMinor: Number.MAX_SAFE_INTEGER }, "s");
    addMarketplaceSale(acc, { sellerId: "y", date: "2017-01-02", amountMinor: 10n ** 30n }, "s");
    const json = acc.toJSON();
    expect(json.periods["2017-01-01"]?.["s"]?.gmv).toBe((2n * BigInt(Number.MAX_SAFE_INTEGER) + 10n ** 30n).toString());
    expect(json.sellers[0]?.[2]).toBe((2n * BigInt(Number.MAX_SAFE_INTEGER)).toString());
  });

  it("a grouped accumulator gives the same figures but no Gini", () => {
    const sorted = [...log].sort((x, y) => (x.sellerId < y.sellerId ? -1 : 1));
    const g = finalizeMarketplace(accumulateMarketplace(sorted, segmentOf, { ...options, sellerTotals: "grouped" }));
    expect(g.sellers.gini).toBeNull();
    expect(JSON.stringify({ ...g.sellers, gini: null })).toBe(JSON.stringify({ ...r.sellers, gini: null }));
    expect(JSON.stringify(g.share)).toBe(JSON.stringify(r.share));
  });

  it("the async twin reads an async iterable to the same state", async () => {
    async function* gen() {
      yield* log;
    }
    expect(JSON.stringify(await accumulateMarketplaceAsync(gen(), segmentOf, options))).toBe(JSON.stringify(accumulateMarketplace(log, segmentOf, options)));
  });
});

describe("marketplaceAccumulatorFromJSON", () => {
  it("round-trips the state exactly", () => {
    const acc = accumulateMarketplace(log, segmentOf, options);
    const text = JSON.stringify(acc);
    expect(JSON.stringify(marketplaceAccumulatorFromJSON(text))).toBe(text);
    expect(JSON.stringify(finalizeMarketplace(marketplaceAccumulatorFromJSON(JSON.parse(text) as MarketplaceAccumulatorJSON)))).toBe(JSON.stringify(finalizeMarketplace(acc)));
  });

  it("rejects a corrupted state with a typed error", () => {
    const json = accumulateMarketplace(log, segmentOf, options).toJSON();
    expect(() => marketplaceAccumulatorFromJSON({ ...json, version: 2 as 1 })).toThrow(expect.objectContaining({ code: "UNKNOWN_OPTION", fn: "marketplaceAccumulatorFromJSON" }));
    expect(() => marketplaceAccumulatorFromJSON({ ...json, periods: { "2017-01-02": {} } })).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(() => marketplaceAccumulatorFromJSON({ ...json, sellers: [...json.sellers, json.sellers[0] as never] })).toThrow(expect.objectContaining({ code: "DUPLICATE" }));
    expect(() => marketplaceAccumulatorFromJSON({ ...json, sellers: [["a", "smb", "1.5", 1, null]] })).toThrow(expect.objectContaining({ code: "INVALID_NUMBER" }));
    expect(() => marketplaceAccumulatorFromJSON("{")).toThrow(expect.objectContaining({ code: "INVALID_TYPE" }));
  });
});

describe("marketplaceAccumulatorFromAggregates", () => {
  // The rows a GROUP BY over `log` returns (computed by hand from the log above).
  const periods = [
    { segment: "smb", period: "2016-10-01", gmvMinor: 5000, units: 1, orders: 1 },
    { segment: "smb", period: "2017-01-01", gmvMinor: "14900000", units: "4", orders: 2n },
    { segment: "smb", period: "2017-04-01", gmvMinor: 8_000_000n, units: 2, orders: 1 },
    { segment: "large", period: "2017-07-01", gmvMinor: 20_000_000, units: 1, orders: 1 },
    { segment: "smb", period: "2018-01-01", gmvMinor: 1000, units: 1, orders: 1 },
  ];
  const sellers = [
    { sellerId: "a", segment: "smb", gmvMinor: 12_000_000, orders: 1, firstSale: "2016-12-30" },
    { sellerId: "b", segment: "smb", gmvMinor: 2_900_000n, orders: 1, firstSale: "2017-02-10" },
    { sellerId: "c", segment: "smb", gmvMinor: "8000000", orders: 1, firstSale: "2017-05-01" },
    { sellerId: "d", segment: "large", gmvMinor: 20_000_000, orders: 1, firstSale: new Date("2017-08-20") },
    { sellerId: "e", segment: "smb", gmvMinor: 0, orders: 0, firstSale: "2018-01-02" },
  ];

  it("builds exactly the state of one pass over the log", () => {
    // The units of b's refund: the log's refund has no units, so it counts 0 (smb 2017-Q1: 3 + 1 + 0 = 4).
    const fromRows = marketplaceAccumulatorFromAggregates({ periods, sellers }, options);
    expect(JSON.stringify(fromRows)).toBe(JSON.stringify(accumulateMarketplace(log, segmentOf, options)));
  });

  it("the async twin reads async rows", async () => {
    async function* rows<T>(xs: readonly T[]) {
      yield* xs;
    }
    const a = await marketplaceAccumulatorFromAggregatesAsync({ periods: rows(periods), sellers: rows(sellers) }, options);
    expect(JSON.stringify(a)).toBe(JSON.stringify(marketplaceAccumulatorFromAggregates({ periods, sellers }, options)));
  });

  it("rejects a period that is not a period start, naming the row", () => {
    expect(() => marketplaceAccumulatorFromAggregates({ periods: [{ segment: "smb", period: "2017-02-01", gmvMinor: 1, units: 1, orders: 1 }] }, options)).toThrow(
      expect.objectContaining({ code: "OUT_OF_RANGE", fn: "marketplaceAccumulatorFromAggregates", message: expect.stringContaining("aggregates.periods[0].period") }),
    );
  });

  it("merges with a streamed shard", () => {
    const head = accumulateMarketplace(log.slice(0, 3), segmentOf, options);
    const rows = marketplaceAccumulatorFromAggregates(
      {
        periods: [
          { segment: "smb", period: "2017-01-01", gmvMinor: -100000, units: 0, orders: 0 },
          { segment: "smb", period: "2017-04-01", gmvMinor: 8_000_000, units: 2, orders: 1 },
          { segment: "large", period: "2017-07-01", gmvMinor: 20_000_000, units: 1, orders: 1 },
          { segment: "smb", period: "2018-01-01", gmvMinor: 1000, units: 1, orders: 1 },
        ],
        sellers: [
          { sellerId: "b", segment: "smb", gmvMinor: -100000, orders: 0, firstSale: null },
          { sellerId: "c", segment: "smb", gmvMinor: 8_000_000, orders: 1, firstSale: "2017-05-01" },
          { sellerId: "d", segment: "large", gmvMinor: 20_000_000, orders: 1, firstSale: "2017-08-20" },
          { sellerId: "e", segment: "smb", gmvMinor: 0, orders: 0, firstSale: "2018-01-02" },
        ],
      },
      options,
    );
    expect(JSON.stringify(mergeMarketplaceAccumulators(rows, head))).toBe(JSON.stringify(accumulateMarketplace(log, segmentOf, options)));
  });
});

describe("edge cases", () => {
  it("throws typed errors for bad sales", () => {
    const acc = createMarketplaceAccumulator({ currency: "USD", segments: ["smb"] });
    expect(() => addMarketplaceSale(acc, { sellerId: "a", date: "2017-01-01", amountMinor: 1.5 }, "smb")).toThrow(expect.objectContaining({ code: "NOT_INTEGER", fn: "addMarketplaceSale" }));
    expect(() => addMarketplaceSale(acc, { sellerId: "a", date: "2017-01-01", amount: usd("0.001") }, "smb")).toThrow(expect.objectContaining({ code: "SUB_MINOR_UNIT" }));
    expect(() => addMarketplaceSale(acc, { sellerId: "a", date: "2017-01-01", amount: money("1", "EUR") }, "smb")).toThrow(expect.objectContaining({ code: "CURRENCY_MISMATCH" }));
    expect(() => addMarketplaceSale(acc, { sellerId: "a", date: "2017-01-01", amountMinor: 1 }, "other")).toThrow(expect.objectContaining({ code: "UNKNOWN_OPTION" }));
    expect(() => addMarketplaceSale(acc, { sellerId: "a", date: "2017-13-01", amountMinor: 1 }, "smb")).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
    expect(JSON.stringify(acc.toJSON().periods)).toBe("{}");
  });

  it("a seller in two segments throws and changes nothing", () => {
    const acc = createMarketplaceAccumulator({ currency: "USD" });
    addMarketplaceSale(acc, { sellerId: "a", date: "2017-01-01", amountMinor: 1 }, "smb");
    const before = JSON.stringify(acc);
    expect(() => addMarketplaceSale(acc, { sellerId: "a", date: "2017-05-01", amountMinor: 1 }, "large")).toThrow(expect.objectContaining({ code: "CONFLICTING_OPTIONS" }));
    expect(JSON.stringify(acc)).toBe(before);
  });

  it("a frozen accumulator is a typed error (#11)", () => {
    const acc = Object.freeze(createMarketplaceAccumulator({ currency: "USD" }));
    expect(() => addMarketplaceSale(acc, { sellerId: "a", date: "2017-01-01", amountMinor: 1 }, "smb")).toThrow(expect.objectContaining({ code: "INVALID_TYPE", fn: "addMarketplaceSale" }));
  });

  it("requires a currency and rejects string thresholds (ambiguous units)", () => {
    expect(() => createMarketplaceAccumulator({} as never)).toThrow(expect.objectContaining({ code: "MISSING_VALUE" }));
    expect(() => createMarketplaceAccumulator({ currency: "USD", thresholds: ["1000000" as never] })).toThrow(expect.objectContaining({ code: "INVALID_TYPE" }));
  });

  it("merging different settings throws", () => {
    const a = createMarketplaceAccumulator({ currency: "USD" });
    const b = createMarketplaceAccumulator({ currency: "USD", period: "month" });
    expect(() => mergeMarketplaceAccumulators(a, b)).toThrow(expect.objectContaining({ code: "CONFLICTING_OPTIONS" }));
    expect(() => mergeMarketplaceAccumulators()).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });

  it("an empty accumulator finalises to zeros and nulls, never NaN", () => {
    const r = finalizeMarketplace(createMarketplaceAccumulator({ currency: "USD", topK: [3] }));
    expect(r.byPeriod).toEqual([]);
    expect(r.sellers.hhi).toBeNull();
    expect(r.sellers.topShares).toEqual([{ k: 3, share: null }]);
  });
});
