import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ErrorCode, ValidationError, ValidationTypeError } from "../errors.js";
import { attributeJobsToMarketplace } from "./attributeJobsToMarketplace.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as ValidationError).code;
  }
  return "no error";
};

describe("attributeJobsToMarketplace", () => {
  it("multiplies employees by the marketplace share and sums (hand-checked)", () => {
    // 10 × 0.6 + 4 × (50,000 / 200,000) = 6 + 1 = 7
    const r = attributeJobsToMarketplace([
      { id: "a", employees: 10, marketplaceShare: "0.6" },
      { id: "b", employees: 4, marketplaceSales: 50_000, totalSales: 200_000 },
    ]);
    expect(r.jobs.toString()).toBe("7");
    expect(r.employees.toString()).toBe("14");
    expect(r.sellers.map((s) => [s.id, s.jobs.toString()])).toEqual([
      ["a", "6"],
      ["b", "1"],
    ]);
  });

  it("accepts Money sales in one currency and returns 0 for no sellers", () => {
    const r = attributeJobsToMarketplace([{ employees: 3, marketplaceSales: { amount: "1", currency: "USD" } as never, totalSales: { amount: "3", currency: "USD" } as never }]);
    expect(r.jobs.toFixed(10)).toBe("1.0000000000");
    expect(attributeJobsToMarketplace([]).jobs.toString()).toBe("0");
  });

  describe("edge cases", () => {
    it("rejects bad shares, sales above total, zero total, negative employees", () => {
      expect(code(() => attributeJobsToMarketplace([{ employees: 1, marketplaceShare: 1.2 }]))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => attributeJobsToMarketplace([{ employees: 1, marketplaceSales: 5, totalSales: 4 }]))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => attributeJobsToMarketplace([{ employees: 1, marketplaceSales: 0, totalSales: 0 }]))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => attributeJobsToMarketplace([{ employees: -1, marketplaceShare: 0.5 }]))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => attributeJobsToMarketplace([{ employees: 1 }]))).toBe(ErrorCode.UNKNOWN_OPTION);
      expect(code(() => attributeJobsToMarketplace([{ employees: 1, marketplaceShare: 0.5, totalSales: 3 }]))).toBe(ErrorCode.CONFLICTING_OPTIONS);
    });
    it("rejects a non-array, a non-object seller and mixed currencies", () => {
      expect(() => attributeJobsToMarketplace(null as never)).toThrow(ValidationTypeError);
      expect(() => attributeJobsToMarketplace([42] as never)).toThrow(ValidationTypeError);
      expect(() => attributeJobsToMarketplace([{ employees: 1, marketplaceSales: { amount: "1", currency: "USD" } as never, totalSales: { amount: "2", currency: "EUR" } as never }])).toThrow(
        CurrencyMismatchError,
      );
    });
  });
});
