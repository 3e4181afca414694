/**
 * Exact money whatever the application does to decimal.js (#11 "Money that is not exact",
 * "decimal.js configuration leaks in"), the amount range, and plain frozen results.
 */
import { Decimal } from "decimal.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { unfrozenPaths } from "../../test/support/frozen.js";
import { salesBasedAdvance } from "../financing/salesBasedAdvance.js";
import { simulateRepayment } from "../financing/simulateRepayment.js";
import { add } from "./add.js";
import { allocate } from "./allocate.js";
import { formatMoney } from "./formatMoney.js";
import { fromMinorUnits } from "./fromMinorUnits.js";
import { minorUnitDigits } from "./minorUnitDigits.js";
import { money } from "./money.js";
import { moneyToJSON } from "./moneyToJSON.js";
import { multiply } from "./multiply.js";
import { roundToMinor } from "./roundToMinor.js";
import { subtract } from "./subtract.js";
import { sum } from "./sum.js";
import { toMinorUnits } from "./toMinorUnits.js";

describe("after a user's Decimal.set({ precision: 6 }) (#11)", () => {
  beforeEach(() => {
    // The application's own setting on the shared decimal.js copy (restored after each test).
    // eslint-disable-next-line no-restricted-syntax
    Decimal.set({ precision: 6 });
  });
  afterEach(() => {
    // eslint-disable-next-line no-restricted-syntax
    Decimal.set({ defaults: true });
  });

  it("add($1,234,567.89, $0.01) is $1,234,567.90", () => {
    expect(add(money("1234567.89", "USD"), money("0.01", "USD")).amount.toFixed(2)).toBe("1234567.90");
    expect(sum([money("1234567.89", "USD"), money("0.01", "USD")]).amount.toFixed(2)).toBe("1234567.90");
    expect(subtract(money("1234567.89", "USD"), money("0.01", "USD")).amount.toFixed(2)).toBe("1234567.88");
    expect(multiply(money("1234567.89", "USD"), "3", "half-even").amount.toFixed(2)).toBe("3703703.67");
  });

  it("allocate's parts sum to the total", () => {
    const parts = allocate(money("1234567.89", "USD"), [1, 1, 1]);
    expect(parts.map((p) => p.amount.toFixed(2))).toEqual(["411522.63", "411522.63", "411522.63"]);
    expect(sum(parts).amount.toFixed(2)).toBe("1234567.89");
  });

  it("a repayment collects exactly what is owed", () => {
    // $250,000 + $37,500 fee at 10 % of $50,000.37 a day.
    const advance = salesBasedAdvance({ principal: money("250000", "USD"), fee: money("37500", "USD"), holdbackRate: "0.1" });
    const sales = Array.from({ length: 120 }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 1 + i)), amount: money("50000.37", "USD") }));
    const r = simulateRepayment(advance, sales);
    expect(r.summary.paidOff).toBe(true);
    expect(r.summary.totalPaid.amount.toFixed(2)).toBe("287500.00");
  });

  it("returned amounts are recognised by the user's Decimal", () => {
    const m = add(money("1", "USD"), money("2", "USD"));
    expect(Decimal.isDecimal(m.amount)).toBe(true);
    expect(m.amount instanceof Decimal).toBe(true);
  });
});

describe("exact at any accepted size (#11)", () => {
  it("add keeps the cents of a 19-digit amount", () => {
    expect(add(money("1234567890123456789.01", "USD"), money("0.01", "USD")).amount.toFixed()).toBe("1234567890123456789.02");
  });

  it("multiply rounds the exact product once", () => {
    // 1234.50 / 12 = 102.875 exactly, but 1/12 to 20 digits is below 1/12: the product is 102.87499…
    expect(multiply(money("1234.50", "USD"), new Decimal(1).div(12), "half-up").amount.toString()).toBe("102.87");
    expect(multiply(money("1234.50", "USD"), new Decimal(1).div(12)).amount.toFixed()).toBe("102.8749999999999999995885");
  });
});

