/**
 * The private decimal.js configuration (#11 "decimal.js configuration leaks in"): the library's
 * constructors ignore a user's Decimal.set(), their instances are recognised by the user's
 * Decimal, and inputs from any decimal.js copy are copied digit for digit.
 */
import { createRequire } from "node:module";
import { Decimal as UserDecimal } from "decimal.js";
import { afterEach, describe, expect, it } from "vitest";
import { Decimal, ExactDecimal, exactMinus, exactPlus, exactTimes } from "./decimal.js";

const DEFAULTS = { precision: 20, rounding: 4 as UserDecimal.Rounding, toExpNeg: -7, toExpPos: 21, minE: -9e15, maxE: 9e15, modulo: 1 as UserDecimal.Modulo };

describe("src/_lib/decimal", () => {
  afterEach(() => {
    // Restore the shared copy's settings for every other test.
    UserDecimal.set({ ...DEFAULTS, defaults: true });
  });

  it("has decimal.js's default settings, written out", () => {
    for (const [k, v] of Object.entries(DEFAULTS)) expect((Decimal as unknown as Record<string, unknown>)[k], k).toBe(v);
    expect(ExactDecimal.precision).toBe(1e9);
  });

  it("ignores a user's Decimal.set() on the shared decimal.js copy", () => {
    UserDecimal.set({ precision: 6, rounding: UserDecimal.ROUND_DOWN, toExpPos: 2 });
    expect(new UserDecimal("1234567.89").plus("0.01").toFixed()).toBe("1234560"); // the user's own copy is affected
    expect(new Decimal("1234567.89").plus("0.01").toString()).toBe("1234567.9");
    expect(new Decimal(1).div(3).toString()).toBe("0.33333333333333333333");
    expect(exactPlus(new UserDecimal("1234567.89"), new UserDecimal("0.01")).toFixed()).toBe("1234567.9");
  });

  it("its instances pass the user's Decimal.isDecimal and instanceof Decimal", () => {
    const x = exactTimes(new Decimal("1.5"), new Decimal(2));
    expect(UserDecimal.isDecimal(x)).toBe(true);
    expect(x instanceof UserDecimal).toBe(true);
    expect(x.constructor).toBe(Decimal);
  });

  it("add, subtract and multiply are exact at any size and hand back a 20-digit constructor", () => {
    expect(exactPlus(new Decimal("1234567890123456789.01"), new Decimal("0.01")).toFixed()).toBe("1234567890123456789.02");
    expect(exactMinus(new Decimal("1e29"), new Decimal("1e-40")).toFixed()).toBe(`${"9".repeat(29)}.${"9".repeat(40)}`);
    const p = exactTimes(new Decimal("1234.50"), new Decimal(1).div(12));
    expect(p.toFixed()).toBe("102.8749999999999999995885");
    // The result divides at 20 digits, not at 1e9 (which would not terminate).
    expect(p.constructor).toBe(Decimal);
    expect(p.div(3).toString()).toBe("34.291666666666666667");
  });

  it("new Decimal(x) copies another decimal.js copy's instance digit for digit", () => {
    const require = createRequire(import.meta.url);
    const Other = (require("decimal.js") as { Decimal: typeof UserDecimal }).Decimal; // the CommonJS copy: another prototype
    const foreign = new Other("123456789012345678901234567890.123456789");
    expect(foreign instanceof UserDecimal).toBe(Other === UserDecimal);
    expect(new Decimal(foreign).toFixed()).toBe("123456789012345678901234567890.123456789");
  });
});
