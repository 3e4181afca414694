/**
 * stressTestPortfolio on the exact integer engine against its Decimal reference path (#12): on
 * random books (advances with fees, minimum windows and maximum terms, revenue-share loans, term
 * loans; several loans per seller, funding dates before and inside the sales), random sales
 * (refund days, zero stretches, gaps, several rows a day) and random shocks (every scope,
 * correlation, volatility, level, seasonal factors with 6 decimals, stop hazard), every
 * granularity and rounding mode and both balloon rules, the integer path must give the same
 * result as the reference path (shocked Money rows run through the Decimal engine and the
 * public result's rows): every scenario and every distribution, to the cent. The same seed gives
 * the same output.
 */
import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import type { RoundingMode } from "../money/types.js";
import { xirr } from "../tvm/xirr.js";
import { stressTest } from "./_lib/stressRun.js";
import { revenueShareLoan } from "./revenueShareLoan.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { stressTestPortfolio } from "./stressTestPortfolio.js";
import { termLoan } from "./termLoan.js";
import type { FinancingProduct } from "./types.js";

const DAY = 86_400_000;
const D0 = Date.UTC(2024, 0, 1) / DAY;

const rateArb = fc.oneof(
  fc.integer({ min: 1, max: 99 }).map((p) => new Decimal(p).div(100)),
  fc.integer({ min: 1, max: 9999 }).map((p) => new Decimal(p).div(10_000)),
  fc.integer({ min: 2, max: 40 }).map((k) => new Decimal(1).div(k)),
);

const productArb: fc.Arbitrary<FinancingProduct> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        principal: fc.integer({ min: 100, max: 2_000_000 }),
        fee: fc.integer({ min: 0, max: 300_000 }),
        rate: rateArb,
        minimum: fc.option(fc.record({ pct: fc.integer({ min: 1, max: 60 }), everyDays: fc.integer({ min: 5, max: 60 }), forDays: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }) }), {
          nil: undefined,
        }),
        maxTermDays: fc.option(fc.integer({ min: 10, max: 200 }), { nil: undefined }),
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
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ principal: fc.integer({ min: 100, max: 2_000_000 }), cap: fc.integer({ min: 100, max: 300 }), rate: rateArb })
      .map((a) => revenueShareLoan({ principal: money(new Decimal(a.principal).div(100), "USD"), repaymentCap: new Decimal(a.cap).div(100), revenueShare: a.rate })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        principal: fc.integer({ min: 100, max: 2_000_000 }),
        rate: fc.integer({ min: 0, max: 3000 }),
        termMonths: fc.integer({ min: 1, max: 4 }),
        start: fc.integer({ min: 0, max: 20 }),
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
  },
);

/** A seller's sales: day steps (0 = same day again), cents with refunds and zero stretches. */
const rowArb = fc.record({
  step: fc.oneof(fc.constant(1), fc.constant(1), fc.constant(0), fc.integer({ min: 2, max: 20 })),
  cents: fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.constant(0), fc.integer({ min: -20_000, max: -1 }), fc.integer({ min: 0, max: 30_000_000 })),
});
const sellerArb = fc.record({ start: fc.integer({ min: 0, max: 10 }), rows: fc.array(rowArb, { minLength: 1, maxLength: 80 }), zeroRun: fc.nat({ max: 30 }) });
const factorArb = fc.oneof(
  fc.constant("1"),
  fc.integer({ min: 0, max: 20 }).map((k) => new Decimal(k).div(10).toString()),
  fc.integer({ min: 1, max: 3_000_000 }).map((k) => new Decimal(k).div(1_000_000).toString()),
);
const bookArb = fc.record({
  sellers: fc.array(sellerArb, { minLength: 1, maxLength: 4 }),
  loans: fc.array(fc.record({ product: productArb, seller: fc.nat(), fundedOn: fc.option(fc.integer({ min: -3, max: 5 }), { nil: undefined }) }), { minLength: 1, maxLength: 6 }),
  seed: fc.integer({ min: 0, max: 4_294_967_295 }),
  scenarios: fc.integer({ min: 1, max: 3 }),
  scope: fc.constantFrom("common", "segment", "idiosyncratic"),
  correlation: fc.integer({ min: -100, max: 100 }).map((k) => new Decimal(k).div(100).toString()),
  volatility: fc.oneof(
    fc.constant("0"),
    fc.integer({ min: 1, max: 150 }).map((k) => new Decimal(k).div(100).toString()),
  ),
  level: factorArb,
  seasonal: fc.option(fc.array(factorArb, { minLength: 12, maxLength: 12 }), { nil: undefined }),
  stopHazard: fc.oneof(
    fc.constant("0"),
    fc.integer({ min: 1, max: 100 }).map((k) => new Decimal(k).div(100).toString()),
  ),
  balloon: fc.constantFrom("collected", "defaulted"),
  granularity: fc.constantFrom("day", "week", "month"),
  rounding: fc.constantFrom<RoundingMode>("half-even", "half-up", "half-down", "down", "up", "floor", "ceil"),
  collectShortfall: fc.boolean(),
  until: fc.option(fc.integer({ min: 60, max: 300 }), { nil: undefined }),
});

