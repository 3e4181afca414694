import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { xirr } from "./xirr.js";
import { xnpv } from "./xnpv.js";
import { irr } from "./irr.js";
import { npv } from "./npv.js";
import { amortizationSchedule } from "./amortizationSchedule.js";
import { pmt } from "./pmt.js";
import { fv } from "./fv.js";
import { pv } from "./pv.js";

const DAY = 86_400_000;
const BASE = Date.UTC(2020, 0, 1);

// One sign change: an outflow (in cents) first, then inflows on later days.
const oneSignChange = fc
  .record({
    out: fc.integer({ min: 100, max: 10_000_000 }),
    ins: fc.array(fc.record({ cents: fc.integer({ min: 1, max: 5_000_000 }), gap: fc.integer({ min: 1, max: 400 }) }), { minLength: 1, maxLength: 60 }),
  })
  .map(({ out, ins }) => {
    let d = 0;
    const flows = [{ date: new Date(BASE), amount: new Decimal(-out).div(100) }];
    for (const f of ins) {
      d += f.gap;
      flows.push({ date: new Date(BASE + d * DAY), amount: new Decimal(f.cents).div(100) });
    }
    return flows;
  });

describe("xirr properties", () => {
  test.prop([oneSignChange])("xnpv(xirr(f), f) ≈ 0 for one-sign-change flows", (flows) => {
    let r: Decimal;
    try {
      r = xirr(flows);
    } catch (e) {
      // Only legitimate failure: the root is beyond the searchable range (tiny payoffs over decades).
      expect((e as { code?: string }).code).toBe("NOT_CONVERGED");
      return;
    }
    const abs = flows.reduce((s, f) => s + Math.abs(f.amount.toNumber()), 0);
    // Two flows a day apart can have a root beyond the number range of the library's rate inputs
    // (549.2^365 - 1 ≈ 1e1000): xnpv then rejects it as a typed OUT_OF_RANGE, not a wrong number.
    if (r.greaterThanOrEqualTo("1e1000")) {
      expect(() => xnpv(r, flows)).toThrow(/xnpv: rate is outside the supported range/);
      return;
    }
    if (r.greaterThanOrEqualTo(0)) expect(xnpv(r, flows).abs().toNumber()).toBeLessThanOrEqual(1e-6 * abs);
    expect(r.greaterThan(-1)).toBe(true);
  });

  test.prop([fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 10_000_000 })])("npv(irr(x), x) ≈ 0", (ins, out) => {
    const cf = [-out, ...ins];
    let r: Decimal;
    try {
      r = irr(cf);
    } catch (e) {
      expect((e as { code?: string }).code).toBe("NOT_CONVERGED");
      return;
    }
    if (r.greaterThanOrEqualTo(0)) expect(npv(r, cf).abs().toNumber()).toBeLessThanOrEqual(1e-6 * cf.reduce((s, v) => s + Math.abs(v), 0));
  });
});

describe("annuity properties", () => {
  test.prop([fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 480 })])(
    "pmt then amortizationSchedule leaves a zero balance to the cent",
    (cents, bp, n) => {
      const principal = new Decimal(cents).div(100);
      const rate = new Decimal(bp).div(120_000); // up to 30 % a year, monthly
      const s = amortizationSchedule({ principal, rate, nper: n });
      expect(s.rows.at(-1)!.balance.isZero()).toBe(true);
      expect(s.totalPaid.minus(s.totalInterest).equals(principal)).toBe(true);
      // Each period's interest is rounded by at most half a cent, and an error made in period k
      // compounds until the end: |last − payment| ≤ 0.005 · Σₖ (1 + rate)^(n−k) + 0.01.
      const compounding = rate.isZero() ? new Decimal(n) : rate.plus(1).pow(n).minus(1).div(rate);
      expect(s.rows.at(-1)!.payment.lessThanOrEqualTo(s.payment.plus(compounding.times("0.005")).plus("0.01"))).toBe(true);
      // The default payment is pmt rounded up to the cent, except for near interest-only loans
      // (exact principal part of the first payment under half a cent), where it is raised until
      // the loan amortizes (see amortizationSchedule's Notes).
      const exact = pmt(rate, n, principal).neg();
      if (exact.minus(principal.times(rate)).greaterThanOrEqualTo("0.005")) expect(s.payment.minus(exact).abs().lessThan("0.01")).toBe(true);
      else expect(s.payment.greaterThanOrEqualTo(exact)).toBe(true);
    },
  );

  test.prop([fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.integer({ min: -9000, max: 100_000 }), fc.integer({ min: 0, max: 600 })])("pv(fv(x)) = x", (cents, bp, n) => {
    const x = new Decimal(cents).div(100);
    const rate = new Decimal(bp).div(100_000);
    const f = fv(rate, n, 0, x);
    expect(pv(rate, n, 0, f).minus(x).abs().lessThan("1e-15")).toBe(true);
  });
});
