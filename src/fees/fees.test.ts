import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError, ValidationTypeError } from "../errors.js";
import { salesBasedAdvance } from "../financing/salesBasedAdvance.js";
import { simulateRepayment } from "../financing/simulateRepayment.js";
import { termLoan } from "../financing/termLoan.js";
import { money } from "../money/money.js";
import { createFeeSchedule } from "./createFeeSchedule.js";
import { ILLUSTRATIVE_FEE_SCHEDULE } from "./ILLUSTRATIVE_FEE_SCHEDULE.js";
import { mergePayouts } from "./mergePayouts.js";
import { mergeTakeRates } from "./mergeTakeRates.js";
import { payoutSchedule } from "./payoutSchedule.js";
import { payoutScheduleAsync } from "./payoutScheduleAsync.js";
import { saleFees } from "./saleFees.js";
import { takeRateBySegment } from "./takeRateBySegment.js";
import { takeRateBySegmentAsync } from "./takeRateBySegmentAsync.js";
import { unitEconomics } from "./unitEconomics.js";

const usd = (a: string) => money(a, "USD");
// A hand-built schedule exercising every fee kind (figures illustrative).
const schedule = createFeeSchedule({
  name: "test",
  currency: "USD",
  categories: [
    { category: "media", rate: "0.15", closingFeePerItem: "1.80" },
    { category: "electronics", rate: "0.08", minimumPerItem: "0.30" },
  ],
  perOrderFee: "0.25",
  perItemFee: "0.99",
  fulfilmentPerItem: "3.22",
});

describe("createFeeSchedule", () => {
  it("validates and freezes the schedule; its JSON form is accepted as a schedule", () => {
    expect(schedule.kind).toBe("fee-schedule");
    expect(Object.isFrozen(schedule.categories[0]?.rate)).toBe(true);
    const again = JSON.parse(JSON.stringify(schedule)) as typeof schedule;
    expect(saleFees(again, { category: "media", amount: usd("10.00") })).toEqual(saleFees(schedule, { category: "media", amount: usd("10.00") }));
  });
  it("throws typed errors on bad schedules", () => {
    expect(() => createFeeSchedule({ currency: "USD", categories: [] })).toThrow(/createFeeSchedule: input\.categories must not be empty/);
    expect(() => createFeeSchedule({ currency: "USD", categories: [{ category: "a", rate: "1.5" }] })).toThrow(ValidationError);
    expect(() => createFeeSchedule({ currency: "USD", categories: [{ category: "a", rate: "0.1", minimumPerItem: "0.305" }] })).toThrow(/SUB_MINOR_UNIT|minor units/);
    expect(() =>
      createFeeSchedule({
        currency: "USD",
        categories: [
          { category: "a", rate: "0.1" },
          { category: "a", rate: "0.2" },
        ],
      }),
    ).toThrow(/duplicate/);
    expect(() => createFeeSchedule({ currency: "USD", categories: [{ category: "a", rate: "0.1", minimumPerItem: money("1", "EUR") }] })).toThrow(CurrencyMismatchError);
    expect(() => createFeeSchedule({ currency: "USD", categories: [{ category: "a", rate: "0.1" }], defaultCategory: "b" })).toThrow(/defaultCategory/);
    expect(() => createFeeSchedule({ currency: "USD", categories: [{ category: "a", rate: "0.1" }], tip: 1 } as never)).toThrow(/unknown key/);
  });
});

