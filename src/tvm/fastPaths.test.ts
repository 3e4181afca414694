import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { fc, test } from "@fast-check/vitest";
import { yearFraction } from "../time/yearFraction.js";
import { cumipmt } from "./cumipmt.js";
import { ipmt } from "./ipmt.js";
import { mirr } from "./mirr.js";
import { xirr } from "./xirr.js";
import { xnpv } from "./xnpv.js";
import { hp, rootHp } from "./_lib/decimal.js";

// #15 performance: mirr's root by Newton instead of Decimal.pow(1/m), cumipmt without a second
// payment or a logarithm, xirr/xnpv day counts without the public yearFraction per day. Each fast
// path is checked against the computation it replaced.

const H = hp();
const DAY = 86_400_000;

describe("rootHp (mirr's n-th root)", () => {
  it("equals the 40-digit pow(1/m) it replaced, digit for digit, on mirr's documented inputs", () => {
    for (const [q, m] of [
      ["1.80558", 5],
      ["2.5", 11],
      ["0.5", 3],
      ["123456.789", 240],
      ["1.0000001", 1000],
      ["7", 1],
    ] as const) {
      const x = new H(q);
      const slow = m === 1 ? x : x.pow(new H(1).div(m));
      // 40-digit results may differ in the last place only (pow's exponent 1/m is itself rounded)
      expect(rootHp(x, m).toSignificantDigits(38).toString()).toBe(slow.toSignificantDigits(38).toString());
      expect(rootHp(x, m).pow(m).minus(x).abs().lte(x.times(m).times("1e-38"))).toBe(true);
    }
  });
  it("falls back to pow beyond float64's range", () => {
    const q = new H("1e400");
    expect(rootHp(q, 2).toString()).toBe("1e+200");
  });
  it("mirr keeps Excel's documented results (MIRR help page: 12.61 %, -4.80 %, 13.48 %)", () => {
    const v = [-120000, 39000, 30000, 21000, 37000, 46000];
    expect(mirr(v, "0.1", "0.12").toFixed(4)).toBe("0.1261");
    expect(mirr(v.slice(0, 4), "0.1", "0.12").toFixed(4)).toBe("-0.0480");
    expect(mirr(v, "0.1", "0.14").toFixed(4)).toBe("0.1348");
  });
});

describe("cumipmt closed form with the payment computed once", () => {
  it("equals the sum of ipmt over the range (30-year loan, periods 13-24 and 1-360)", () => {
    const r = new Decimal("0.045").div(12);
    for (const [s, e] of [
      [13, 24],
      [1, 360],
      [360, 360],
    ] as const) {
      let sum = new Decimal(0);
      for (let k = s; k <= e; k++) sum = sum.plus(ipmt(r, k, 360, 125000));
      expect(cumipmt(r, 360, 125000, s, e).minus(sum).abs().lte("1e-10")).toBe(true);
    }
    // Excel CUMIPMT help: 9 % a year, 30 years, $125,000, second year → -11135.23213
    expect(cumipmt(new Decimal("0.09").div(12), 360, 125000, 13, 24).toFixed(5)).toBe("-11135.23213");
  });
});

describe("day counts of xirr / xnpv from day numbers", () => {
  const days = fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: 1, maxLength: 30 });
  test.prop([fc.integer({ min: -20000, max: 20000 }), days, fc.constantFrom("30/360", "30E/360", "30E+/360", "ACT/ACT-ISDA")])(
    "xnpv with a day count equals the sum of amounts discounted by yearFraction (the public function)",
    (start, offsets, dayCount) => {
      const first = start * DAY;
      const flows = [{ date: new Date(first), amount: -1000 }, ...offsets.map((o, i) => ({ date: new Date(first + o * DAY), amount: 10 + i }))];
      const rate = new Decimal("0.07");
      let want = new Decimal(0);
      const P = Decimal.clone({ precision: 60 });
      for (const f of flows) want = want.plus(new P(f.amount).div(new P(1).plus(rate).pow(new P(yearFraction(flows[0]!.date, f.date, dayCount).toString()))));
      const got = xnpv(rate, flows, { dayCount });
      expect(new P(got.toString()).minus(want).abs().lte(new P(want).abs().plus(1).times("1e-18"))).toBe(true); // yearFraction itself keeps 20 digits
    },
  );
  it("xirr: 30/360 and ACT/ACT-ISDA roots are unchanged on daily and multi-year flows", () => {
    const start = Date.UTC(2024, 0, 1);
    const daily = Array.from({ length: 365 }, (_, i) => ({ date: new Date(start + i * DAY), amount: i === 0 ? -100_000 : 300 + ((i * 37) % 11) }));
    // values of the implementation before #15's fast path (public yearFraction per day)
    expect(xirr(daily, { dayCount: "30/360" }).toString()).toBe("0.23688655678869558");
    expect(xirr(daily, { dayCount: "ACT/ACT-ISDA" }).toString()).toBe("0.23788383752012976");
    const years = [0, 400, 800, 1200, 1600].map((d, i) => ({ date: new Date(Date.UTC(2019, 11, 31) + d * DAY), amount: i === 0 ? -1000 : 300 }));
    const isda = xirr(years, { dayCount: "ACT/ACT-ISDA" });
    const t = years.map((f) => yearFraction(years[0]!.date, f.date, "ACT/ACT-ISDA").toNumber());
    const npvAt = (r: number): number => years.reduce((s, f, i) => s + f.amount / Math.pow(1 + r, t[i]!), 0);
    expect(Math.abs(npvAt(isda.toNumber()))).toBeLessThan(1e-8);
  });
});
