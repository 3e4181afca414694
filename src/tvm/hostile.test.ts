import { describe, expect, it } from "vitest";
import { ConvergenceError, CurrencyMismatchError, ValidationError, ValidationTypeError } from "../errors.js";
import { amortizationSchedule } from "./amortizationSchedule.js";
import { aprRegZ } from "./aprRegZ.js";
import { fv } from "./fv.js";
import { irr } from "./irr.js";
import { nper } from "./nper.js";
import { npv } from "./npv.js";
import { pmt } from "./pmt.js";
import { pv } from "./pv.js";
import { rate } from "./rate.js";
import { xirr } from "./xirr.js";
import { xirrRoots } from "./xirrRoots.js";
import { xnpv } from "./xnpv.js";
import { cumipmt } from "./cumipmt.js";
import { cumprinc } from "./cumprinc.js";
import { effect } from "./effect.js";
import { ipmt } from "./ipmt.js";
import { mirr } from "./mirr.js";
import { nominal } from "./nominal.js";
import { ppmt } from "./ppmt.js";

const ok = [
  { date: "2024-01-01", amount: -100 },
  { date: "2024-06-01", amount: 110 },
];
const withAmount = (a: unknown) => [{ date: "2024-01-01", amount: a as never }, ok[1]!];
const withDate = (d: unknown) => [ok[0]!, { date: d as never, amount: 110 }];

const BAD_NUMBERS: readonly [string, unknown, unknown, string][] = [
  ["NaN", Number.NaN, ValidationError, "INVALID_NUMBER"],
  ["Infinity", Number.POSITIVE_INFINITY, ValidationError, "INVALID_NUMBER"],
  ["-Infinity", Number.NEGATIVE_INFINITY, ValidationError, "INVALID_NUMBER"],
  ['"abc"', "abc", ValidationError, "INVALID_NUMBER"],
  ["null", null, ValidationTypeError, "MISSING_VALUE"],
  ["undefined", undefined, ValidationTypeError, "MISSING_VALUE"],
  // an object is read as a Money: its missing currency is reported
  ["an object", { foo: 1 }, ValidationTypeError, "MISSING_VALUE"],
  ["a boolean", true, ValidationTypeError, "INVALID_TYPE"],
];