describe("saleFees", () => {
  it("charges every fee kind (hand-computed)", () => {
    // media, 2 items for $24.00: referral 15 % = 3.60; closing 2 × 1.80 = 3.60; per item 2 × 0.99 = 1.98;
    // per order 0.25; fulfilment 2 × 3.22 = 6.44; total 15.87; net 24.00 − 15.87 = 8.13.
    const f = saleFees(schedule, { category: "media", amount: usd("24.00"), units: 2 });
    expect([f.referral, f.closing, f.perItem, f.perOrder, f.fulfilment, f.total, f.net].map((m) => m.amount.toFixed(2))).toEqual(["3.60", "3.60", "1.98", "0.25", "6.44", "15.87", "8.13"]);
    expect(f.capped).toBe(false);
  });
  it("applies the per-item minimum referral fee", () => {
    // electronics $3.00: 8 % = 0.24 < minimum 0.30.
    expect(saleFees(schedule, { category: "electronics", amount: usd("3.00") }).referral.amount.toFixed(2)).toBe("0.30");
    // × 3 items: the minimum is 3 × 0.30 = 0.90 > 0.24.
    expect(saleFees(schedule, { category: "electronics", amount: usd("3.00"), units: 3 }).referral.amount.toFixed(2)).toBe("0.90");
  });
  it("rounds the percentage with the schedule's rounding (half-even by default)", () => {
    const s = (rounding?: "half-up") => createFeeSchedule({ currency: "USD", categories: [{ category: "x", rate: "0.15" }], ...(rounding ? { rounding } : {}) });
    // 15 % of $0.10 = 0.015: half-even → 0.02 (1 is odd), of $0.30 = 0.045 → 0.04; half-up → 0.05.
    expect(saleFees(s(), { category: "x", amount: usd("0.10") }).referral.amount.toFixed(2)).toBe("0.02");
    expect(saleFees(s(), { category: "x", amount: usd("0.30") }).referral.amount.toFixed(2)).toBe("0.04");
    expect(saleFees(s("half-up"), { category: "x", amount: usd("0.30") }).referral.amount.toFixed(2)).toBe("0.05");
  });
  it("never charges more than the sale: fees are cut in order and flagged", () => {
    const f = saleFees(schedule, { category: "electronics", amount: usd("2.00") });
    // referral 0.30, closing 0, per item 0.99, per order 0.25, fulfilment 3.22 → only 0.46 left for fulfilment.
    expect([f.referral, f.perItem, f.perOrder, f.fulfilment, f.total, f.net].map((m) => m.amount.toFixed(2))).toEqual(["0.30", "0.99", "0.25", "0.46", "2.00", "0.00"]);
    expect(f.capped).toBe(true);
  });
  it("uses the default category of the illustrative schedule", () => {
    expect(saleFees(ILLUSTRATIVE_FEE_SCHEDULE, { category: "garden", amount: usd("10.00") }).category).toBe("other");
  });
  it("throws typed errors on bad sales", () => {
    expect(() => saleFees(schedule, { category: "toys", amount: usd("1") })).toThrow(/saleFees: sale\.category is not a category/);
    expect(() => saleFees(schedule, { category: "media", amount: usd("-1") })).toThrow(ValidationError);
    expect(() => saleFees(schedule, { category: "media", amount: usd("1.005") })).toThrow(/minor units/);
    expect(() => saleFees(schedule, { category: "media", amount: money("1", "EUR") })).toThrow(CurrencyMismatchError);
    expect(() => saleFees(schedule, { category: "media", amount: usd("1"), units: 0 })).toThrow(ValidationError);
    expect(() => saleFees(schedule, null as never)).toThrow(ValidationTypeError);
  });
});

const orders = [
  { sellerId: "smb-1", category: "media", amount: usd("20.00"), units: 1, date: "2024-01-02", deliveredOn: "2024-01-05" },
  { sellerId: "smb-2", category: "electronics", amount: usd("250.00"), units: 1, date: "2024-01-03", deliveredOn: "2024-01-09" },
  { sellerId: "brand", category: "electronics", amount: usd("999.00"), units: 1, date: "2024-01-10" },
  { sellerId: "smb-1", category: "media", amount: usd("36.00"), units: 3, date: "2024-01-20", deliveredOn: "2024-01-24" },
];
const segment = (s: { sellerId?: string }) => (s.sellerId?.startsWith("smb") ? "smb" : "brand");

