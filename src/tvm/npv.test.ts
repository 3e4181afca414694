import { describe, expect, it } from "vitest";
import { npv } from "./npv.js";

describe("npv", () => {
  it("reproduces numpy-financial test_npv / test_npv_decimal", () => {
    // numpy-financial tests/test_financial.py::test_npv_decimal → Decimal('122.894854950942692161628715')
    const r = npv("0.05", [-15000, 1500, 2500, 3500, 4500, 6000]);
    expect(r.toFixed(2)).toBe("122.89");
    expect(r.toFixed(20)).toBe("122.89485495094269216163");
  });

  it("uses Excel's t = 1 convention on request (numpy / (1 + rate))", () => {
    // Microsoft Excel NPV doc example 1: NPV(10%, -10000, 3000, 4200, 6800) = $1,188.44
    expect(npv("0.1", [-10000, 3000, 4200, 6800], { convention: "excel" }).toFixed(2)).toBe("1188.44");
  });

  it("rejects an unknown convention", () => {
    expect(() => npv("0.1", [1], { convention: "lotus" as never })).toThrow(expect.objectContaining({ code: "UNKNOWN_OPTION" }));
  });
});
