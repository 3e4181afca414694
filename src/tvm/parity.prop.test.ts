import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { cumipmt } from "./cumipmt.js";
import { cumprinc } from "./cumprinc.js";
import { effect } from "./effect.js";
import { ipmt } from "./ipmt.js";
import { irr } from "./irr.js";
import { mirr } from "./mirr.js";
import { nominal } from "./nominal.js";
import { pmt } from "./pmt.js";
import { ppmt } from "./ppmt.js";

// rate in basis points per period (0 to 5 %), 1–120 periods, principal in cents, timing
const loan = fc.record({
  bp: fc.integer({ min: 0, max: 500 }),
  n: fc.integer({ min: 1, max: 120 }),
  cents: fc.integer({ min: 100, max: 100_000_000 }),
  fvCents: fc.integer({ min: -1_000_000, max: 1_000_000 }),
  begin: fc.boolean(),
});
const rateOf = (bp: number): Decimal => new Decimal(bp).div(10_000);
// sums and differences in 50 digits (the default Decimal keeps 20, less than the 28 returned)
const H = Decimal.clone({ precision: 50 });
const close = (a: Decimal, b: Decimal, rel = 1e-20): boolean => new H(a).minus(b).abs().lte(new H(b).abs().plus(1).times(rel));

describe("ipmt, ppmt, cumipmt, cumprinc properties (issue #15)", () => {
  test.prop([loan])("ipmt + ppmt = pmt for every period", ({ bp, n, cents, fvCents, begin }) => {
    const r = rateOf(bp);
    const pv = new Decimal(cents).div(100);
    const fv = new Decimal(fvCents).div(100);
    const when = begin ? "begin" : "end";
    const p = pmt(r, n, pv, fv, { when });
    for (let k = 1; k <= n; k++) expect(close(new H(ipmt(r, k, n, pv, fv, { when })).plus(ppmt(r, k, n, pv, fv, { when })), p)).toBe(true);
  });

  test.prop([loan, fc.integer({ min: 0, max: 119 }), fc.integer({ min: 0, max: 119 })])("cumipmt = Σ ipmt and cumprinc = Σ ppmt over any range", ({ bp, n, cents, begin }, x, y) => {
    const r = rateOf(bp);
    const pv = new Decimal(cents).div(100);
    const s = 1 + (Math.min(x, y) % n);
    const e = Math.max(s, 1 + (Math.max(x, y) % n));
    const when = begin ? "begin" : "end";
    let si: Decimal = new H(0);
    let sp: Decimal = new H(0);
    for (let k = s; k <= e; k++) {
      si = si.plus(ipmt(r, k, n, pv, 0, { when }));
      sp = sp.plus(ppmt(r, k, n, pv, 0, { when }));
    }
    expect(close(cumipmt(r, n, pv, s, e, { when }), si, 1e-18)).toBe(true);
    expect(close(cumprinc(r, n, pv, s, e, { when }), sp, 1e-18)).toBe(true);
  });
});

describe("effect and nominal properties (issue #15)", () => {
  test.prop([fc.integer({ min: -9_999, max: 100_000 }), fc.integer({ min: 1, max: 365 })])("nominal(effect(r, n), n) = r", (bp, m) => {
    const r = new Decimal(bp).div(10_000); // > -1, so > -m for every m ≥ 1
    expect(close(nominal(effect(r, m), m), r, 1e-24)).toBe(true);
  });
});

describe("mirr properties (issue #15)", () => {
  // conventional flows: outflows first, then inflows; IRR well inside (-100 %, ∞)
  const conventional = fc.record({
    outs: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 3 }),
    ins: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
  });
  test.prop([conventional])("mirr = irr when the finance and reinvestment rates both equal the irr", ({ outs, ins }) => {
    const v = [...outs.map((c) => -c / 100), ...ins.map((c) => c / 100)];
    const r = irr(v);
    fc.pre(r.greaterThan(-0.9) && r.lessThan(100));
    expect(mirr(v, r, r).minus(r).abs().toNumber()).toBeLessThan(1e-9 * Math.max(1, Math.abs(r.toNumber())));
  });
});