describe("tvm hostile inputs", () => {
  describe.each(BAD_NUMBERS)("amount %s", (_n, value, cls, code) => {
    it.each([
      ["xirr", () => xirr(withAmount(value))],
      ["xnpv", () => xnpv("0.1", withAmount(value))],
      ["xirrRoots", () => xirrRoots(withAmount(value))],
      ["irr", () => irr([value as never, 1])],
      ["npv", () => npv("0.1", [value as never, 1])],
      ["mirr", () => mirr([value as never, 1], 0.1, 0.1)],
      ["ipmt", () => ipmt(0.01, 1, 12, value as never)],
      ["ppmt", () => ppmt(0.01, 1, 12, value as never)],
      ["cumipmt", () => cumipmt(0.01, 12, value as never, 1, 2)],
      ["cumprinc", () => cumprinc(0.01, 12, value as never, 1, 2)],
    ])("%s throws", (fn, call) => {
      try {
        call();
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(cls as never);
        expect((e as ValidationError).code).toBe(code);
        expect((e as Error).message.startsWith(`${fn}: `)).toBe(true);
      }
    });
  });

  describe.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ['"abc"', "abc"],
    ["null", null],
  ])("rate %s", (_n, value) => {
    it.each([
      ["npv", () => npv(value as never, [1])],
      ["xnpv", () => xnpv(value as never, ok)],
      ["pmt", () => pmt(value as never, 10, 100)],
      ["pv", () => pv(value as never, 10, 100)],
      ["fv", () => fv(value as never, 10, 100)],
      ["nper", () => nper(value as never, -10, 100)],
      ["rate (nper)", () => rate(value as never, -10, 100)],
      ["amortizationSchedule", () => amortizationSchedule({ principal: 100, rate: value as never, nper: 2 })],
      ["mirr (financeRate)", () => mirr([-1, 2], value as never, 0.1)],
      ["mirr (reinvestRate)", () => mirr([-1, 2], 0.1, value as never)],
      ["effect", () => effect(value as never, 12)],
      ["nominal", () => nominal(value as never, 12)],
      ["ipmt", () => ipmt(value as never, 1, 12, 1000)],
      ["ppmt", () => ppmt(value as never, 1, 12, 1000)],
      ["cumipmt", () => cumipmt(value as never, 12, 1000, 1, 2)],
      ["cumprinc", () => cumprinc(value as never, 12, 1000, 1, 2)],
    ])("%s throws a ValidationError", (_fn, call) => {
      expect(call).toThrow(ValidationError);
    });
  });

  describe.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ['"3"', "3"],
    ["null", null],
    ["1.5", 1.5],
    ["0", 0],
    ["-1", -1],
  ])("period or periodsPerYear %s", (_n, value) => {
    it.each([
      ["ipmt", () => ipmt(0.01, value as never, 12, 1000)],
      ["ppmt", () => ppmt(0.01, value as never, 12, 1000)],
      ["cumipmt (start)", () => cumipmt(0.01, 12, 1000, value as never, 12)],
      ["cumprinc (end)", () => cumprinc(0.01, 12, 1000, 1, value as never)],
      ["effect", () => effect(0.1, value as never)],
      ["nominal", () => nominal(0.1, value as never)],
    ])("%s throws a typed error naming the function", (fn, call) => {
      try {
        call();
        expect.unreachable();
      } catch (e) {
        expect(e instanceof ValidationError || e instanceof ValidationTypeError).toBe(true);
        expect((e as Error).message.startsWith(`${fn.split(" ")[0]!}: `)).toBe(true);
      }
    });
  });

  it.each([
    ["Invalid Date", new Date(Number.NaN), "INVALID_DATE"],
    ["a non-date string", "yesterday", "INVALID_DATE"],
    ["an impossible date", "2023-02-30", "INVALID_DATE"],
    ["null", null, "MISSING_VALUE"],
    ["a number", 20240101, "INVALID_TYPE"],
  ])("xirr, xnpv and aprRegZ reject %s as a date", (_n, d, code) => {
    expect(() => xirr(withDate(d))).toThrow(expect.objectContaining({ code, argument: "flows[1].date" }));
    expect(() => xnpv(0.1, withDate(d))).toThrow(expect.objectContaining({ code }));
    expect(() => aprRegZ({ amountFinanced: 100, advanceDate: d as never, payments: [{ date: "2024-01-01", amount: 110 }] })).toThrow(expect.objectContaining({ code }));
  });

  it("rejects empty flows and non-arrays", () => {
    expect(() => xirr([])).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => xnpv(0.1, [])).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => irr([])).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => npv(0.1, [])).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => xirr(null as never)).toThrow(ValidationTypeError);
    expect(() => xirr([null as never])).toThrow(expect.objectContaining({ code: "MISSING_VALUE" }));
    expect(() => aprRegZ({ amountFinanced: 1, advanceDate: "2024-01-01", payments: [] })).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });

  it("rejects mixed currencies and unknown currencies", () => {
    const flows = [
      { date: "2024-01-01", amount: { amount: "-100", currency: "USD" } as never },
      { date: "2024-06-01", amount: { amount: "110", currency: "EUR" } as never },
    ];
    expect(() => xirr(flows)).toThrow(CurrencyMismatchError);
    expect(() => xnpv(0.1, flows)).toThrow(CurrencyMismatchError);
    expect(() => xirr(withAmount({ amount: "1", currency: "XYZ" }))).toThrow(expect.objectContaining({ code: "UNKNOWN_CURRENCY" }));
  });

  it("rejects a guess of -100 % or below and bad options", () => {
    expect(() => xirr(ok, { guess: -1 })).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(() => xirr(ok, { maxIterations: 0 })).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(() => xirr(ok, "fast" as never)).toThrow(ValidationTypeError);
    expect(() => xirrRoots(ok, { lower: 1, upper: 0 })).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(() => pmt(0.1, 10, 100, 0, { when: "middle" as never })).toThrow(expect.objectContaining({ code: "UNKNOWN_OPTION" }));
    expect(() => xirr(ok, { dayCount: "ACT/365L" as never })).toThrow(expect.objectContaining({ code: "UNKNOWN_OPTION" }));
    expect(() => xnpv(0.1, ok, { dayCount: null as never })).toThrow(ValidationTypeError);
    expect(() => xnpv(0.1, ok, null as never)).toThrow(ValidationTypeError);
    expect(() => xirrRoots(ok, { dayCount: 365 as never })).toThrow(ValidationTypeError);
    expect(() => irr([-1, 2], { root: "first" as never })).toThrow(expect.objectContaining({ code: "UNKNOWN_OPTION" }));
    expect(() => xirr(ok, { root: "excel", maxIterations: 1.5 })).toThrow(expect.objectContaining({ code: "NOT_INTEGER" }));
  });

  it("never returns NaN: solver failures are ConvergenceErrors", () => {
    expect(() =>
      xirr([
        { date: "2024-01-01", amount: -1 },
        { date: "2024-01-02", amount: -1 },
      ]),
    ).toThrow(ConvergenceError);
    expect(() => irr([0, 0, 0])).toThrow(ConvergenceError);
  });
});
