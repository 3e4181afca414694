import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, MarketplaceEconomicsError, ValidationError, ValidationTypeError } from "../errors.js";
import { add } from "./add.js";
import { compare } from "./compare.js";
import { formatMoney } from "./formatMoney.js";
import { fromMinorUnits } from "./fromMinorUnits.js";
import { isNegative } from "./isNegative.js";
import { isPositive } from "./isPositive.js";
import { isZero } from "./isZero.js";
import { minorUnitDigits } from "./minorUnitDigits.js";
import { money } from "./money.js";
import { moneyFromJSON } from "./moneyFromJSON.js";
import { moneyToJSON } from "./moneyToJSON.js";
import { multiply } from "./multiply.js";
import { roundToMinor } from "./roundToMinor.js";
import { subtract } from "./subtract.js";
import { sum } from "./sum.js";
import { toMinorUnits } from "./toMinorUnits.js";

const usd = (a: string) => money(a, "USD");

describe("money", () => {
  it("keeps the amount exactly as given", () => {
    expect(usd("12.505").amount.toString()).toBe("12.505");
    expect(money(0.1, "USD").amount.toString()).toBe("0.1");
    expect(money(new Decimal("1e-9"), "EUR").amount.toFixed()).toBe("0.000000001");
  });
  it("returns a frozen value that serialises with the amount as a string", () => {
    const m = usd("12.50");
    expect(Object.isFrozen(m)).toBe(true);
    expect(JSON.parse(JSON.stringify(m))).toEqual({ amount: "12.5", currency: "USD" });
  });
  it("throws ValidationError (a RangeError) for NaN, Infinity and non-numeric strings", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, "abc", "", "1,000", " 1", "0x10"]) {
      expect(() => money(bad, "USD")).toThrow(ValidationError);
      expect(() => money(bad, "USD")).toThrow(RangeError);
    }
    expect(() => money(Number.NaN, "USD")).toThrowErrorMatchingInlineSnapshot(`[ValidationError: money: amount must be a finite number, received NaN (allowed: Decimal, numeric string or finite number)]`);
  });
  it("throws ValidationTypeError (a TypeError) for null, undefined and objects", () => {
    for (const bad of [null, undefined, {}, [], true]) {
      expect(() => money(bad as never, "USD")).toThrow(ValidationTypeError);
      expect(() => money(bad as never, "USD")).toThrow(TypeError);
      expect(() => money(bad as never, "USD")).toThrow(MarketplaceEconomicsError);
    }
  });
  it("rejects unknown or lower-case currency codes with a hint", () => {
    expect(() => money("1", "XYZ")).toThrow(/UNKNOWN|known ISO 4217/);
    expect(() => money("1", "usd")).toThrowErrorMatchingInlineSnapshot(
      `[ValidationError: money: currency must be a known ISO 4217 code (did you mean "USD"?), received "usd" (allowed: an upper-case ISO 4217 code known to Intl, such as "USD", "EUR", "JPY")]`,
    );
    try {
      money("1", "ZZZ");
    } catch (e) {
      expect((e as ValidationError).code).toBe("UNKNOWN_CURRENCY");
    }
  });
});

describe("arithmetic", () => {
  it("adds and subtracts exactly (0.1 + 0.2 = 0.3)", () => {
    expect(add(usd("0.1"), usd("0.2")).amount.toString()).toBe("0.3");
    expect(subtract(usd("0.3"), usd("0.1")).amount.toString()).toBe("0.2");
  });
  it("throws CurrencyMismatchError when currencies differ", () => {
    expect(() => add(usd("1"), money("1", "EUR"))).toThrow(CurrencyMismatchError);
    expect(() => subtract(usd("1"), money("1", "EUR"))).toThrow(CurrencyMismatchError);
    expect(() => compare(usd("1"), money("1", "EUR"))).toThrow(CurrencyMismatchError);
    expect(() => sum([usd("1"), money("1", "EUR")])).toThrow(CurrencyMismatchError);
    expect(() => sum([usd("1")], "EUR")).toThrow(CurrencyMismatchError);
  });
  it("rejects a hand-built Money with a NaN amount", () => {
    const bad = { amount: new Decimal(Number.NaN), currency: "USD" };
    expect(() => add(bad, usd("1"))).toThrow(/augend.amount must be a finite number/);
  });
  it("multiplies exactly, or rounds with the named mode", () => {
    expect(multiply(usd("123.45"), "0.1").amount.toString()).toBe("12.345");
    expect(multiply(usd("123.45"), "0.1", "half-even").amount.toString()).toBe("12.34");
    expect(multiply(usd("123.45"), "0.1", "half-up").amount.toString()).toBe("12.35");
    expect(multiply(usd("123.45"), "0.1", "down").amount.toString()).toBe("12.34");
    expect(multiply(usd("123.45"), "0.1", "up").amount.toString()).toBe("12.35");
    expect(() => multiply(usd("1"), "0.1", "nearest" as never)).toThrow(/rounding mode/);
  });
  it("sums, and needs a currency for an empty list", () => {
    expect(sum([usd("1.10"), usd("2.20"), usd("-0.30")]).amount.toString()).toBe("3");
    expect(sum([], "JPY").currency).toBe("JPY");
    expect(() => sum([])).toThrow(/must not be empty unless a currency is given/);
  });
  it("compares and tests sign", () => {
    expect(compare(usd("1.5"), usd("1.50"))).toBe(0);
    expect(compare(usd("1"), usd("2"))).toBe(-1);
    expect(compare(usd("3"), usd("2"))).toBe(1);
    expect(isZero(usd("-0"))).toBe(true);
    expect(isNegative(usd("-0"))).toBe(false);
    expect(isNegative(usd("-0.001"))).toBe(true);
    expect(isPositive(usd("0.001"))).toBe(true);
  });
});

