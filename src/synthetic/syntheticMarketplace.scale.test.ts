/**
 * Scale smoke test: sellers and sales are generated lazily, so streaming a marketplace uses
 * constant memory. (Timing is not asserted here; see the bench script and the report.)
 */
import { describe, expect, it } from "vitest";
import { syntheticMarketplace } from "./syntheticMarketplace.js";

describe("syntheticMarketplace at scale", () => {
  it("computes aggregates of 200,000 SMBs and streams their annual totals without materialising them", () => {
    const m = syntheticMarketplace({ seed: 11, sellers: 200_000 });
    const a = m.aggregates();
    expect(a.newSmbCount).toBe(60_000);
    expect(a.smbsAboveThreshold).toBe(4_000);
    if (global.gc) global.gc();
    const before = process.memoryUsage().heapUsed;
    let count = 0;
    let cents = 0n;
    for (const t of m.sellerTotals()) {
      count++;
      if (t.segment === "smb") cents += BigInt(t.annualSales.amount.times(100).toFixed(0));
    }
    const grown = process.memoryUsage().heapUsed - before;
    expect(count).toBe(m.sellerCount);
    expect(cents.toString()).toBe(a.sales.smb.amount.times(100).toFixed(0));
    // Generous bound: 200,000 materialised totals would need well over 100 MB.
    expect(grown).toBeLessThan(100 * 1024 * 1024);
  });

  it("streams 1,000,000 sellers' monthly sales lazily (first 1,000 only)", () => {
    const m = syntheticMarketplace({ seed: 1, sellers: 1_000_000 });
    let k = 0;
    for (const s of m.sales({ granularity: "month" })) {
      expect(s.sellerId.startsWith("smb-")).toBe(true);
      if (++k >= 1_000) break;
    }
    expect(k).toBe(1_000);
  });
});
