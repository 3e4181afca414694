import { describe, expect, it } from "vitest";
import { ConvergenceError, ErrorCode, ValidationError } from "../errors.js";
import { irr } from "./irr.js";
import { irrRoots } from "./irrRoots.js";
import { xirr } from "./xirr.js";
import { xirrRoots } from "./xirrRoots.js";

// The flows of issue #15 (a long-standing numpy-financial question): NPV is zero at -76.9 % and at 185.4 %.
const TWO_ROOTS = [-50, -100, 600, 300, -100];

function thrown(f: () => unknown): ConvergenceError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConvergenceError);
    return e as ConvergenceError;
  }
  throw new Error("expected a ConvergenceError");
}

describe("irr root policy (issue #15)", () => {
  it("keeps the 0.1.0 answer by default: the root nearest the guess", () => {
    expect(irr(TWO_ROOTS).toFixed(4)).toBe("-0.7689");
    expect(irr(TWO_ROOTS, { root: "default" }).toFixed(4)).toBe("-0.7689");
    expect(irrRoots(TWO_ROOTS).map((r) => r.toFixed(4))).toEqual(["-0.7689", "1.8544"]);
  });

  it('"excel" lands where Excel does: 185 % for the issue\'s flows', () => {
    // issue #15: "irr returns -76.9 % while Excel returns 185 %"
    expect(irr(TWO_ROOTS, { root: "excel" }).toFixed(4)).toBe("1.8544");
  });

  it('"excel" reproduces the Excel IRR documentation examples', () => {
    // Microsoft Excel IRR documentation: -70000 then 12000, 15000, 18000, 21000, 26000
    const v = [-70000, 12000, 15000, 18000, 21000, 26000];
    expect(irr(v.slice(0, 5), { root: "excel" }).times(100).toFixed(1)).toBe("-2.1"); // IRR(A2:A6) = -2.1 %
    expect(irr(v, { root: "excel" }).times(100).toFixed(1)).toBe("8.7"); // IRR(A2:A7) = 8.7 %
    expect(irr(v.slice(0, 3), { root: "excel", guess: -0.1 }).times(100).toFixed(1)).toBe("-44.4"); // IRR(A2:A4,-10%) = -44.4 %
  });

  it('"excel" reproduces the Excel XIRR documentation example (0.373362535)', () => {
    // Microsoft Excel XIRR documentation; Excel stops 1.5e-9 above the exact root
    const flows = [
      { date: "2008-01-01", amount: -10000 },
      { date: "2008-03-01", amount: 2750 },
      { date: "2008-10-30", amount: 4250 },
      { date: "2009-02-15", amount: 3250 },
      { date: "2009-04-01", amount: 2750 },
    ];
    expect(Math.abs(xirr(flows, { root: "excel" }).toNumber() - 0.373362535)).toBeLessThan(2e-9);
  });

  it('"excel" throws NOT_CONVERGED where Newton from the guess leaves (-100 %, ∞), as Excel\'s #NUM!', () => {
    // Newton from 0.1 on -100, 1, 1, 1 jumps to r ≈ -22 at the first step
    expect(thrown(() => irr([-100, 1, 1, 1], { root: "excel" })).code).toBe(ErrorCode.NOT_CONVERGED);
    // the bracketing default still finds the root
    expect(irr([-100, 1, 1, 1]).toFixed(6)).toBe("-0.765502");
  });

  it('"lowest" and "highest" pick the ends of the roots found', () => {
    expect(irr(TWO_ROOTS, { root: "lowest" }).toFixed(4)).toBe("-0.7689");
    expect(irr(TWO_ROOTS, { root: "highest" }).toFixed(4)).toBe("1.8544");
    expect(irr([-100, 230, -132], { root: "lowest" }).toFixed(6)).toBe("0.100000");
    expect(irr([-100, 230, -132], { root: "highest" }).toFixed(6)).toBe("0.200000");
  });

  it('"closest-to-guess" follows the guess', () => {
    expect(irr([-100, 230, -132], { root: "closest-to-guess", guess: 0.05 }).toFixed(6)).toBe("0.100000");
    expect(irr([-100, 230, -132], { root: "closest-to-guess", guess: 0.3 }).toFixed(6)).toBe("0.200000");
    expect(irr(TWO_ROOTS, { root: "closest-to-guess", guess: 1 }).toFixed(4)).toBe("1.8544");
  });

  it('"unique" throws MULTIPLE_ROOTS when several rates zero the NPV, and lists them', () => {
    const e = thrown(() => irr(TWO_ROOTS, { root: "unique" }));
    expect(e.code).toBe(ErrorCode.MULTIPLE_ROOTS);
    expect(e.fn).toBe("irr");
    expect(e.message).toMatch(/^irr: 2 rates make the NPV zero \(-0\.76889\d*, 1\.85441\d*\)/);
    const flows = [
      { date: "2023-01-01", amount: -100 },
      { date: "2024-01-01", amount: 230 },
      { date: "2024-12-31", amount: -132 },
    ];
    expect(thrown(() => xirr(flows, { root: "unique" })).code).toBe(ErrorCode.MULTIPLE_ROOTS);
    expect(xirrRoots(flows)).toHaveLength(2);
  });

  it('"unique" returns the root when there is one', () => {
    expect(irr([-100, 39, 59, 55, 20], { root: "unique" }).toFixed(5)).toBe("0.28095");
  });

  it("every policy gives the same rate for one sign change", () => {
    const v = [-100, 39, 59, 55, 20];
    const rs = (["default", "closest-to-guess", "excel", "lowest", "highest", "unique"] as const).map((root) => irr(v, { root }).toFixed(9));
    expect(new Set(rs).size).toBe(1);
  });

  describe("one option parser", () => {
    it.each([
      ["irr", () => irr([-1, 2], { root: "nearest" as never })],
      [
        "xirr",
        () =>
          xirr(
            [
              { date: "2024-01-01", amount: -1 },
              { date: "2025-01-01", amount: 2 },
            ],
            { root: "nearest" as never },
          ),
      ],
    ])("%s rejects an unknown root policy", (fn, f) => {
      expect(f).toThrow(ValidationError);
      expect(f).toThrow(new RegExp(`^${fn}: options.root must be one of the names listed`));
    });

    it("rejects unknown option keys with the shared toOptions message in irr and xirr (a near miss gets a hint)", () => {
      expect(() => irr([-1, 2], { gues: 0.2 } as never)).toThrow('irr: options has an unknown key "gues" (allowed keys: "guess", "maxIterations", "root"; did you mean "guess"?)');
      expect(() =>
        xirr(
          [
            { date: "2024-01-01", amount: -1 },
            { date: "2025-01-01", amount: 2 },
          ],
          { gues: 0.2 } as never,
        ),
      ).toThrow('xirr: options has an unknown key "gues" (allowed keys: "guess", "maxIterations", "root", "dayCount"; did you mean "guess"?)');
      // irr has no dates, so no day count
      expect(() => irr([-1, 2], { dayCount: "ACT/360" } as never)).toThrow('irr: options has an unknown key "dayCount" (allowed keys: "guess", "maxIterations", "root")');
    });

    it("rejects null options", () => {
      expect(() => irr([-1, 2], null as never)).toThrow(/irr: options must be an options object or undefined/);
      expect(() => xirr([{ date: "2024-01-01", amount: -1 }], null as never)).toThrow(/xirr: options must be an options object or undefined/);
    });
  });
});