describe("rounding and minor units", () => {
  it("rounds half-even by default and supports every named mode", () => {
    const cases: [string, Parameters<typeof roundToMinor>[1], string][] = [
      ["2.345", "half-even", "2.34"],
      ["2.355", "half-even", "2.36"],
      ["2.345", "half-up", "2.35"],
      ["-2.345", "half-up", "-2.35"],
      ["2.345", "half-down", "2.34"],
      ["2.349", "down", "2.34"],
      ["-2.349", "down", "-2.34"],
      ["2.341", "up", "2.35"],
      ["-2.341", "floor", "-2.35"],
      ["-2.349", "ceil", "-2.34"],
    ];
    for (const [a, mode, out] of cases) expect(roundToMinor(usd(a), mode).amount.toString(), `${a} ${mode}`).toBe(out);
    expect(roundToMinor(usd("2.345")).amount.toString()).toBe("2.34");
  });
  it("takes minor-unit digits from Intl (JPY 0, USD 2, BHD 3, KWD 3)", () => {
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("USD")).toBe(2);
    expect(minorUnitDigits("BHD")).toBe(3);
    expect(minorUnitDigits("KWD")).toBe(3);
    expect(roundToMinor(money("1234.5", "JPY")).amount.toString()).toBe("1234");
    expect(roundToMinor(money("1235.5", "JPY")).amount.toString()).toBe("1236");
  });
  it("converts to and from minor units as bigint", () => {
    expect(toMinorUnits(usd("12.50"))).toBe(1250n);
    expect(toMinorUnits(usd("-0.01"))).toBe(-1n);
    expect(toMinorUnits(money("99999999999999999.99", "USD"))).toBe(9999999999999999999n);
    expect(fromMinorUnits(1250, "USD").amount.toString()).toBe("12.5");
    expect(fromMinorUnits("9999999999999999999", "USD").amount.toFixed()).toBe("99999999999999999.99");
    expect(fromMinorUnits(1235n, "BHD").amount.toString()).toBe("1.235");
  });
  it("refuses sub-minor amounts and non-integer or unsafe minor units", () => {
    expect(() => toMinorUnits(usd("0.001"))).toThrow(/whole number of minor units/);
    expect(() => fromMinorUnits(1.5, "USD")).toThrow(/must be an integer/);
    expect(() => fromMinorUnits(2 ** 60, "USD")).toThrow(/safe integer/);
    expect(() => fromMinorUnits("12.5", "USD")).toThrow(/integer string/);
  });
});

describe("formatting and JSON", () => {
  it("formats through Intl without float rounding", () => {
    expect(formatMoney(usd("1234.5"))).toBe("$1,234.50");
    expect(formatMoney(usd("12345678901234567.125"))).toBe("$12,345,678,901,234,567.12");
    expect(formatMoney(usd("12345678901234567.125"), "en-US", { rounding: "half-up" })).toBe("$12,345,678,901,234,567.13");
    expect(formatMoney(usd("-3"), "en-US", { currencyDisplay: "code" }).replace(/\s/gu, " ")).toBe("-USD 3.00");
    expect(formatMoney(money("5", "BHD"), "en-US", { fractionDigits: 0 }).replace(/\s/gu, " ")).toBe("BHD 5");
    expect(() => formatMoney(usd("1"), "not a locale!")).toThrow(/BCP 47/);
  });
  it("rounds for display with the same half-even default as roundToMinor", () => {
    expect(formatMoney(usd("12.345"))).toBe("$12.34");
    expect(formatMoney(usd("0.125"))).toBe("$0.12");
    expect(formatMoney(usd("0.135"))).toBe("$0.14");
    expect(formatMoney(usd("-12.345"), "en-US", { rounding: "floor" })).toBe("-$12.35");
    expect(formatMoney(money("1234.5", "JPY"), "en-US")).toBe("¥1,234");
    expect(() => formatMoney(usd("1"), "en-US", { rounding: "nearest" as never })).toThrow(/rounding mode/);
  });
  it("round-trips through moneyToJSON / moneyFromJSON in plain notation", () => {
    const m = usd("0.00000001");
    const json = moneyToJSON(m);
    expect(json).toEqual({ amount: "0.00000001", currency: "USD" });
    expect(moneyFromJSON(json).amount.equals(m.amount)).toBe(true);
    expect(() => moneyFromJSON({ amount: "x", currency: "USD" })).toThrow(ValidationError);
  });
});
