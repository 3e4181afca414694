import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { ConvergenceError } from "../errors.js";
import { xirr } from "./xirr.js";
import { xnpv } from "./xnpv.js";
import { xirrRoots } from "./xirrRoots.js";
import type { CashFlow } from "./types.js";

// Microsoft Excel XIRR documentation example: result 0.373362535 (37.34 %).
const MS: CashFlow[] = [
  { date: "2008-01-01", amount: -10000 },
  { date: "2008-03-01", amount: 2750 },
  { date: "2008-10-30", amount: 4250 },
  { date: "2009-02-15", amount: 3250 },
  { date: "2009-04-01", amount: 2750 },
];

const day = (iso: string, n: number): Date => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000);
const residualOk = (r: Decimal, flows: readonly CashFlow[]): boolean => {
  const abs = flows.reduce((s, f) => s + Math.abs(Number(f.amount)), 0);
  return xnpv(r, flows).abs().toNumber() <= 1e-6 * abs;
};

describe("xirr", () => {
  it("reproduces Microsoft's XIRR example (0.373362535)", () => {
    // Source: Microsoft Support, "XIRR function", example table: 0.373362535.
    // Excel stops Newton at its own tolerance; the exact root is 0.37336253352 (XNPV ≈ 1e-12 there),
    // 1.5e-9 below Excel's printed value, so we assert agreement to 2e-9 and the 6-dp rounding.
    expect(Math.abs(xirr(MS).toNumber() - 0.373362535)).toBeLessThan(2e-9);
    expect(xirr(MS).toFixed(6)).toBe("0.373363");
  });

  it("returns a Decimal whose XNPV is ~0", () => {
    const r = xirr(MS);
    expect(r).toBeInstanceOf(Decimal);
    expect(xnpv(r, MS).abs().toNumber()).toBeLessThan(1e-8);
  });

  it("accepts Date objects, Decimal and string amounts and Money", () => {
    const flows = MS.map((f, i) => ({
      date: new Date(`${f.date as string}T00:00:00Z`),
      amount: i === 0 ? new Decimal(-10000) : i === 1 ? "2750" : { amount: new Decimal(f.amount as number), currency: "USD" },
    }));
    expect(xirr(flows).toFixed(12)).toBe(xirr(MS).toFixed(12));
  });

  it("accepts unsorted dates (same result as sorted)", () => {
    const shuffled = [MS[3]!, MS[0]!, MS[4]!, MS[1]!, MS[2]!];
    expect(xirr(shuffled).toFixed(12)).toBe(xirr(MS).toFixed(12));
  });

  it("does not depend on the guess when there is one sign change", () => {
    expect(xirr(MS, { guess: -0.9 }).toFixed(12)).toBe(xirr(MS).toFixed(12));
    expect(xirr(MS, { guess: 50 }).toFixed(12)).toBe(xirr(MS).toFixed(12));
  });

  describe("edge cases", () => {
    it("finds rates above 1000 % (one-day payoff)", () => {
      const flows = [
        { date: "2024-01-01", amount: -100 },
        { date: "2024-01-02", amount: 101 },
      ];
      // (1.01)^365 - 1
      const expected = Math.pow(1.01, 365) - 1;
      const r = xirr(flows).toNumber();
      expect(Math.abs(r - expected) / expected).toBeLessThan(1e-9);
      expect(r).toBeGreaterThan(10);
    });

    it("finds very high rates where Newton from 10 % diverges", () => {
      const flows = [
        { date: "2024-01-01", amount: -1 },
        { date: "2024-01-31", amount: 50 },
      ];
      const r = xirr(flows);
      expect(residualOk(r, flows)).toBe(true);
      expect(r.toNumber()).toBeGreaterThan(1e20);
    });

    it("finds rates near -100 %", () => {
      const flows = [
        { date: "2020-01-01", amount: -1000 },
        { date: "2021-01-01", amount: 0.001 },
      ];
      // 366 days: (1e-6)^(365/366) - 1
      const expected = Math.pow(1e-6, 365 / 366) - 1;
      expect(Math.abs(xirr(flows).toNumber() - expected)).toBeLessThan(1e-15);
    });

    it("handles flows spanning decades", () => {
      const flows: CashFlow[] = [{ date: "1960-01-01", amount: -1000 }];
      for (let y = 1961; y <= 2020; y++) flows.push({ date: `${y}-01-01`, amount: 80 });
      flows.push({ date: "2020-01-01", amount: 1000 });
      const r = xirr(flows);
      expect(residualOk(r, flows)).toBe(true);
      expect(r.toNumber()).toBeGreaterThan(0.079);
      expect(r.toNumber()).toBeLessThan(0.081);
    });

    it("handles hundreds of daily flows", () => {
      const flows: CashFlow[] = [{ date: day("2023-01-01", 0), amount: -100000 }];
      for (let i = 1; i <= 500; i++) flows.push({ date: day("2023-01-01", i), amount: 230 + (i % 7) });
      const r = xirr(flows);
      expect(residualOk(r, flows)).toBe(true);
    });

    it("returns the root nearest the guess when flows change sign twice", () => {
      const flows = [
        { date: "2023-01-01", amount: -100 },
        { date: "2024-01-01", amount: 230 },
        { date: "2024-12-31", amount: -132 },
      ];
      expect(xirr(flows, { guess: 0 }).toFixed(8)).toBe("0.10000000");
      expect(xirr(flows, { guess: 0.5 }).toFixed(8)).toBe("0.20000000");
      expect(xirrRoots(flows).map((r) => r.toFixed(8))).toEqual(["0.10000000", "0.20000000"]);
    });

    it("throws NO_SIGN_CHANGE when all flows are positive", () => {
      expect(() =>
        xirr([
          { date: "2024-01-01", amount: 1 },
          { date: "2024-02-01", amount: 2 },
        ]),
      ).toThrow(ConvergenceError);
      try {
        xirr([
          { date: "2024-01-01", amount: 1 },
          { date: "2024-02-01", amount: 2 },
        ]);
      } catch (e) {
        expect((e as ConvergenceError).code).toBe("NO_SIGN_CHANGE");
        expect((e as Error).message).toMatch(/^xirr: /);
      }
    });

    it("throws NO_SIGN_CHANGE when the NPV never crosses zero despite two sign changes", () => {
      const flows = [
        { date: "2023-01-01", amount: -100 },
        { date: "2024-01-01", amount: 100 },
        { date: "2025-01-01", amount: -100 },
      ];
      expect(() => xirr(flows)).toThrow(expect.objectContaining({ code: "NO_SIGN_CHANGE" }));
    });

    it("throws NO_SIGN_CHANGE when all flows are on one date", () => {
      expect(() =>
        xirr([
          { date: "2024-01-01", amount: -1 },
          { date: "2024-01-01", amount: 2 },
        ]),
      ).toThrow(expect.objectContaining({ code: "NO_SIGN_CHANGE" }));
    });

    it("does not mutate its input", () => {
      const copy = JSON.parse(JSON.stringify(MS)) as unknown;
      xirr(MS);
      expect(MS).toEqual(copy);
    });
  });
});

