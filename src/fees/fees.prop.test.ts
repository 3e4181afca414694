import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { fromMinorUnits } from "../money/fromMinorUnits.js";
import { toMinorUnits } from "../money/toMinorUnits.js";
import { simulateRepayment } from "../financing/simulateRepayment.js";
import { salesBasedAdvance } from "../financing/salesBasedAdvance.js";
import { createFeeSchedule } from "./createFeeSchedule.js";
import { mergePayouts } from "./mergePayouts.js";
import { mergeTakeRates } from "./mergeTakeRates.js";
import { payoutSchedule } from "./payoutSchedule.js";
import { refundFees } from "./refundFees.js";
import { saleFees } from "./saleFees.js";
import { takeRateBySegment } from "./takeRateBySegment.js";
import { Decimal } from "../_lib/decimal.js";
import { minorUnitString, scaleToMinor } from "../_lib/money.js";

const cents = (n: number) => fromMinorUnits(n, "USD");
const minor = (m: { amount: unknown; currency: string }) => Number(toMinorUnits(m as never));

const scheduleArb = fc
  .record({
    bp: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 3 }),
    minimum: fc.integer({ min: 0, max: 500 }),
    closing: fc.integer({ min: 0, max: 300 }),
    perOrder: fc.integer({ min: 0, max: 300 }),
    perItem: fc.integer({ min: 0, max: 300 }),
    fulfilment: fc.integer({ min: 0, max: 600 }),
  })
  .map((s) =>
    createFeeSchedule({
      currency: "USD",
      categories: s.bp.map((bp, i) => ({ category: `c${i}`, rate: (bp / 10_000).toString(), minimumPerItem: cents(s.minimum), closingFeePerItem: cents(i === 0 ? s.closing : 0) })),
      defaultCategory: "c0",
      perOrderFee: cents(s.perOrder),
      perItemFee: cents(s.perItem),
      fulfilmentPerItem: cents(s.fulfilment),
    }),
  );
const saleArb = fc.record({
  cat: fc.integer({ min: 0, max: 2 }),
  cents: fc.integer({ min: 0, max: 5_000_000 }),
  units: fc.integer({ min: 1, max: 20 }),
  day: fc.integer({ min: 0, max: 90 }),
  lag: fc.integer({ min: 0, max: 10 }),
  seller: fc.integer({ min: 0, max: 5 }),
});
const toSales = (rows: readonly { cat: number; cents: number; units: number; day: number; lag: number; seller: number }[]) =>
  rows.map((r) => ({
    sellerId: `s${r.seller}`,
    category: `c${r.cat}`,
    amount: cents(r.cents),
    units: r.units,
    date: new Date(Date.UTC(2024, 0, 1 + r.day)),
    deliveredOn: new Date(Date.UTC(2024, 0, 1 + r.day + r.lag)),
  }));
const optionsArb = fc.record({
  delayDays: fc.integer({ min: 0, max: 30 }),
  cycle: fc.option(fc.integer({ min: 1, max: 21 }), { nil: undefined }),
  reservePct: fc.integer({ min: 0, max: 100 }),
  reserveDays: fc.integer({ min: 0, max: 120 }),
  asOfDay: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
});
const toOptions = (o: { delayDays: number; cycle: number | undefined; reservePct: number; reserveDays: number; asOfDay: number | undefined }) => ({
  delayDays: o.delayDays,
  ...(o.cycle === undefined ? {} : { cycleDays: o.cycle, cycleStart: "2024-01-03" }),
  reserveRate: (o.reservePct / 100).toString(),
  reserveDays: o.reserveDays,
  ...(o.asOfDay === undefined ? {} : { asOf: new Date(Date.UTC(2024, 0, 1 + o.asOfDay)) }),
});

