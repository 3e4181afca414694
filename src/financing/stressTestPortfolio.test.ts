import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateSalesScenarios } from "./simulateSalesScenarios.js";
import { stressTestPortfolio } from "./stressTestPortfolio.js";

const usd = (a: string) => money(a, "USD");
function daily(n: number, amount: string) {
  return Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: usd(amount) }));
}
const advance = salesBasedAdvance({ principal: usd("10000"), fee: 1500, holdbackRate: "0.1" });
const withMin = salesBasedAdvance({ principal: usd("10000"), fee: 1500, holdbackRate: "0.1", minimumPayment: { rate: "0.2", everyDays: 90 } });
const SEASONAL = ["0.8", "0.8", "0.9", "0.9", "1", "1", "1", "1", "1", "1.1", "1.2", "1.3"];

describe("stressTestPortfolio", () => {
  describe("with correlation 1 and a deterministic shock", () => {
    // every scenario of a one-loan book is the simulateSalesScenarios run of that loan, to the cent
    const cases = [
      { product: advance, sales: daily(730, "400"), scenario: { name: "base", factor: 1 }, shock: { level: 1 } },
      { product: advance, sales: daily(730, "400"), scenario: { name: "-10%", factor: "0.9" }, shock: { level: "0.9" } },
      { product: advance, sales: daily(730, "400"), scenario: { name: "-30%", factor: "0.7" }, shock: { level: "0.7" } },
      { product: advance, sales: daily(730, "400"), scenario: { name: "seasonal", monthlyFactors: SEASONAL }, shock: { monthlyFactors: SEASONAL } },
      { product: withMin, sales: daily(730, "200"), scenario: { name: "half", factor: "0.5" }, shock: { level: "0.5", correlation: 1, volatility: 0 } },
      { product: advance, sales: daily(100, "400"), scenario: { name: "stop", factor: 0 }, shock: { level: 0 } },
      { product: withMin, sales: daily(300, "133.37"), scenario: { name: "odd cents", factor: "0.333333" }, shock: { level: "0.333333" } },
    ];
    for (const c of cases) {
      it(`reproduces simulateSalesScenarios for "${c.scenario.name}"`, () => {
        const [single] = simulateSalesScenarios(c.product, c.sales, { scenarios: [c.scenario] });
        const out = stressTestPortfolio([{ id: "a", sellerId: "s", product: c.product }], { s: c.sales }, { seed: 1, scenarios: 3, shock: c.shock, includeScenarios: true });
        for (const sc of out.scenarios) {
          expect(sc.paidOffCount).toBe(single!.paidOff ? 1 : 0);
          expect(sc.meanDaysToPayoff?.toString() ?? null).toBe(single!.daysToPayoff === null ? null : String(single!.daysToPayoff));
          expect(sc.totalRepaid.amount.toString()).toBe(single!.totalPaid.amount.toString());
          expect(sc.totalOutstanding.amount.toString()).toBe(single!.outstandingIfSalesStop.amount.toString());
          expect(sc.minimumBreaches).toBe(single!.anyMinimumMissed ? 1 : 0);
          // the lender's XIRR is the seller's effective annual rate (same flows, opposite signs)
          if (single!.paidOff) expect(sc.irr?.toString()).toBe(single!.effectiveAnnualRate?.toString());
        }
      });
    }
    it("sums the single-loan runs over a book", () => {
      const books = { s1: daily(730, "400"), s2: daily(730, "200") };
      const loans = [
        { id: "a", sellerId: "s1", product: advance },
        { id: "b", sellerId: "s2", product: withMin },
      ];
      const out = stressTestPortfolio(loans, books, { seed: 9, scenarios: 1, shock: { level: "0.7" }, includeScenarios: true });
      const a = simulateSalesScenarios(advance, books.s1, { scenarios: [{ name: "x", factor: "0.7" }] })[0]!;
      const b = simulateSalesScenarios(withMin, books.s2, { scenarios: [{ name: "x", factor: "0.7" }] })[0]!;
      expect(out.scenarios[0]!.totalRepaid.amount.toString()).toBe(a.totalPaid.amount.plus(b.totalPaid.amount).toString());
      expect(out.scenarios[0]!.minimumBreaches).toBe((a.anyMinimumMissed ? 1 : 0) + (b.anyMinimumMissed ? 1 : 0));
      // 11,500 / 28 = 410.7 → 411 days for a; term extension = mean of (411 − 288) and b's
      const base = simulateSalesScenarios(withMin, books.s2, { scenarios: [{ name: "b", factor: 1 }] })[0]!;
      expect(out.scenarios[0]!.termExtensionDays!.toString()).toBe(new Decimal(411 - 288 + b.daysToPayoff! - base.daysToPayoff!).div(2).toString());
    });
  });

  describe("seeded Monte Carlo", () => {
    const sellers = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`s${i}`, daily(500, String(150 + 20 * i))]));
    const loans = Array.from({ length: 6 }, (_, i) => ({ id: `l${i}`, sellerId: `s${i}`, product: withMin }));
    const options = { seed: 20261202, scenarios: 12, shock: { volatility: "0.4", correlation: "0.6" }, stopHazard: "0.03", includeScenarios: true } as const;
    it("gives the same output for the same seed, and another for another seed", () => {
      const a = stressTestPortfolio(loans, sellers, options);
      const b = stressTestPortfolio(loans, sellers, options);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      const c = stressTestPortfolio(loans, sellers, { ...options, seed: 1 });
      expect(JSON.stringify(c.scenarios)).not.toBe(JSON.stringify(a.scenarios));
    });
    it("gives every scenario the same outcome however the scenarios are split", () => {
      const whole = stressTestPortfolio(loans, sellers, options);
      const parts = [0, 5, 9].map((first, k, all) => stressTestPortfolio(loans, sellers, { ...options, firstScenario: first, scenarios: (all[k + 1] ?? 12) - first }));
      expect(JSON.stringify(parts.flatMap((p) => p.scenarios))).toBe(JSON.stringify(whole.scenarios));
      expect(parts.map((p) => p.scenarios[0]!.index)).toEqual([0, 5, 9]);
    });
    it("reports type-7 percentiles of the scenarios' figures", () => {
      const out = stressTestPortfolio(loans, sellers, { ...options, percentiles: [0, 25, 50, 100] });
      const xs = out.scenarios.map((s) => s.lossRate).sort((x, y) => x.comparedTo(y));
      // h = (12 − 1) × 25 / 100 = 2.75: x₂ + 0.75 (x₃ − x₂)
      expect(out.lossRate.percentiles[1]!.value!.toString()).toBe(xs[2]!.plus(xs[3]!.minus(xs[2]!).times("0.75")).toString());
      expect(out.lossRate.percentiles[2]!.value!.toString()).toBe(xs[5]!.plus(xs[6]!).div(2).toString());
      expect(out.lossRate.percentiles[0]!.value!.toString()).toBe(xs[0]!.toString());
      expect(out.lossRate.max!.toString()).toBe(xs[11]!.toString());
    });
    it("moves all sellers together with correlation 1 and apart when idiosyncratic", () => {
      const twins = { a: daily(500, "150"), b: daily(500, "150") };
      const two = [
        { id: "1", sellerId: "a", product: withMin },
        { id: "2", sellerId: "b", product: withMin },
      ];
      const together = stressTestPortfolio(two, twins, { seed: 3, scenarios: 40, shock: { volatility: "0.5" }, includeScenarios: true });
      expect(together.scenarios.every((s) => s.minimumBreaches !== 1 && s.paidOffCount !== 1)).toBe(true);
      const apart = stressTestPortfolio(two, twins, { seed: 3, scenarios: 40, shock: { volatility: "0.5", scope: "idiosyncratic" }, includeScenarios: true });
      expect(apart.scenarios.some((s) => s.minimumBreaches === 1)).toBe(true);
      const bySegment = stressTestPortfolio(two, twins, { seed: 3, scenarios: 40, shock: { volatility: "0.5", scope: "segment" }, segments: { a: "x", b: "x" }, includeScenarios: true });
      expect(JSON.stringify(bySegment.scenarios.map((s) => s.minimumBreaches === 1))).toBe(JSON.stringify(together.scenarios.map(() => false)));
    });
    it("stops every seller's sales with a hazard of 1: nothing repaid, no IRR", () => {
      const out = stressTestPortfolio([{ id: "a", sellerId: "s", product: advance }], { s: daily(300, "400") }, { seed: 5, scenarios: 4, stopHazard: 1 });
      expect(out.lossRate.min!.toString()).toBe("1");
      expect(out.irr.unavailable).toBe(4);
      expect(out.irr.percentiles.map((p) => p.value)).toEqual([null, null, null]);
      expect(out.termExtensionDays.unavailable).toBe(4);
    });
    it('treats a maturity balloon as lost with balloon: "defaulted"', () => {
      const term = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1", maxTermDays: 60 });
      const sales = { s: daily(200, "50") };
      const kept = stressTestPortfolio([{ id: "a", sellerId: "s", product: term }], sales, { seed: 1, scenarios: 1, includeScenarios: true });
      const lost = stressTestPortfolio([{ id: "a", sellerId: "s", product: term }], sales, { seed: 1, scenarios: 1, balloon: "defaulted", includeScenarios: true });
      expect(kept.scenarios[0]!.loss.amount.toString()).toBe("0");
      // $5/day for 60 days = $300 collected before the balloon of $800
      expect(lost.scenarios[0]!.loss.amount.toString()).toBe("700");
    });
  });

  describe("edge cases", () => {
    const l = [{ id: "a", sellerId: "s", product: advance }];
    const s = { s: daily(20, "400") };
    it("rejects options it cannot honour with typed errors naming the function and the option", () => {
      expect(() => stressTestPortfolio(l, s, { seed: 1, scenarios: 1, shock: { correlation: "1.5" } })).toThrow(/^stressTestPortfolio: options.shock.correlation must be ≥ -1 and ≤ 1, received "1.5"/);
      expect(() => stressTestPortfolio(l, s, { seed: 1, scenarios: 1, shock: { correlation: -2 } })).toThrow(/^stressTestPortfolio: options.shock.correlation must be ≥ -1 and ≤ 1/);
      expect(() => stressTestPortfolio(l, s, { seed: 1, scenarios: 1, stopHazard: "1.2" })).toThrow(/^stressTestPortfolio: options.stopHazard/);
      expect(() => stressTestPortfolio(l, s, { seed: 1, scenarios: 1, percentiles: [50, 101] })).toThrow(/^stressTestPortfolio: options.percentiles\[1\] must be from 0 to 100/);
      expect(() => stressTestPortfolio(l, s, { seed: 1, scenarios: 1, percentiles: [-1] })).toThrow(ValidationError);
      expect(() => stressTestPortfolio(l, s, {} as never)).toThrow(/^stressTestPortfolio: options.seed is required/);
      expect(() => stressTestPortfolio(l, s, { seed: 1 } as never)).toThrow(/^stressTestPortfolio: options.scenarios is required/);
      expect(() => stressTestPortfolio(l, s, { seed: 1.5, scenarios: 1 })).toThrow(/options.seed/);
      expect(() => stressTestPortfolio(l, s, { seed: 1, scenarios: 1, shock: { scope: "segment" } })).toThrow(/^stressTestPortfolio: options.segments is required/);
      expect(() => stressTestPortfolio(l, s, { seed: 1, scenarios: 1, shock: { scope: "segment" }, segments: {} })).toThrow(/options.segments\["s"\]/);
      expect(() => stressTestPortfolio(l, s, { seed: 1, scenarios: 1, shock: { level: "0.1234567" } })).toThrow(/at most 6 decimal places/);
      expect(() => stressTestPortfolio(l, s, { seed: 1, scenarios: 1, shock: { monthlyFactors: [1] } })).toThrow(/12 entries/);
      expect(() => stressTestPortfolio(l, s, { seed: 1, scenarios: 0 })).toThrow(/options.scenarios/);
      expect(() => stressTestPortfolio(l, s, { seed: 1, scenarios: 1, shock: { scope: "all" as never } })).toThrow(/options.shock.scope/);
      expect(() => stressTestPortfolio(l, s, { seed: 1, scenarios: 1, balloon: "lost" as never })).toThrow(/options.balloon/);
    });
    it("accepts Money-shaped sales with number amounts, and rejects a day beyond 2^53 minor units", () => {
      const plain = daily(300, "400").map((x) => ({ date: x.date, amount: { amount: 400, currency: "USD" } }));
      const out = stressTestPortfolio(l, { s: plain as never }, { seed: 1, scenarios: 1, includeScenarios: true });
      expect(out.scenarios[0]!.meanDaysToPayoff!.toString()).toBe("288");
      const huge = [{ date: "2024-01-02", amount: { amount: 2 ** 53 + 2, currency: "USD" } }];
      expect(() => stressTestPortfolio(l, { s: huge as never }, { seed: 1, scenarios: 1 })).toThrow(/^stressTestPortfolio: salesBySeller\["s"\] has a day whose sales exceed/);
    });
    it("names itself in the errors of a loan's run", () => {
      expect(() => stressTestPortfolio([{ id: "a", sellerId: "s", product: { ...advance, holdbackRate: 3 } as never }], s, { seed: 1, scenarios: 1 })).toThrow(/^stressTestPortfolio: loans\[0\]: /);
      expect(() => stressTestPortfolio([{ id: "a", sellerId: "t", product: advance }], s, { seed: 1, scenarios: 1 })).toThrow(/salesBySeller\["t"\] is missing/);
    });
  });
});

describe("stressTestPortfolio takes each seller's sales as typed-array columns or minor-unit rows", () => {
  it("gives the same result as the same sales as Money rows", () => {
    const sales = daily(400, "250.37");
    const days = Int32Array.from(sales, (s) => s.date.getTime() / 86_400_000);
    const columns = { days, minor: Float64Array.from(sales, () => 25037) };
    const rows = sales.map((s) => ({ day: s.date.getTime() / 86_400_000, minor: 25037 }));
    const loans = [{ id: "a", sellerId: "s", product: advance }];
    const options = { seed: 7, scenarios: 20, shock: { level: "0.9", correlation: "0.5", volatility: "0.2" }, stopHazard: "0.02" } as const;
    const want = JSON.stringify(stressTestPortfolio(loans, { s: sales }, options));
    expect(JSON.stringify(stressTestPortfolio(loans, { s: columns }, options))).toBe(want);
    expect(JSON.stringify(stressTestPortfolio(loans, new Map([["s", rows]]), options))).toBe(want);
  });
});