describe("takeRateBySegment", () => {
  it("sums fees and GMV per segment exactly (hand-computed)", () => {
    // smb: media 20 → 3.00 + 1.80 + 0.99 + 0.25 + 3.22 = 9.26; electronics 250 → 20.00 + 0.99 + 0.25 + 3.22 = 24.46;
    // media 36 × 3 → 5.40 + 5.40 + 2.97 + 0.25 + 9.66 = 23.68. Total 57.40 on 306.00 (0.187582).
    // brand: electronics 999 → 79.92 + 4.46 = 84.38 (0.084464).
    const r = takeRateBySegment(schedule, orders, segment);
    expect(r.segments.map((s) => [s.segment, s.sales, s.units, s.gmv.amount.toFixed(2), s.fees.amount.toFixed(2), s.takeRate?.toFixed(6)])).toEqual([
      ["brand", 1, 1, "999.00", "84.38", "0.084464"],
      ["smb", 3, 5, "306.00", "57.40", "0.187582"],
    ]);
    expect(r.total.fees.amount.toFixed(2)).toBe("141.78");
  });
  it("defaults the segment to the category, streams async, and merges shards exactly", async () => {
    const byCat = takeRateBySegment(schedule, orders);
    expect(byCat.segments.map((s) => s.segment)).toEqual(["electronics", "media"]);
    async function* gen() {
      yield* orders;
    }
    expect(await takeRateBySegmentAsync(schedule, gen())).toEqual(byCat);
    const merged = mergeTakeRates(takeRateBySegment(schedule, orders.slice(2)), JSON.parse(JSON.stringify(takeRateBySegment(schedule, orders.slice(0, 2)))));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(byCat));
  });
  it("throws typed errors", () => {
    expect(() => takeRateBySegment(schedule, orders, (() => 3) as never)).toThrow(ValidationTypeError);
    expect(() => mergeTakeRates()).toThrow(ValidationError);
    expect(() => mergeTakeRates({ kind: "x" } as never)).toThrow(ValidationTypeError);
  });
});

describe("payoutSchedule", () => {
  // Net proceeds (hand-computed): 10.74 (delivered 01-05), 225.54 (01-09), 914.62 (01-10: no
  // delivery date, the sale day), 12.32 (01-24); total 1,163.22.
  it("releases funds a set number of days after delivery, with a rolling reserve (hand-computed)", () => {
    // delay 3 days; reserve 10 % (half-even: 1.07, 22.55, 91.46, 1.23) released 14 days later.
    const r = payoutSchedule(schedule, orders, { delayDays: 3, reserveRate: "0.1", reserveDays: 14 });
    expect(r.payouts.map((p) => [p.date.toISOString().slice(0, 10), p.amount.amount.toFixed(2)])).toEqual([
      ["2024-01-08", "9.67"],
      ["2024-01-12", "202.99"],
      ["2024-01-13", "823.16"],
      ["2024-01-22", "1.07"],
      ["2024-01-26", "22.55"],
      ["2024-01-27", "102.55"],
      ["2024-02-10", "1.23"],
    ]);
    expect([r.summary.netProceeds, r.summary.paid, r.summary.reserveHeld, r.summary.pending].map((m) => m.amount.toFixed(2))).toEqual(["1163.22", "1163.22", "0.00", "0.00"]);
  });
  it("reports what is not paid by asOf as pending and reserve held", () => {
    const r = payoutSchedule(schedule, orders, { delayDays: 3, reserveRate: "0.1", reserveDays: 14, asOf: "2024-01-26" });
    expect([r.summary.paid, r.summary.pending, r.summary.reserveHeld].map((m) => m.amount.toFixed(2))).toEqual(["1059.44", "11.09", "92.69"]);
    expect(r.payouts.at(-1)?.date.toISOString()).toBe("2024-01-26T00:00:00.000Z");
  });
  it("pays on a 14-day disbursement cycle", () => {
    const r = payoutSchedule(schedule, orders, { cycleDays: 14, cycleStart: "2024-01-01" });
    expect(r.payouts.map((p) => [p.date.toISOString().slice(0, 10), p.amount.amount.toFixed(2)])).toEqual([
      ["2024-01-15", "1150.90"],
      ["2024-01-29", "12.32"],
    ]);
  });
  it("streams async and merges shards to the same result", async () => {
    const opts = { delayDays: 3, reserveRate: "0.1", reserveDays: 14, asOf: "2024-01-26" } as const;
    const whole = payoutSchedule(schedule, orders, opts);
    async function* gen() {
      yield* orders;
    }
    expect(await payoutScheduleAsync(schedule, gen(), opts)).toEqual(whole);
    const merged = mergePayouts(payoutSchedule(schedule, orders.slice(1), opts), JSON.parse(JSON.stringify(payoutSchedule(schedule, orders.slice(0, 1), opts))));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
    expect(() => mergePayouts(whole, payoutSchedule(schedule, orders))).toThrow(/mergePayouts: results\[1\]\.asOf/);
  });
  it("is a valid sales series for simulateRepayment (a holdback on payouts, end to end)", () => {
    const payouts = payoutSchedule(schedule, orders, { cycleDays: 14, cycleStart: "2024-01-01" }).payouts;
    // $500 + $50 fee at a 50 % holdback: 50 % of the 01-15 payout (575.45) covers the 550 owed.
    const advance = salesBasedAdvance({ principal: usd("500"), fee: "50", holdbackRate: "0.5" });
    const r = simulateRepayment(advance, payouts);
    expect([r.summary.paidOff, r.summary.payoffDate?.toISOString(), r.summary.totalPaid.amount.toString()]).toEqual([true, "2024-01-15T00:00:00.000Z", "550"]);
    // A term loan deducted from disbursements (Amazon Lending style): instalments come out of payouts.
    const loan = termLoan({ principal: usd("1000"), annualRate: "0.12", termMonths: 1, startDate: "2024-01-01" });
    // One monthly instalment of 1000 × 1.01 = 1010 due 2024-02-01, deducted from the 1,163.22 paid out by then.
    const t = simulateRepayment(loan, payouts, { until: "2024-02-29" });
    expect([t.summary.paidOff, t.summary.totalPaid.amount.toString()]).toEqual([true, "1010"]);
  });
  it("throws typed errors", () => {
    expect(() => payoutSchedule(schedule, [{ category: "media", amount: usd("1") }])).toThrow(/payoutSchedule: sales\[0\]\.date/);
    expect(() => payoutSchedule(schedule, [{ category: "media", amount: usd("1"), date: "2024-01-05", deliveredOn: "2024-01-04" }])).toThrow(/must not be before the sale date/);
    expect(() => payoutSchedule(schedule, orders, { reserveRate: "0.1" })).toThrow(/reserveDays/);
    expect(() => payoutSchedule(schedule, orders, { cycleDays: 14 })).toThrow(/cycleStart/);
    expect(() => payoutSchedule(schedule, orders, { delayDays: -1 })).toThrow(ValidationError);
    expect(() => mergePayouts()).toThrow(ValidationError);
  });
});

