/**
 * The integer engine against its oracle (#12): every simulation runs on the exact integer engine
 * (src/financing/_lib/intEngine.ts); the Decimal engine of 0.2.0 (src/financing/_lib/engine.ts)
 * is kept as the reference. On random products (advances with fees, minimum windows and maximum
 * terms; revenue-share loans; term loans with both schedules and card charges) and random sales
 * (refund days, zero stretches, gaps, several rows per day, sub-minor-unit amounts, integer
 * minor-unit rows and typed-array columns), every granularity and rounding mode, both engines must
 * give the same result to the cent: every row and the whole summary. 10,000 cases.
 */
import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect } from "vitest";
import { money } from "../money/money.js";
import type { RoundingMode } from "../money/types.js";
import { type EngineChoice, runProduct, toRepaymentResult } from "./_lib/run.js";
import { revenueShareLoan } from "./revenueShareLoan.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { termLoan } from "./termLoan.js";
import type { FinancingProduct } from "./types.js";

const DAY = 86_400_000;
const D0 = Date.UTC(2024, 0, 1) / DAY; // 2024-01-01 as a day number

const rateArb = fc.oneof(
  fc.integer({ min: 1, max: 99 }).map((p) => new Decimal(p).div(100)),
  fc.integer({ min: 1, max: 9999 }).map((p) => new Decimal(p).div(10_000)),
  // 20 significant digits (1/7, 1/18 …): the BigInt path and decimal.js's 20-digit product.
  fc.integer({ min: 2, max: 40 }).map((k) => new Decimal(1).div(k)),
);

const productArb: fc.Arbitrary<FinancingProduct> = fc.oneof(
  fc
    .record({
      principal: fc.integer({ min: 100, max: 5_000_000 }),
      fee: fc.integer({ min: 0, max: 1_000_000 }),
      rate: rateArb,
      minimum: fc.option(fc.record({ pct: fc.integer({ min: 1, max: 60 }), everyDays: fc.integer({ min: 1, max: 60 }), forDays: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }) }), {
        nil: undefined,
      }),
      maxTermDays: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
    })
    .map((a) =>
      salesBasedAdvance({
        principal: money(new Decimal(a.principal).div(100), "USD"),
        fee: new Decimal(a.fee).div(100),
        holdbackRate: a.rate,
        ...(a.minimum ? { minimumPayment: { rate: new Decimal(a.minimum.pct).div(100), everyDays: a.minimum.everyDays, ...(a.minimum.forDays ? { forDays: a.minimum.forDays } : {}) } } : {}),
        ...(a.maxTermDays ? { maxTermDays: a.maxTermDays } : {}),
      }),
    ),
  fc
    .record({ principal: fc.integer({ min: 100, max: 5_000_000 }), cap: fc.integer({ min: 100, max: 300 }), rate: rateArb })
    .map((a) => revenueShareLoan({ principal: money(new Decimal(a.principal).div(100), "USD"), repaymentCap: new Decimal(a.cap).div(100), revenueShare: a.rate })),
  fc
    .record({
      principal: fc.integer({ min: 100, max: 5_000_000 }),
      rate: fc.integer({ min: 0, max: 3000 }),
      termMonths: fc.integer({ min: 1, max: 6 }),
      start: fc.integer({ min: 0, max: 30 }),
      biweek: fc.boolean(),
      card: fc.boolean(),
    })
    .map((a) =>
      termLoan({
        principal: money(new Decimal(a.principal).div(100), "USD"),
        annualRate: new Decimal(a.rate).div(10_000),
        termMonths: a.termMonths,
        startDate: new Date((D0 + a.start) * DAY),
        schedule: a.biweek ? "biweek" : "month",
        chargeShortfallToCard: a.card,
      }),
    ),
);

