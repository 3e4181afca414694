import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { syntheticMarketplace } from "./syntheticMarketplace.js";

describe("syntheticMarketplace properties", () => {
  test.prop([fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 3_000 })], { numRuns: 25 })(
    "at any seed and size, calibrated counts are within ±1 of the scaled report and the SMB share is exact to 1e-6",
    (seed, sellers) => {
      const a = syntheticMarketplace({ seed, sellers }).aggregates();
      expect(Math.abs(a.newSmbCount - 0.3 * sellers)).toBeLessThanOrEqual(1);
      expect(Math.abs(a.smbsAboveThreshold - 0.02 * sellers)).toBeLessThanOrEqual(1);
      expect(Math.abs(a.smbShareOfSales.toNumber() - 0.5)).toBeLessThan(1e-6);
      const monthSum = a.salesByMonth.reduce((s, x) => s.plus(x.amount), a.sales.total.amount.minus(a.sales.total.amount));
      expect(monthSum.equals(a.sales.total.amount)).toBe(true);
      expect(a.lending.repaidInYear.amount.lessThanOrEqualTo(a.lending.totalLent.amount.plus(a.lending.totalFees.amount))).toBe(true);
    },
  );
});
