import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ErrorCode, ValidationError } from "../errors.js";
import { directJobs } from "./directJobs.js";
import { estimateJobs } from "./estimateJobs.js";
import { receiptsPerEmployeeTable } from "./receiptsPerEmployeeTable.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as ValidationError).code;
  }
  return "no error";
};

describe("estimateJobs", () => {
  it("reproduces an order-of-magnitude 900,000-jobs claim from stated assumptions (ratio method)", () => {
    // Illustrative assumptions (docs/guides/estimating-jobs.md), not sourced facts:
    // sales $60–100bn, receipts/employee $175,889 (1997 retail) – $361,795 (1997 NAICS 4541),
    // central $243,297 (1997 NAICS 454), jobs per direct job 1.5–3, central 2.5.
    // central = 80e9 / 243,297 × 2.5 = 822,040.55…; low = 60e9 / 361,795 × 1.5 = 248,759.66…;
    // high = 100e9 / 175,889 × 3 = 1,705,621.16…
    const e = estimateJobs({
      sales: { low: 60e9, central: 80e9, high: 100e9 },
      revenuePerEmployee: { low: 175_889, central: 243_297, high: 361_795 },
      jobsPerDirectJob: { low: 1.5, central: 2.5, high: 3 },
    });
    expect(e.central.toFixed(2)).toBe("822040.55");
    expect(e.low.toFixed(2)).toBe("248759.66");
    expect(e.high.toFixed(2)).toBe("1705621.16");
    expect(e.direct?.central.toFixed(2)).toBe("328816.22");
    expect(e.method).toBe("revenue-per-employee");
    const rpe = e.assumptions.find((a) => a.name === "revenuePerEmployee");
    expect(rpe?.effect).toBe("decreases");
    expect(rpe?.usedForLow.toString()).toBe("361795");
    expect(rpe?.usedForHigh.toString()).toBe("175889");
    // one-at-a-time: 80e9 / 175,889 × 2.5 = 1,137,080.77… (the rest central)
    expect(rpe?.jobsWhenHigh.toFixed(2)).toBe("1137080.77");
  });

  it("uses a final-demand multiplier (multiplier method)", () => {
    // $80bn × 50 % margin share / 1e6 × 20 jobs per $1M = 800,000
    const e = estimateJobs({ sales: 80e9, share: "0.5", jobsPerMillion: { low: 15, central: 20, high: 25 } });
    expect([e.low.toString(), e.central.toString(), e.high.toString()]).toEqual(["600000", "800000", "1000000"]);
    expect(e.direct).toBeNull();
    expect(e.assumptions.map((a) => a.name)).toEqual(["sales", "share", "jobsPerMillion"]);
  });

  it("gives a degenerate range for single values, and keeps the currency", () => {
    const e = estimateJobs({ sales: { amount: "1000000", currency: "USD" } as never, revenuePerEmployee: { amount: "250000", currency: "USD" } as never });
    expect([e.low.toString(), e.central.toString(), e.high.toString()]).toEqual(["4", "4", "4"]);
    expect(e.currency).toBe("USD");
  });

  it("accepts receiptsPerEmployeeTable entries as directJobs does, and reports their ids (#17)", () => {
    const t = receiptsPerEmployeeTable;
    const single = estimateJobs({ sales: { amount: "1000000", currency: "USD" } as never, revenuePerEmployee: t["retail-44-45-2002"] });
    expect(single.central.toFixed(10)).toBe(directJobs({ amount: "1000000", currency: "USD" } as never, t["retail-44-45-2002"]).jobs.toFixed(10));
    expect(single.currency).toBe("USD");
    const e = estimateJobs({
      sales: { low: 60e9, central: 80e9, high: 100e9 },
      revenuePerEmployee: { low: t["retail-44-45-1997"], central: t["nonstore-454-1997"], high: t["electronic-shopping-4541-1997"] },
      jobsPerDirectJob: { low: 1.5, central: 2.5, high: 3 },
    });
    // the same figures as plain numbers give the same range (first test above)
    expect(e.central.toFixed(2)).toBe("822040.55");
    expect(e.low.toFixed(2)).toBe("248759.66");
    expect(e.high.toFixed(2)).toBe("1705621.16");
    const rpe = e.assumptions.find((a) => a.name === "revenuePerEmployee");
    expect(rpe?.sources).toEqual({ low: "retail-44-45-1997", central: "nonstore-454-1997", high: "electronic-shopping-4541-1997" });
    expect(e.assumptions.find((a) => a.name === "sales")?.sources).toEqual({ low: null, central: null, high: null });
  });

  it("rejects a table entry in another currency than the sales", () => {
    expect(() => estimateJobs({ sales: { amount: "1", currency: "EUR" } as never, revenuePerEmployee: receiptsPerEmployeeTable["retail-44-45-2002"] })).toThrow(CurrencyMismatchError);
  });

  it("serialises to JSON", () => {
    const json = JSON.parse(JSON.stringify(estimateJobs({ sales: 100, revenuePerEmployee: 50 })));
    expect(json.central).toBe("2");
    expect(json.assumptions[0].name).toBe("sales");
  });

  describe("edge cases", () => {
    it("rejects both or neither method", () => {
      expect(code(() => estimateJobs({ sales: 1 }))).toBe(ErrorCode.UNKNOWN_OPTION);
      expect(code(() => estimateJobs({ sales: 1, revenuePerEmployee: 1, jobsPerMillion: 1 }))).toBe(ErrorCode.CONFLICTING_OPTIONS);
      expect(code(() => estimateJobs({ sales: 1, jobsPerMillion: 1, jobsPerDirectJob: 2 }))).toBe(ErrorCode.CONFLICTING_OPTIONS);
    });
    it("rejects unordered ranges, bad shares, zero revenue per employee, negative sales", () => {
      expect(code(() => estimateJobs({ sales: { low: 3, central: 2, high: 4 }, revenuePerEmployee: 1 }))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => estimateJobs({ sales: 1, share: 1.5, revenuePerEmployee: 1 }))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => estimateJobs({ sales: 1, revenuePerEmployee: 0 }))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => estimateJobs({ sales: -1, revenuePerEmployee: 1 }))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => estimateJobs({ sales: 1, revenuePerEmployee: 1, jobsPerDirectJob: 0.5 }))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => estimateJobs({ sales: { low: 1, central: Number.NaN, high: 2 }, revenuePerEmployee: 1 }))).toBe(ErrorCode.INVALID_NUMBER);
    });
    it("rejects mixed currencies", () => {
      expect(() => estimateJobs({ sales: { amount: "1", currency: "USD" } as never, revenuePerEmployee: { amount: "1", currency: "EUR" } as never })).toThrow(CurrencyMismatchError);
    });
  });
});