describe("the amount range (#11)", () => {
  it("huge exponents throw a typed error instantly instead of hanging", () => {
    const t0 = Date.now();
    expect(() => money("1e-9000000000000000", "USD")).toThrowError(/outside the supported range/);
    expect(() => moneyToJSON({ amount: new Decimal("1e-9000000000000000"), currency: "USD" })).toThrowError(/moneyToJSON: amount.amount is outside the supported range/);
    expect(() => formatMoney({ amount: new Decimal("1e9000000000000000"), currency: "USD" })).toThrowError(/formatMoney: amount.amount is outside/);
    expect(() => multiply(money("10", "USD"), "1e9000000000000000")).toThrowError(/multiply: factor is outside the supported range/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it("an amount must be below 1e30 with at most 40 decimal places, also as a result", () => {
    expect(() => money("1e30", "USD")).toThrowError('money: amount is outside the supported amount range, received "1e30" (allowed: an amount with magnitude below 1e30 and at most 40 decimal places)');
    expect(money("-999999999999999999999999999999.99", "USD").amount.e).toBe(29);
    expect(() => add(money("9e29", "USD"), money("9e29", "USD"))).toThrowError(/add: result \(the sum\) is outside the supported amount range/);
    expect(() => multiply(money("1e-30", "USD"), "1e-11")).toThrowError(/pass a rounding mode/);
    expect(multiply(money("1e-30", "USD"), "1e-11", "half-even").amount.toString()).toBe("0");
    expect(() => multiply(money("10", "USD"), "1e300", "half-even")).toThrowError(/multiply: result/);
  });
});

describe("ISO 4217 digits (#11)", () => {
  // ISO 4217 List One (SIX) minor units; CLDR 48 (Node 20.20, ICU 78.2) digits.
  it("differs from CLDR for the documented codes and agrees elsewhere", () => {
    const differ = ["AFN", "ALL", "COP", "HUF", "IDR", "IRR", "KPW", "LAK", "LBP", "MGA", "MMK", "PKR", "SOS", "SYP", "YER"];
    for (const c of differ) expect([c, minorUnitDigits(c), minorUnitDigits(c, { digits: "iso4217" })]).toEqual([c, 0, 2]);
    expect(minorUnitDigits("IQD", { digits: "iso4217" })).toBe(3);
    expect(minorUnitDigits("XDR", { digits: "iso4217" })).toBe(minorUnitDigits("XDR"));
    for (const [c, d] of [
      ["USD", 2],
      ["JPY", 0],
      ["BHD", 3],
      ["KWD", 3],
      ["CLP", 0],
      ["EUR", 2],
    ] as const) {
      expect(minorUnitDigits(c, { digits: "iso4217" })).toBe(d);
      expect(minorUnitDigits(c)).toBe(d);
    }
  });

  it("gives the ISO 4217 digits of the codes added after the vendored list (XCG, ZWG: 2)", () => {
    // ISO 4217 List One published 2026-01-01 (CcyMnrUnts 2 for XCG 532 and ZWG 924), as transcribed
    // in davestearns/penny-for-your-thoughts src/iso_currencies.rs; ZWG also per the Reserve Bank of
    // Zimbabwe's statement of 25 June 2024 (two decimal places, "cents").
    expect(minorUnitDigits("XCG", { digits: "iso4217" })).toBe(2);
    expect(minorUnitDigits("ZWG", { digits: "iso4217" })).toBe(2);
  });

  it("flows through roundToMinor, toMinorUnits, fromMinorUnits and formatMoney", () => {
    expect(roundToMinor(money("1.2345", "IQD"), "half-even", { digits: "iso4217" }).amount.toString()).toBe("1.234");
    expect(toMinorUnits(money("12.5", "IQD"), { digits: "iso4217" })).toBe(12500n);
    expect(fromMinorUnits(12500n, "IQD", { digits: "iso4217" }).amount.toString()).toBe("12.5");
    expect(formatMoney(money("1234.5", "COP"), "en-US", { currencyDisplay: "code", digits: "iso4217" }).replace(/\s/u, " ")).toBe("COP 1,234.50");
    expect(() => minorUnitDigits("USD", { digits: "ISO" as never })).toThrowError(/options.digits must be one of the names listed/);
    expect(() => formatMoney(money("1", "USD"), "en-US", { fractionDigit: 2 } as never)).toThrowError(/unknown key "fractionDigit".*did you mean "fractionDigits"/);
    expect(() => formatMoney(money("1", "USD"), "en-US", null as never)).toThrowError(/options must be an options object or undefined, received null/);
  });
});

describe("results are fresh, frozen plain values (#11)", () => {
  it("a caller's frozen Money or Proxy is never returned inside a result", () => {
    const frozen = Object.freeze({ amount: new Decimal("1.5"), currency: "USD" });
    const proxy = new Proxy(frozen, {});
    for (const r of [roundToMinor(proxy), multiply(proxy, 1), sum([proxy]), add(proxy, money("0", "USD"))]) {
      expect(r).not.toBe(frozen);
      expect(r).not.toBe(proxy);
      expect(r.amount).not.toBe(frozen.amount);
      expect(unfrozenPaths(r)).toEqual([]);
    }
    expect(unfrozenPaths(allocate(money("1", "USD"), [1, 2]))).toEqual([]);
    expect(unfrozenPaths(moneyToJSON(proxy))).toEqual([]);
  });

  it("sparse arrays and throwing getters throw typed errors", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => sum([, money("1", "USD")] as never)).toThrowError("sum: amounts[0] is a hole in a sparse array, received undefined (allowed: an array without holes (every index from 0 to length - 1 set))");
    const bad = {
      get amount() {
        throw new Error("boom");
      },
      currency: "USD",
    };
    expect(() => add(bad as never, money("1", "USD"))).toThrowError(/add: augend must be a readable Money/);
  });
});

describe("allocate at every accepted size (#11)", () => {
  it("splits a 30-digit total exactly, in ISO 4217 digits on request", () => {
    const total = money("123456789012345678901234567.89", "USD");
    const parts = allocate(total, [1, 1, 1]);
    expect(parts.map((p) => p.amount.toFixed())).toEqual(["41152263004115226300411522.63", "41152263004115226300411522.63", "41152263004115226300411522.63"]);
    expect(sum(parts).amount.toFixed()).toBe("123456789012345678901234567.89");
    expect(allocate(money("1.001", "IQD"), [1, 1], { digits: "iso4217" }).map((p) => p.amount.toString())).toEqual(["0.501", "0.5"]);
  });
});
