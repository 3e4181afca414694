import { describe, expect, it } from "vitest";
import { receiptsPerEmployeeTable } from "./receiptsPerEmployeeTable.js";

describe("receiptsPerEmployeeTable", () => {
  it("holds the Census totals and their ratios", () => {
    // 2002 Economic Census HotReport, Retail trade: sales per employee ($) 208,663.
    expect(receiptsPerEmployeeTable["retail-44-45-2002"].receiptsPerEmployee.amount.toString()).toBe("208663");
    // 1997 Economic Census, 44-45: $2,460,886,012k / 13,991,103 = 175,889.35 (HotReport: 175,889r).
    expect(receiptsPerEmployeeTable["retail-44-45-1997"].receiptsPerEmployee.amount.toString()).toBe("175889");
    // 1997, 454: $123,106,651k / 505,993; 4541: $79,018,305k / 218,406.
    expect(receiptsPerEmployeeTable["nonstore-454-1997"].receiptsPerEmployee.amount.toString()).toBe("243297");
    expect(receiptsPerEmployeeTable["electronic-shopping-4541-1997"].receiptsPerEmployee.amount.toString()).toBe("361795");
  });

  it("re-derives every ratio from its own totals", () => {
    for (const f of Object.values(receiptsPerEmployeeTable)) {
      expect(f.sales.amount.div(f.paidEmployees).toDecimalPlaces(0).toString()).toBe(f.receiptsPerEmployee.amount.toString());
      expect(f.receiptsPerEmployee.currency).toBe("USD");
      expect(f.source.length).toBeGreaterThan(20);
      expect(f.verification.length).toBeGreaterThan(20);
    }
  });

  it("is deeply frozen", () => {
    expect(Object.isFrozen(receiptsPerEmployeeTable)).toBe(true);
    expect(Object.values(receiptsPerEmployeeTable).every((f) => Object.isFrozen(f) && Object.isFrozen(f.sales))).toBe(true);
  });
});
