/**
 * #11: the annuity functions never return a non-finite Decimal. (1 + rate)^nper beyond
 * 10^(±10^15) is rejected before any arithmetic (decimal.js overflows at 9e15 in the exponent,
 * which gave NaN); a growth below 1e-40 no longer divides pv by 0; options are an object with
 * the key `when` only.
 */
import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationError, ValidationTypeError } from "../errors.js";
import { cumipmt } from "./cumipmt.js";
import { cumprinc } from "./cumprinc.js";
import { fv } from "./fv.js";
import { ipmt } from "./ipmt.js";
import { pmt } from "./pmt.js";
import { ppmt } from "./ppmt.js";
import { pv } from "./pv.js";

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e instanceof ValidationError || e instanceof ValidationTypeError ? `${e.fn} ${e.code} ${e.argument}` : e;
  }
  return "no error";
};

describe("annuity bounds (#11)", () => {
  it.each([
    ["pmt", () => pmt("0.0075", 1e20, 125000)],
    ["pmt", () => pmt("0.0075", 1e308, 125000)],
    ["fv", () => fv("0.0075", 1e308, 100, 0)],
    ["pv", () => pv("-0.5", 1e16, 100, 1)],
    ["ipmt", () => ipmt("0.0075", 1, 1e308, 125000)],
    ["ppmt", () => ppmt("0.0075", 1, 1e308, 125000)],
    ["cumipmt", () => cumipmt("0.0075", 1e308, 125000, 13, 24)],
    ["cumprinc", () => cumprinc("0.0075", 1e308, 125000, 13, 24)],
  ])("%s rejects (1 + rate)^nper beyond 10^(±10^15) with OUT_OF_RANGE on nper", (name, f) => {
    expect(codeOf(f)).toBe(`${name} ${ErrorCode.OUT_OF_RANGE} nper`);
  });

  it("computes inside the bound, finite", () => {
    // 3e17 × ln(1.0075) = 2.24e15 ≤ 2.30e15: fv = -100 · 1.0075^3e17 = -10^(2 + 3e17 · log10(1.0075)),
    // 3e17 · log10(1.0075) = 973516443944117.53 (bc -l, scale 40), so the exponent is 973516443944119

    const f = fv("0.0075", 3e17, 0, 100);
    expect(f.isFinite()).toBe(true);
    expect(f.isNegative()).toBe(true);
    expect(f.e).toBe(973516443944119);
    // pv = -fv / 0.5^3e15 with 0.5^3e15 = 10^-903089986991944: gm1 + 1 is 0 in 40 digits; was -Infinity
    const p = pv("-0.5", 3e15, 0, 1);
    expect(p.isFinite()).toBe(true);
    expect(p.e).toBe(903089986991943);
  });

  it("rejects an Invalid Date, a Decimal or an unknown key as options", () => {
    expect(codeOf(() => pmt("0.01", 60, 1000, 0, new Date(Number.NaN) as never))).toBe(`pmt ${ErrorCode.INVALID_TYPE} options`);
    expect(codeOf(() => ipmt("0.01", 1, 60, 1000, 0, { when: "end", whn: "begin" } as never))).toBe(`ipmt ${ErrorCode.UNKNOWN_OPTION} options.whn`);
    expect(pmt("0.01", 60, 1000, 0, { when: "begin" }).toFixed(6)).toBe(pmt("0.01", 60, 1000, 0, { when: "begin" }).toFixed(6));
  });
});

describe("tvm options and Proxy-wrapped dates (#11, hostile harness)", () => {
  const flows = [
    { date: "2023-01-01", amount: -100 },
    { date: "2024-01-01", amount: 110 },
  ];
  it("a Date (valid or not) or null as options is a typed error, not ignored or a TypeError", async () => {
    const { irr } = await import("./irr.js");
    const { xirr } = await import("./xirr.js");
    const { npv } = await import("./npv.js");
    const { rate } = await import("./rate.js");
    expect(codeOf(() => irr([-100, 110], new Date(Number.NaN) as never))).toBe(`irr ${ErrorCode.INVALID_TYPE} options`);
    expect(codeOf(() => xirr(flows, new Date(0) as never))).toBe(`xirr ${ErrorCode.INVALID_TYPE} options`);
    expect(codeOf(() => npv("0.1", [-100, 60, 60], new Date(Number.NaN) as never))).toBe(`npv ${ErrorCode.INVALID_TYPE} options`);
    expect(codeOf(() => rate(10, 0, -3500, 10000, null as never))).toBe(`rate ${ErrorCode.INVALID_TYPE} options`);
    expect(codeOf(() => rate(10, 0, -3500, 10000, { gess: "0.1" } as never))).toBe(`rate ${ErrorCode.UNKNOWN_OPTION} options.gess`);
    expect(rate(10, 0, -3500, 10000, { when: "end", guess: "0.1" }).toFixed(6)).toBe("0.110691"); // (10000/3500)^(1/10) - 1
  });
  it("a Proxy-wrapped Date in flows or aprRegZ input is a typed error naming the field", async () => {
    const { xirr } = await import("./xirr.js");
    const { xnpv } = await import("./xnpv.js");
    const proxied = [{ date: new Proxy(new Date(Date.UTC(2023, 0, 1)), {}), amount: -100 }, flows[1]!];
    expect(codeOf(() => xirr(proxied))).toBe(`xirr ${ErrorCode.INVALID_TYPE} flows[0].date`);
    expect(codeOf(() => xnpv("0.1", proxied))).toBe(`xnpv ${ErrorCode.INVALID_TYPE} flows[0].date`);
  });
});
