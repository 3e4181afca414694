import { describe, expect, it, vi } from "vitest";
import { money } from "../money/money.js";
import { createFeeSchedule } from "./createFeeSchedule.js";
import { ILLUSTRATIVE_FEE_SCHEDULE } from "./ILLUSTRATIVE_FEE_SCHEDULE.js";
import { saleFees } from "./saleFees.js";

// The input the constant's TSDoc describes; the constant is written out rather than built (#10).
const INPUT = {
  name: "illustrative (not a real marketplace's fees)",
  currency: "USD",
  categories: [
    { category: "media", rate: "0.15", closingFeePerItem: "1.80" },
    { category: "electronics", rate: "0.08", minimumPerItem: "0.30" },
    { category: "home", rate: "0.15", minimumPerItem: "0.30" },
    { category: "other", rate: "0.15", minimumPerItem: "0.30" },
  ],
  defaultCategory: "other",
  perItemFee: "0.99",
} as const;

describe("ILLUSTRATIVE_FEE_SCHEDULE", () => {
  it("is exactly the schedule createFeeSchedule builds from its documented input", () => {
    const built = createFeeSchedule(INPUT);
    expect(ILLUSTRATIVE_FEE_SCHEDULE).toEqual(built);
    // JSON form and key order too (a JSON round trip of a schedule is part of its contract).
    expect(JSON.stringify(ILLUSTRATIVE_FEE_SCHEDULE)).toBe(JSON.stringify(built));
    expect(JSON.parse(JSON.stringify(ILLUSTRATIVE_FEE_SCHEDULE)).categories[0]).toEqual({
      category: "media",
      rate: "0.15",
      minimumPerItem: { amount: "0", currency: "USD" },
      closingFeePerItem: { amount: "1.8", currency: "USD" },
    });
  });

  it("is deeply frozen, Decimals included", () => {
    expect(Object.isFrozen(ILLUSTRATIVE_FEE_SCHEDULE)).toBe(true);
    expect(Object.isFrozen(ILLUSTRATIVE_FEE_SCHEDULE.categories)).toBe(true);
    expect(Object.isFrozen(ILLUSTRATIVE_FEE_SCHEDULE.categories[1])).toBe(true);
    expect(Object.isFrozen(ILLUSTRATIVE_FEE_SCHEDULE.categories[1]!.rate)).toBe(true);
    expect(Object.isFrozen(ILLUSTRATIVE_FEE_SCHEDULE.perItemFee.amount)).toBe(true);
  });

  it("prices a sale like the built schedule (its TSDoc example: $200 of electronics → $16.99)", () => {
    const sale = { category: "electronics", amount: money("200.00", "USD") };
    expect(saleFees(ILLUSTRATIVE_FEE_SCHEDULE, sale).total.amount.toString()).toBe("16.99");
    expect(JSON.stringify(saleFees(ILLUSTRATIVE_FEE_SCHEDULE, { ...sale, units: 3 }))).toBe(JSON.stringify(saleFees(createFeeSchedule(INPUT), { ...sale, units: 3 })));
  });

  it("creates no Intl.NumberFormat when its module is imported (cold import, #10)", async () => {
    vi.resetModules();
    const spy = vi.spyOn(Intl, "NumberFormat");
    try {
      const fresh = await import("./ILLUSTRATIVE_FEE_SCHEDULE.js");
      expect(fresh.ILLUSTRATIVE_FEE_SCHEDULE.currency).toBe("USD");
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