describe("unitEconomics", () => {
  it("computes contribution per order and per unit (hand-computed)", () => {
    // electronics, $40 × 3: revenue 120; fees 9.60 + 2.97 + 0.25 + 9.66 = 22.48; COGS 3 × 15 = 45;
    // own fulfilment 0; advertising 2.00 + 5 % × 120 = 8.00; contribution 120 − 22.48 − 45 − 8 = 44.52.
    const u = unitEconomics(schedule, { category: "electronics", price: usd("40.00"), unitsPerOrder: 3, costOfGoodsPerUnit: "15.00", advertisingPerOrder: "2.00", advertisingRate: "0.05" });
    expect([u.revenue, u.fees.total, u.costOfGoods, u.advertising, u.contributionPerOrder, u.contributionPerUnit].map((m) => m.amount.toFixed(2))).toEqual([
      "120.00",
      "22.48",
      "45.00",
      "8.00",
      "44.52",
      "14.84",
    ]);
    expect(u.contributionMargin?.toString()).toBe("0.371");
  });
  it("can be negative", () => {
    const u = unitEconomics(schedule, { category: "media", price: "5.00", costOfGoodsPerUnit: "4.00" });
    expect(u.contributionPerOrder.amount.toFixed(2)).toBe("-4.00");
  });
  it("throws typed errors", () => {
    expect(() => unitEconomics(schedule, { category: "media", price: "5.00" } as never)).toThrow(ValidationTypeError);
    expect(() => unitEconomics(schedule, { category: "media", price: "5.00", costOfGoodsPerUnit: "1", advertisingRate: 2 })).toThrow(ValidationError);
  });
});

describe("amounts beyond 20 significant digits (the library Decimal's precision)", () => {
  // The README's amount range allows magnitudes below 1e30 with whole minor units: scaling to minor
  // units must be exact there (it rounded to 20 significant digits before).
  it("keeps a 24-digit minimum and computes a 25-digit sale's referral fee exactly", () => {
    const s = createFeeSchedule({ currency: "USD", categories: [{ category: "x", rate: "0.1", minimumPerItem: "1234567890123456789012.34" }] });
    expect(s.categories[0]!.minimumPerItem.amount.toFixed()).toBe("1234567890123456789012.34");
    const f = saleFees(s, { category: "x", amount: money("12345678901234567890123.40", "USD") });
    expect(f.referral.amount.toFixed()).toBe("1234567890123456789012.34");
  });
});
