/**
 * stressTestPortfolioAsync (#12): the scenarios split over 1, 2 or 3 worker threads give exactly
 * the sequential stressTestPortfolio result; bad options are typed errors (rejections).
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import { money } from "../money/money.js";
import { revenueShareLoan } from "./revenueShareLoan.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { stressTestPortfolio } from "./stressTestPortfolio.js";
import { stressTestPortfolioAsync } from "./stressTestPortfolioAsync.js";
import { termLoan } from "./termLoan.js";

const DAY = 86_400_000;
const D0 = Date.UTC(2024, 0, 2) / DAY;
const SELLERS = 40;
const sales: Record<string, { date: Date; amount: ReturnType<typeof money> }[]> = {};
for (let s = 0; s < SELLERS; s++) {
  sales[`s${s}`] = Array.from({ length: 300 }, (_, i) => ({ date: new Date((D0 + i) * DAY), amount: money(new Decimal(((s * 7919 + i * 104_729) % 40_000) - (i % 29 === 0 ? 5_000 : 0)).div(100), "USD") }));
}
const loans = Array.from({ length: 120 }, (_, k) => {
  const principal = money(new Decimal(500 + (k % 37) * 25), "USD");
  const product =
    k % 10 === 0
      ? termLoan({ principal, annualRate: "0.09", termMonths: 3, startDate: "2024-01-05" })
      : k % 7 === 0
        ? revenueShareLoan({ principal, repaymentCap: "1.3", revenueShare: "0.07" })
        : salesBasedAdvance({ principal, fee: 40 + (k % 11), holdbackRate: new Decimal(5 + (k % 9)).div(100), maxTermDays: 200, ...(k % 3 === 0 ? { minimumPayment: { rate: "0.1", everyDays: 45 } } : {}) });
  return { id: `L${k}`, sellerId: `s${k % SELLERS}`, product, fundedOn: new Date((D0 - 1 + (k % 20)) * DAY) };
});
const options = {
  seed: 20261202,
  scenarios: 7,
  shock: { scope: "segment", correlation: "0.6", volatility: "0.4", monthlyFactors: ["0.8", "0.8", "0.9", "0.9", "1", "1", "1", "1", "1", "1.1", "1.2", "1.333333"] },
  segments: Object.fromEntries(Array.from({ length: SELLERS }, (_, s) => [`s${s}`, s % 3 === 0 ? "food" : "retail"])),
  stopHazard: "0.03",
  balloon: "defaulted",
  includeScenarios: true,
} as const;

describe("stressTestPortfolioAsync", () => {
  const sequential = JSON.stringify(stressTestPortfolio(loans, sales, options));
  for (const workers of [1, 2, 3]) {
    it(`with ${workers} worker(s) gives the sequential result exactly`, async () => {
      const out = await stressTestPortfolioAsync(loans, sales, { ...options, workers });
      expect(out.scenarios.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(JSON.stringify(out)).toBe(sequential);
    });
  }
  it("more workers than scenarios, and a first scenario: the same scenarios as the sequential run", async () => {
    const out = await stressTestPortfolioAsync(loans, sales, { ...options, firstScenario: 5, scenarios: 2, workers: 4 });
    expect(JSON.stringify(out.scenarios)).toBe(JSON.stringify(JSON.parse(sequential).scenarios.slice(5)));
  });
  it("rejects a bad workers option and the inputs stressTestPortfolio rejects, with typed errors naming itself", async () => {
    await expect(stressTestPortfolioAsync(loans, sales, { ...options, workers: 0 })).rejects.toMatchObject({ code: ErrorCode.OUT_OF_RANGE, fn: "stressTestPortfolioAsync", argument: "options.workers" });
    await expect(stressTestPortfolioAsync(loans, sales, { ...options, workers: 1.5 })).rejects.toMatchObject({ fn: "stressTestPortfolioAsync", argument: "options.workers" });
    await expect(stressTestPortfolioAsync(loans, sales, { ...options, workers: "2" as never })).rejects.toMatchObject({ fn: "stressTestPortfolioAsync", argument: "options.workers" });
    await expect(stressTestPortfolioAsync(loans, sales, { ...options, shock: { correlation: "1.5" } })).rejects.toThrow(/^stressTestPortfolioAsync: options.shock.correlation must be ≥ -1 and ≤ 1/);
    await expect(stressTestPortfolioAsync(loans, sales, { ...options, stopHazard: "1.2" })).rejects.toMatchObject({ fn: "stressTestPortfolioAsync", argument: "options.stopHazard" });
    await expect(stressTestPortfolioAsync(loans, { s0: sales["s0"]! }, options)).rejects.toMatchObject({ code: ErrorCode.MISSING_VALUE, fn: "stressTestPortfolioAsync" });
  });
});

it("takes typed-array columns on workers, with the sequential run's result", async () => {
  const adv = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });
  const d0 = Date.UTC(2024, 0, 2) / 86_400_000;
  const columns = { days: Int32Array.from({ length: 400 }, (_, i) => d0 + i), minor: Float64Array.from({ length: 400 }, () => 25037) };
  const loans = [
    { id: "a", sellerId: "s", product: adv },
    { id: "b", sellerId: "s", product: adv },
  ];
  const options = { seed: 7, scenarios: 20, shock: { level: "0.9", correlation: "0.5", volatility: "0.2" }, stopHazard: "0.02" } as const;
  const want = JSON.stringify(stressTestPortfolio(loans, { s: columns }, options));
  expect(JSON.stringify(await stressTestPortfolioAsync(loans, { s: columns }, { ...options, workers: 2 }))).toBe(want);
});