type Book = typeof bookArb extends fc.Arbitrary<infer T> ? T : never;

function makeBook(b: Book) {
  const sales: Record<string, { date: Date; amount: ReturnType<typeof money> }[]> = {};
  b.sellers.forEach((spec, k) => {
    let day = D0 + spec.start;
    const rows: { date: Date; amount: ReturnType<typeof money> }[] = [];
    spec.rows.forEach((r, i) => {
      day += i === 0 ? 0 : r.step;
      rows.push({ date: new Date(day * DAY), amount: money(new Decimal(r.cents).div(100), "USD") });
      if (i === 3) for (let z = 0; z < spec.zeroRun; z++) ((day += 1), rows.push({ date: new Date(day * DAY), amount: money(0, "USD") }));
    });
    sales[`s${k}`] = rows;
  });
  const loans = b.loans.map((l, i) => ({ id: `l${i}`, sellerId: `s${l.seller % b.sellers.length}`, product: l.product, ...(l.fundedOn === undefined ? {} : { fundedOn: new Date((D0 + l.fundedOn) * DAY) }) }));
  const options: Record<string, unknown> = {
    seed: b.seed,
    scenarios: b.scenarios,
    shock: { scope: b.scope, correlation: b.correlation, volatility: b.volatility, level: b.level, ...(b.seasonal ? { monthlyFactors: b.seasonal } : {}) },
    segments: Object.fromEntries(b.sellers.map((_, k) => [`s${k}`, `g${k % 2}`])),
    stopHazard: b.stopHazard,
    balloon: b.balloon,
    granularity: b.granularity,
    rounding: b.rounding,
    collectShortfall: b.collectShortfall,
    includeScenarios: true,
    percentiles: [0, 10, 50, 90, 100],
  };
  if (b.until !== undefined) options["until"] = new Date((D0 + b.until) * DAY);
  return { loans, sales, options };
}

function run(engine: "integer" | "decimal", book: ReturnType<typeof makeBook>): unknown {
  try {
    return JSON.parse(JSON.stringify(stressTest("stressTestPortfolio", book.loans, book.sales, book.options as never, engine, xirr)));
  } catch (err) {
    return { error: (err as { code?: string }).code, message: (err as Error).message };
  }
}

describe("stressTestPortfolio: the integer engine equals the Decimal reference path", () => {
  test.prop([bookArb], { numRuns: 200 })("every scenario and distribution, to the cent; the same seed, the same output", (b) => {
    const book = makeBook(b);
    const int = run("integer", book);
    expect(int).toEqual(run("decimal", book));
    // the public function is the integer path, and a rerun gives the same output
    let pub: unknown;
    try {
      pub = JSON.parse(JSON.stringify(stressTestPortfolio(book.loans, book.sales, book.options as never)));
    } catch (err) {
      pub = { error: (err as { code?: string }).code, message: (err as Error).message };
    }
    expect(pub).toEqual(int);
  });

  it("falls back to the reference path, loan by loan, when a shocked day leaves the safe-integer range", () => {
    // 2^51 cents a day × 3 > 2^53: that seller's loans run on Decimal, the other seller's on integers
    const big = Array.from({ length: 40 }, (_, i) => ({ date: new Date((D0 + 1 + i) * DAY), amount: money(new Decimal(2 ** 51).div(100), "USD") }));
    const small = Array.from({ length: 40 }, (_, i) => ({ date: new Date((D0 + 1 + i) * DAY), amount: money("123.45", "USD") }));
    const advance = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1", minimumPayment: { rate: "0.2", everyDays: 10 } });
    const book = {
      loans: [
        { id: "a", sellerId: "big", product: advance },
        { id: "b", sellerId: "small", product: advance },
      ],
      sales: { big, small },
      options: { seed: 4, scenarios: 2, shock: { level: "3", volatility: "0.2" }, includeScenarios: true },
    };
    const int = run("integer", book) as { scenarios: { totalRepaid: { amount: string }; paidOffCount: number }[] };
    expect(int).toEqual(run("decimal", book));
    // a repays 1,100 on its first day; b is paid off within the 40 days in both scenarios
    expect(int.scenarios.map((s) => [s.paidOffCount, s.totalRepaid.amount])).toEqual([
      [2, "2200"],
      [2, "2200"],
    ]);
  });
});
