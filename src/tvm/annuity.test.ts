import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { fv } from "./fv.js";
import { nper } from "./nper.js";
import { pmt } from "./pmt.js";
import { pv } from "./pv.js";
import { rate } from "./rate.js";

// All expected values: numpy-financial numpy_financial/tests/test_financial.py.
describe("pmt", () => {
  it("reproduces test_pmt_decimal", () => {
    expect(pmt(new Decimal("0.08").div(12), 60, 15000).toFixed(6)).toBe("-304.145914");
    expect(pmt("0.006666666666666666666666666667", 60, 15000).toFixed(20)).toBe("-304.14591432620523703387");
    expect(pmt(0, 60, 15000).toString()).toBe("-250");
  });
  it("reproduces the broadcast cases of test_pmt_decimal", () => {
    expect(pmt("0.8", 3, 20000).toFixed(3)).toBe("-19311.258");
    expect(pmt("0.3", 12, 2000).toFixed(5)).toBe("-626.90814");
    expect(pmt(0, 12, 2000).toFixed(5)).toBe("-166.66667");
  });
  it("throws when nper is 0", () => {
    expect(() => pmt("0.1", 0, 100)).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE", fn: "pmt" }));
  });
});

describe("pv", () => {
  it("reproduces test_pv_decimal", () => {
    expect(pv("0.07", 20, 12000, 0).toString()).toBe("-127128.1709461939327295222005");
  });
  it("supports begin timing (test_when: begin equals when=1)", () => {
    expect(pv("0.07", 20, 12000, 0, { when: "begin" }).toFixed(2)).toBe(pv("0.07", 20, 12000, 0).times("1.07").toFixed(2));
  });
});

describe("fv", () => {
  it("reproduces TestFv", () => {
    expect(fv("0.075", 20, -2000, 0).toFixed(10)).toBe("86609.3626730430");
    expect(fv("0.075", 20, -2000, 0, { when: "begin" }).toFixed(6)).toBe("93105.064874");
    expect(fv("0.1", 5, 100, 0).toFixed(6)).toBe("-610.510000");
    expect(fv("0.2", 5, 100, 0, { when: "begin" }).toFixed(6)).toBe("-892.992000");
    expect(fv(0, 5, 100, 0).toString()).toBe("-500");
  });
});

describe("nper", () => {
  it("reproduces TestNper", () => {
    expect(nper("0.075", -2000, 0, 100000).toFixed(6)).toBe("21.544944");
    expect(nper(0, -2000, 0, 100000).toString()).toBe("50");
    expect(nper("0.1", 0, -500, 1500).toFixed(8)).toBe("11.52670461");
    expect(nper(0, -100, 1000).toString()).toBe("10");
    // test_broadcast: when = begin → 20.76156441
    expect(nper("0.075", -2000, 0, 100000, { when: "begin" }).toFixed(4)).toBe("20.7616");
  });
  it("throws UNDEFINED_RESULT where numpy returns inf (test_infinite_payments)", () => {
    expect(() => nper(0, 0, 1000)).toThrow(expect.objectContaining({ code: "UNDEFINED_RESULT" }));
  });
});

describe("rate", () => {
  it("reproduces test_rate (0.1107) and the exact root", () => {
    expect(rate(10, 0, -3500, 10000).toFixed(4)).toBe("0.1107");
    // Exact root (10000/3500)^(1/10) - 1 = 0.110690853710752...; numpy's Decimal test value
    // 0.1106908537142689 is a Newton iterate stopped at its tolerance (3.5e-12 away).
    expect(Math.abs(rate(10, 0, -3500, 10000).toNumber() - (Math.pow(10000 / 3500, 0.1) - 1))).toBeLessThan(1e-14);
  });
  it("agrees between when=begin and when=end where equal (test_when)", () => {
    const r = rate(10, 20, -3500, 10000, { when: "begin" });
    expect(fv(r, 10, 20, -3500, { when: "begin" }).toNumber()).toBeCloseTo(10000, 6);
  });
  it("throws NO_SIGN_CHANGE for an infeasible loan (test_rate_with_infeasible_solution)", () => {
    for (const when of ["end", "begin"] as const) {
      expect(() => rate(12, 400, 10000, 5000, { when })).toThrow(expect.objectContaining({ code: "NO_SIGN_CHANGE", fn: "rate" }));
    }
  });
});