// #15: the read loop guards its throwing reads with one try around the whole loop; every odd
// element still gives the typed error (or the value) it gave with one try per element.
describe("xirr read loop (one guard for the whole loop)", () => {
  const good = (): { date: Date; amount: number }[] => [
    { date: new Date(Date.UTC(2024, 0, 1)), amount: -1000 },
    { date: new Date(Date.UTC(2024, 6, 1)), amount: 600 },
    { date: new Date(Date.UTC(2025, 0, 1)), amount: 600 },
  ];
  const expected = xirr(good()).toNumber();

  it("reads a Date through its internal slot, whatever its own getTime says", () => {
    const flows = good();
    const odd = new Date(Date.UTC(2024, 6, 1));
    Object.defineProperty(odd, "getTime", { value: () => 0 });
    flows[1] = { date: odd, amount: 600 };
    expect(xirr(flows).toNumber()).toBe(expected);
  });

  it("a Proxy around a Date and an object without the Date slot fail typed, and the flows after them are not needed", () => {
    for (const date of [new Proxy(new Date(Date.UTC(2024, 6, 1)), {}), Object.create(Date.prototype) as Date]) {
      const flows = good();
      flows[1] = { date, amount: 600 };
      let err: unknown;
      try {
        xirr(flows);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TypeError);
      expect((err as { fn: string }).fn).toBe("xirr");
      expect(String((err as Error).message)).toContain("flows[1].date");
    }
  });

  it("a throwing element getter is a typed INVALID_TYPE naming the element; a hole is MISSING_VALUE", () => {
    const flows: unknown[] = good();
    Object.defineProperty(flows, 2, {
      get() {
        throw new Error("boom");
      },
    });
    expect(() => xirr(flows as CashFlow[])).toThrow(expect.objectContaining({ code: "INVALID_TYPE", fn: "xirr", message: expect.stringContaining("flows[2]") }));
    const holes = good() as unknown[];
    delete holes[1];
    expect(() => xirr(holes as CashFlow[])).toThrow(expect.objectContaining({ code: "MISSING_VALUE", fn: "xirr", message: expect.stringContaining("flows[1]") }));
  });

  it("a typed error of a validator inside the guarded loop passes through unchanged", () => {
    const flows = good() as { date: unknown; amount: unknown }[];
    flows[2] = { date: flows[2]!.date, amount: "abc" };
    expect(() => xirr(flows as CashFlow[])).toThrow(expect.objectContaining({ fn: "xirr", message: expect.stringContaining("flows[2].amount") }));
  });

  it("daily flows (one common gap found while merging) solve as before: 365 daily flows", () => {
    const start = Date.UTC(2024, 0, 1);
    const flows: CashFlow[] = [{ date: new Date(start), amount: -100_000 }];
    for (let i = 1; i < 365; i++) flows.push({ date: new Date(start + i * 86_400_000), amount: 300 + ((i * 37) % 11) });
    const r = xirr(flows);
    // the NPV at the returned rate is zero to 1e-9 of the flows (the solver's residual check)
    expect(residualOk(r, flows)).toBe(true);
    // same rate with the flows shuffled (the unsorted path merges and finds the gap the same way)
    const shuffled = [...flows].reverse();
    expect(xirr(shuffled).toString()).toBe(r.toString());
  });
});