/** Sales rows: a day step (0 = same day again), an amount in cents (refunds, zero stretches), rarely sub-minor digits. */
const rowArb = fc.record({
  step: fc.oneof(fc.constant(1), fc.constant(1), fc.constant(0), fc.integer({ min: 2, max: 20 })),
  cents: fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.constant(0), fc.integer({ min: -20_000, max: -1 }), fc.integer({ min: 0, max: 30_000_000 })),
  milli: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 9 }) }),
});
const salesArb = fc.record({ start: fc.integer({ min: -5, max: 10 }), rows: fc.array(rowArb, { maxLength: 60 }), zeroRun: fc.nat({ max: 40 }) });
const optionsArb = fc.record({
  granularity: fc.constantFrom("day", "week", "month"),
  rounding: fc.constantFrom<RoundingMode>("half-even", "half-up", "half-down", "down", "up", "floor", "ceil"),
  collectShortfall: fc.boolean(),
  fundedOn: fc.option(fc.integer({ min: -3, max: 5 }), { nil: undefined }),
  until: fc.option(fc.integer({ min: 30, max: 400 }), { nil: undefined }),
  shape: fc.constantFrom("money", "minor", "day", "columns"),
});

interface Spec {
  readonly start: number;
  readonly rows: readonly { readonly step: number; readonly cents: number; readonly milli: number }[];
  readonly zeroRun: number;
}

function makeSales(spec: Spec, shape: string, allowSubMinor: boolean): unknown {
  let day = D0 + spec.start;
  const days: number[] = [];
  const amounts: { cents: number; milli: number }[] = [];
  spec.rows.forEach((r, i) => {
    day += i === 0 ? 0 : r.step;
    days.push(day);
    amounts.push({ cents: r.cents, milli: allowSubMinor ? r.milli : 0 });
    if (i === 5) for (let z = 0; z < spec.zeroRun; z++) ((day += 1), days.push(day), amounts.push({ cents: 0, milli: 0 }));
  });
  if (shape === "columns") return { days: Int32Array.from(days), minor: Float64Array.from(amounts.map((a) => a.cents)) };
  return days.map((d, i) => {
    const a = amounts[i]!;
    if (shape === "minor") return { date: new Date(d * DAY), minor: a.cents };
    if (shape === "day") return { day: d, minor: a.cents };
    return { date: new Date(d * DAY), amount: money(new Decimal(a.cents).div(100).plus(new Decimal(a.milli).div(1000)), "USD") };
  });
}

function run(product: FinancingProduct, sales: unknown, options: Record<string, unknown>, engine: EngineChoice): unknown {
  try {
    return JSON.parse(JSON.stringify(toRepaymentResult(runProduct("simulateRepayment", product, sales, options, true, undefined, engine))));
  } catch (err) {
    return { error: (err as { code?: string }).code, message: (err as Error).message };
  }
}

describe("the integer engine equals the Decimal oracle", () => {
  test.prop([productArb, salesArb, optionsArb], { numRuns: 10_000 })("every row and the summary, to the cent", (product, spec, o) => {
    const sales = makeSales(spec, o.shape, o.shape === "money");
    const options: Record<string, unknown> = { granularity: o.granularity, rounding: o.rounding, collectShortfall: o.collectShortfall };
    if (o.fundedOn !== undefined) options["fundedOn"] = new Date((D0 + o.fundedOn) * DAY);
    if (o.until !== undefined) options["until"] = new Date((D0 + o.until) * DAY);
    const int = run(product, sales, options, "integer");
    const dec = run(product, sales, options, "decimal");
    expect(int).toEqual(dec);
  });

  test("a sub-minor-unit sales amount takes the scaled path, and a sale beyond 2^53 minor units the Decimal fallback", () => {
    const advance = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.15" });
    const sales = [
      { date: "2024-01-02", amount: money("10.005", "USD") },
      { date: "2024-01-03", amount: money("123456789012345678.91", "USD") },
    ];
    const int = run(advance, sales, {}, "integer");
    expect(int).toEqual(run(advance, sales, {}, "decimal"));
    // 15 % of 10.005 = 1.50075 → 1.50 (half-even), then the balance (1098.50) is collected in full.
    expect((int as { rows: { holdback: { amount: string } }[] }).rows.map((r) => r.holdback.amount)).toEqual(["1.5", "1098.5"]);
  });
});
