import { describe, expect, it } from "vitest";
import { xnpv } from "./xnpv.js";

describe("xnpv", () => {
  it("reproduces Microsoft's XNPV example (9 % → 2086.65)", () => {
    // Source: Microsoft Support, "XNPV function", example: =XNPV(.09, A2:A6, B2:B6) → $2,086.65.
    const flows = [
      { date: "2008-01-01", amount: -10000 },
      { date: "2008-03-01", amount: 2750 },
      { date: "2008-10-30", amount: 4250 },
      { date: "2009-02-15", amount: 3250 },
      { date: "2009-04-01", amount: 2750 },
    ];
    expect(xnpv("0.09", flows).toFixed(2)).toBe("2086.65");
  });

  it("is the plain sum at rate 0", () => {
    expect(
      xnpv(0, [
        { date: "2020-01-01", amount: "0.1" },
        { date: "2030-01-01", amount: "0.2" },
      ]).toString(),
    ).toBe("0.3");
  });

  it("discounts exactly one year of 365 days by (1 + rate)", () => {
    expect(
      xnpv("0.1", [
        { date: "2023-01-01", amount: 0 },
        { date: "2024-01-01", amount: 110 },
      ]).toFixed(20),
    ).toBe("100.00000000000000000000");
  });

  it("throws on a rate of -100 % or below", () => {
    expect(() => xnpv(-1, [{ date: "2023-01-01", amount: 1 }])).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE", fn: "xnpv" }));
  });
});
