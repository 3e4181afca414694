import { describe, expect, it } from "vitest";
import { accumulateMarketplace } from "./accumulateMarketplace.js";
import { accumulateShare } from "./accumulateShare.js";
import { addSale } from "./addSale.js";
import { createShareAccumulator } from "./createShareAccumulator.js";

// DuckDB and SQL drivers hand out BIGINT cents as bigint: within 2^53 they take the accumulators'
// allocation-free path as their number (#13); the state must be the one of the same number
// amounts, across the 2^53 boundary of a total, for refunds and beyond 2^53 too.
const MAX = Number.MAX_SAFE_INTEGER;
const amounts = [0, 1, 1250, 999_999, MAX - 10, 7, 3, -500, 2 ** 40, MAX];
const rows = (big: boolean) =>
  amounts.flatMap((a, i) => [
    { sellerId: `s${i % 3}`, date: new Date(Date.UTC(2024, i % 12, 1)), amountMinor: big ? BigInt(a) : a, units: (i % 4) + 1 },
    { sellerId: `s${(i + 1) % 3}`, date: "2024-06-15", amountMinor: big ? BigInt(a) : a },
  ]);
const segmentOf = (s: { sellerId: string }) => (s.sellerId === "s0" ? "smb" : "large");

describe("bigint amountMinor", () => {
  it("gives the share state of the same number amounts", () => {
    expect(JSON.stringify(accumulateShare(rows(true), segmentOf, { currency: "USD" }))).toBe(JSON.stringify(accumulateShare(rows(false), segmentOf, { currency: "USD" })));
  });
  it("gives the marketplace state of the same number amounts", () => {
    const o = { currency: "USD", period: "month" as const, topK: [1] };
    expect(JSON.stringify(accumulateMarketplace(rows(true), segmentOf, o))).toBe(JSON.stringify(accumulateMarketplace(rows(false), segmentOf, o)));
  });
  it("keeps bigints beyond 2^53 exact", () => {
    const acc = createShareAccumulator({ currency: "USD" });
    addSale(acc, { sellerId: "a", date: "2024-01-01", amountMinor: 2n ** 60n }, "smb");
    addSale(acc, { sellerId: "a", date: "2024-01-01", amountMinor: 5n }, "smb");
    expect(acc.toJSON().totals["smb"]?.gmv).toBe("11529215046068469.81");
  });
});