describe("fees properties", () => {
  test.prop([scheduleArb, saleArb])("fees are never negative and never exceed the sale; net = amount − fees", (schedule, r) => {
    const [sale] = toSales([r]);
    const f = saleFees(schedule, sale as NonNullable<typeof sale>);
    const parts = [f.referral, f.closing, f.perItem, f.perOrder, f.fulfilment].map(minor);
    for (const p of parts) expect(p).toBeGreaterThanOrEqual(0);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(minor(f.total));
    expect(minor(f.total)).toBeLessThanOrEqual(r.cents);
    expect(minor(f.net)).toBe(r.cents - minor(f.total));
  });

  test.prop([scheduleArb, fc.array(saleArb, { maxLength: 60 }), optionsArb])("payouts sum to net proceeds minus reserve held minus pending, in ascending date order", (schedule, rows, o) => {
    const r = payoutSchedule(schedule, toSales(rows), toOptions(o));
    const paid = r.payouts.reduce((t, p) => t + minor(p.amount), 0);
    expect(paid).toBe(minor(r.summary.paid));
    expect(paid).toBe(minor(r.summary.netProceeds) - minor(r.summary.reserveHeld) - minor(r.summary.pending));
    if (o.asOfDay === undefined) expect(paid).toBe(minor(r.summary.netProceeds));
    for (let i = 1; i < r.payouts.length; i++) expect((r.payouts[i]?.date.getTime() ?? 0) > (r.payouts[i - 1]?.date.getTime() ?? 0)).toBe(true);
    for (const p of r.payouts) expect(minor(p.amount)).toBeGreaterThan(0);
  });

  test.prop([scheduleArb, fc.array(saleArb, { maxLength: 60 }), optionsArb, fc.integer({ min: 1, max: 4 })])(
    "payout and take-rate results merge across shards in any order to the whole log's",
    (schedule, rows, o, k) => {
      const sales = toSales(rows);
      const opts = toOptions(o);
      const shards = Array.from({ length: k }, (_, j) => sales.filter((_, i) => i % k === j));
      const whole = payoutSchedule(schedule, sales, opts);
      const parts = shards.map((s) => payoutSchedule(schedule, s, opts));
      expect(JSON.stringify(mergePayouts(...parts))).toBe(JSON.stringify(whole));
      expect(JSON.stringify(mergePayouts(...[...parts].reverse()))).toBe(JSON.stringify(whole));
      const seg = (s: { sellerId?: string }) => s.sellerId ?? "none";
      const rates = shards.map((s) => takeRateBySegment(schedule, s, seg));
      expect(JSON.stringify(mergeTakeRates(...[...rates].reverse()))).toBe(JSON.stringify(takeRateBySegment(schedule, sales, seg)));
    },
  );

  test.prop([scheduleArb, fc.array(saleArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 99 })])(
    "the payout series runs through simulateRepayment; holdbacks never exceed the payouts",
    (schedule, rows, pct) => {
      const payouts = payoutSchedule(schedule, toSales(rows), { delayDays: 2 }).payouts;
      fc.pre(payouts.length > 0); // an empty series (only zero-net sales) is not a sales input
      const advance = salesBasedAdvance({ principal: cents(100_000), fee: cents(10_000), holdbackRate: (pct / 100).toString() });
      const r = simulateRepayment(advance, payouts);
      const total = payouts.reduce((t, p) => t + minor(p.amount), 0);
      expect(minor(r.summary.totalPaid)).toBeLessThanOrEqual(total);
      expect(minor(r.summary.totalPaid)).toBeLessThanOrEqual(110_000);
    },
  );
});

const policyArb = fc.record({
  rateBp: fc.integer({ min: 0, max: 10_000 }),
  max: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null }),
  closing: fc.constantFrom("always" as const, "full-refund-only" as const, "never" as const),
  fixedFees: fc.boolean(),
  fulfilment: fc.boolean(),
  rounding: fc.constantFrom("half-even" as const, "up" as const, "down" as const, "ceil" as const),
});

describe("refundFees properties (#17)", () => {
  test.prop([scheduleArb, policyArb, saleArb, fc.integer({ min: 0, max: 1_000_000 })])("refunded fees never exceed the fees charged (each of them), and fees never exceed the sale", (base, p, sale, per) => {
    const s = createFeeSchedule({
      ...base,
      rounding: p.rounding,
      refunds: { administrationRate: (p.rateBp / 10_000).toString(), administrationMax: p.max === null ? null : cents(p.max), closing: p.closing, fixedFees: p.fixedFees, fulfilment: p.fulfilment },
    } as never);
    const fs = { category: `c${sale.cat}`, amount: cents(sale.cents), units: sale.units };
    const r = refundFees(s, fs, { amount: cents(Math.floor((sale.cents * per) / 1_000_000)) });
    const c = r.charged;
    expect(minor(c.total)).toBeLessThanOrEqual(sale.cents);
    expect(minor(r.total)).toBeLessThanOrEqual(minor(c.total));
    expect(minor(r.total)).toBeGreaterThanOrEqual(0);
    expect(minor(r.referral) + minor(r.administrationFee)).toBeLessThanOrEqual(minor(c.referral));
    for (const k of ["closing", "perItem", "perOrder", "fulfilment"] as const) expect(minor(r[k])).toBeLessThanOrEqual(minor(c[k]));
    if (p.max !== null) expect(minor(r.administrationFee)).toBeLessThanOrEqual(p.max);
    expect(minor(r.sellerCost)).toBe(minor(r.refundedAmount) - minor(r.total));
  });
});

describe("minorUnitString (the minor units of an amount read from its digits, #17)", () => {
  // Amounts the library accepts: up to 30 integer digits, up to 40 decimal places, either sign.
  const amountArb = fc
    .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,30}$/), fc.stringMatching(/^[0-9]{0,40}$/))
    .map(([neg, int, frac]) => new Decimal(`${neg ? "-" : ""}${int}${frac === "" ? "" : `.${frac}`}`));
  test.prop([amountArb, fc.integer({ min: 0, max: 4 })])("equals the exact scaled product read with isInteger / toFixed(0)", (amount, digits) => {
    const scaled = scaleToMinor(amount, digits);
    expect(minorUnitString(amount, digits)).toBe(scaled.isInteger() ? scaled.toFixed(0) : undefined);
  });
  test.prop([fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: -3, max: 3 })])(
    "on integers scaled by powers of ten (trailing zeros inside a word, exponents)",
    (n, digits, p) => {
      const amount = new Decimal(n).times(new Decimal(10).pow(p));
      const scaled = scaleToMinor(amount, digits);
      expect(minorUnitString(amount, digits)).toBe(scaled.isInteger() ? scaled.toFixed(0) : undefined);
    },
  );
});
