import { describe, expect, it } from "vitest";
import { irr } from "./irr.js";
import { irrRoots } from "./irrRoots.js";
import { npv } from "./npv.js";

describe("irr", () => {
  // numpy-financial tests/test_financial.py::TestIrr::test_basic_values (decimal=2)
  it.each([
    [[-150000, 15000, 25000, 35000, 45000, 60000], 0.0524],
    [[-100, 0, 0, 74], -0.0955],
    [[-100, 39, 59, 55, 20], 0.28095],
    [[-100, 100, 0, -7], -0.0833],
    [[-100, 100, 0, 7], 0.06206],
    [[-5, 10.5, 1, -8, 1], 0.0886],
    [[-5, 10.5, 1, -8, 1, 0, 0, 0], 0.0886], // test_trailing_zeros
  ])("reproduces numpy-financial for %j", (v, desired) => {
    expect(Math.abs(irr(v).toNumber() - desired)).toBeLessThan(0.5e-2);
    expect(Math.abs(irr(v).toNumber() - desired)).toBeLessThan(1e-4);
  });

  it("returns numpy-financial's root to 8 digits where formulajs IRR lands on another root", () => {
    // numpy-financial TestIrr::test_basic_values: irr([-5, 10.5, 1, -8, 1]) = 0.0886 (decimal=2;
    // numpy-financial's own value 0.08859833852439172, also `financial`'s). The flows change sign
    // three times and -0.8702 zeroes the NPV too: formulajs 4.6.1 IRR (Newton from 0.1 on the
    // derivative of its NPV) returns that root; the default policy here keeps numpy's.
    const v = [-5, 10.5, 1, -8, 1];
    expect(irr(v).toFixed(8)).toBe("0.08859834");
    expect(irr(v, { root: "lowest" }).toFixed(4)).toBe("-0.8702");
    // numpy-financial's other test_basic_values to 8 digits (numpy-financial's computed values)
    expect(irr([-150000, 15000, 25000, 35000, 45000, 60000]).toFixed(8)).toBe("0.05243289");
    expect(irr([-100, 39, 59, 55, 20]).toFixed(8)).toBe("0.28094842");
    expect(irr([-100, 100, 0, -7]).toFixed(8)).toBe("-0.08329967");
  });

  it("satisfies npv(irr(x), x) = 0 (numpy test_npv_irr_congruence)", () => {
    const cf = [-40000, 5000, 8000, 12000, 30000];
    expect(npv(irr(cf), cf).abs().toNumber()).toBeLessThan(1e-8);
  });

  it("solves numpy-financial gh-15 (root near -100 %)", () => {
    // numpy-financial TestIrr::test_gh_15: desired -0.9999999990596069, rtol 1e-9
    const v = [
      -3000.0, 2.3926932267015667e-7, 4.1672087103345505e-16, 5.3965110036378706e-25, 5.1962551071806174e-34, 3.7202955645436402e-43, 1.9804961711632469e-52, 7.8393517651814181e-62, 2.3072565113911438e-71,
      5.0491839233308912e-81, 8.2159177668499263e-91, 9.9403244366963527e-101, 8.942410813633967e-111, 5.9816122646481191e-121, 2.9750309031844241e-131, 1.1002067043497954e-141, 3.0252876563518021e-152,
      6.1854121948207909e-163, 9.4032980015353301e-174, 1.0629218520017728e-184, 8.9337141847171845e-196, 5.5830607698467935e-207, 2.5943122036622652e-218, 8.9635842466507006e-230, 2.3027710094332358e-241,
      4.3987510596745562e-253, 6.2476630372575209e-265, 6.598046841695288e-277, 5.1811095266842017e-289, 3.0250999925830644e-301, 1.3133070599585015e-313,
    ];
    const r = irr(v).toNumber();
    expect(Math.abs(r - -0.9999999990596069) / 0.9999999990596069).toBeLessThan(1e-9);
  });

  it("throws NO_SIGN_CHANGE when there is no solution (numpy gh-6744 returns NaN)", () => {
    expect(() => irr([-1, -2, -3])).toThrow(expect.objectContaining({ code: "NO_SIGN_CHANGE", fn: "irr" }));
  });

  it("lists every root with irrRoots", () => {
    expect(irrRoots([-100, 100, 0, -7]).map((r) => r.toFixed(4))).toEqual(["-0.6789", "-0.0833"]);
    expect(irrRoots([-5, 10.5, 1, -8, 1]).map((r) => r.toFixed(4))).toEqual(["-0.8702", "0.0886", "0.7096"]);
    expect(irrRoots([1, 2, 3])).toEqual([]);
  });
});
