/** Regression tests of issue #11 (hostile input) for the financing module. */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { ConvergenceError, CurrencyMismatchError, ErrorCode, isMarketplaceEconomicsError, ValidationError, ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import { computeCost } from "./_lib/cost.js";
import { costOfFinancing } from "./costOfFinancing.js";
import { disclosure } from "./disclosure.js";
import { revenueShareLoan } from "./revenueShareLoan.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulatePortfolio } from "./simulatePortfolio.js";
import { simulateRepayment } from "./simulateRepayment.js";
import { simulateSalesScenarios } from "./simulateSalesScenarios.js";
import { sizeOffer } from "./sizeOffer.js";
import { termLoan } from "./termLoan.js";

const usd = (a: string | number) => money(a, "USD");
const daily = (n: number, amount: string, start = Date.UTC(2024, 0, 2)) => Array.from({ length: n }, (_, i) => ({ date: new Date(start + i * 86_400_000), amount: usd(amount) }));
const advance = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.5" });
const dayOne = [{ date: "2024-01-02", amount: usd("20000") }];

/** A rate is either a finite Decimal (reason null) or null with a documented reason. */
function expectRateOrReason(rate: Decimal | null, reason: string | null): void {
  if (rate === null) expect(["not-paid-off", "no-rate-in-solver-range"]).toContain(reason);
  else {
    expect(rate.isFinite()).toBe(true);
    expect(reason).toBeNull();
  }
}

describe("#11: a cost that is not a rate is reported by the function called", () => {
  it("costOfFinancing on an advance repaid the day after funding does not throw xirr's error", () => {
    const c = costOfFinancing(simulateRepayment(advance, dayOne));
    expect(c.financeCharge.amount.toString()).toBe("100");
    expect(c.daysToPayoff).toBe(1);
    expectRateOrReason(c.effectiveAnnualRate, c.effectiveAnnualRateUnavailable);
    expectRateOrReason(c.apr, c.aprUnavailable);
  });
  it("disclosure of a $1,000 offer to a $20,000-a-day seller gives every figure", () => {
    const offer = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1" });
    const d = disclosure(offer, daily(365, "20000", Date.UTC(2023, 0, 1)), { method: "historical" });
    expect(d.estimatedTermDays).toBe(1);
    expect(d.estimatedFinanceCharge.amount.toString()).toBe("100");
    expectRateOrReason(d.estimatedApr, d.estimatedAprUnavailable);
  });
  it("simulateSalesScenarios on a day-one payoff reports rates or reasons", () => {
    const out = simulateSalesScenarios(salesBasedAdvance({ principal: usd("1000"), factorRate: 3, holdbackRate: "0.5" }), dayOne);
    for (const s of out) {
      expectRateOrReason(s.apr, s.aprUnavailable);
      expectRateOrReason(s.effectiveAnnualRate, s.effectiveAnnualRateUnavailable);
    }
  });
  it("a solver's ConvergenceError becomes a null rate with reason no-rate-in-solver-range", () => {
    const fail = (): Decimal => {
      throw new ConvergenceError("xirr", ErrorCode.NO_SIGN_CHANGE, "root outside searchable range", { iterations: 0 });
    };
    const r = simulateRepayment(advance, dayOne);
    const input = { ...r.summary, payments: [{ date: r.rows[0]!.date, amount: r.rows[0]!.payment.amount }] };
    const c = computeCost(input, undefined, { xirr: fail, aprRegZ: fail });
    expect([c.effectiveAnnualRate, c.effectiveAnnualRateUnavailable, c.apr, c.aprUnavailable]).toEqual([null, "no-rate-in-solver-range", null, "no-rate-in-solver-range"]);
    expect(c.financeCharge.amount.toString()).toBe("100");
  });
  it("a result that is not paid off has null rates with reason not-paid-off", () => {
    const c = costOfFinancing(simulateRepayment(advance, daily(1, "10")));
    expect([c.apr, c.aprUnavailable, c.effectiveAnnualRate, c.effectiveAnnualRateUnavailable]).toEqual([null, "not-paid-off", null, "not-paid-off"]);
  });
  it("a tampered result whose totals disagree throws UNDEFINED_RESULT from costOfFinancing", () => {
    const r = simulateRepayment(advance, dayOne);
    const tampered = { ...r, summary: { ...r.summary, totalPaid: usd("1200") } };
    expect(() => costOfFinancing(tampered)).toThrow(expect.objectContaining({ code: ErrorCode.UNDEFINED_RESULT, fn: "costOfFinancing" }));
    expect(() => costOfFinancing({ ...r, summary: {} } as never)).toThrow(ValidationTypeError);
    expect(() => costOfFinancing(r, { unitPeriod: "fortnight" as never })).toThrow(expect.objectContaining({ fn: "costOfFinancing", code: ErrorCode.UNKNOWN_OPTION }));
  });
  it("a copy of a result (not built by simulateRepayment) gives the same cost", () => {
    const sales = daily(300, "400");
    const r = simulateRepayment(salesBasedAdvance({ principal: usd("10000"), fee: 1500, holdbackRate: "0.1" }), sales);
    const a = costOfFinancing(r);
    const b = costOfFinancing({ ...r, rows: [...r.rows], summary: { ...r.summary } });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe("#11: zero cost gives exactly 0", () => {
  it("a zero-fee advance has APR and XIRR exactly 0", () => {
    const z = salesBasedAdvance({ principal: usd("1000"), fee: 0, holdbackRate: "0.1" });
    const c = costOfFinancing(simulateRepayment(z, daily(200, "317.13")));
    expect(c.apr?.toString()).toBe("0");
    expect(c.effectiveAnnualRate?.toString()).toBe("0");
    expect(c.apr?.isNegative()).toBe(false);
  });
});

describe("#11: arrays with holes are rejected", () => {
  it("simulatePortfolio([, loan]) throws instead of counting 2 loans", () => {
    // eslint-disable-next-line no-sparse-arrays
    const loans = [, { id: "a", sellerId: "s", product: advance }] as never;
    expect(() => simulatePortfolio(loans, { s: dayOne })).toThrow(expect.objectContaining({ code: ErrorCode.MISSING_VALUE, fn: "simulatePortfolio", argument: "loans[0]" }));
  });
  it("a sales series, scenarios and excludeMonths with holes throw MISSING_VALUE", () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [, dayOne[0]] as never;
    expect(() => simulateRepayment(advance, sparse)).toThrow(expect.objectContaining({ code: ErrorCode.MISSING_VALUE, fn: "simulateRepayment" }));
    // eslint-disable-next-line no-sparse-arrays
    expect(() => simulateSalesScenarios(advance, dayOne, { scenarios: [, { name: "a" }] as never })).toThrow(expect.objectContaining({ code: ErrorCode.MISSING_VALUE, fn: "simulateSalesScenarios" }));
    // eslint-disable-next-line no-sparse-arrays
    const mf = [, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as never;
    expect(() => simulateSalesScenarios(advance, dayOne, { scenarios: [{ name: "a", monthlyFactors: mf }] })).toThrow(expect.objectContaining({ code: ErrorCode.MISSING_VALUE }));
    // eslint-disable-next-line no-sparse-arrays
    const ex = [, "2023-01"] as never;
    expect(() => disclosure(advance, daily(365, "400", Date.UTC(2023, 0, 1)), { method: "historical", excludeMonths: ex })).toThrow(expect.objectContaining({ code: ErrorCode.MISSING_VALUE, fn: "disclosure" }));
  });
});

describe("#11: percent typos in rates and multiples", () => {
  it("revenueShareLoan({ repaymentCap: 140 }) is rejected with a hint to write 1.4", () => {
    expect(() => revenueShareLoan({ principal: usd("10000"), repaymentCap: 140, revenueShare: "0.1" })).toThrow(/repaymentCap must be ≥ 1 and ≤ 3 \(a percentage\? write 1\.4 for 140 %\)/);
    expect(revenueShareLoan({ principal: usd("10000"), repaymentCap: 3, revenueShare: "0.1" }).fee.amount.toString()).toBe("20000");
  });
  it.each([
    ["salesBasedAdvance factorRate", () => salesBasedAdvance({ principal: usd("1000"), factorRate: 113, holdbackRate: "0.1" }), /write 1\.13/],
    ["salesBasedAdvance holdbackRate", () => salesBasedAdvance({ principal: usd("1000"), fee: 1, holdbackRate: 15 }), /write 0\.15/],
    ["termLoan annualRate", () => termLoan({ principal: usd("1000"), annualRate: 9, termMonths: 12, startDate: "2024-01-01" }), /write 0\.09/],
    ["revenueShareLoan revenueShare", () => revenueShareLoan({ principal: usd("1000"), repaymentCap: "1.4", revenueShare: 6 }), /write 0\.06/],
    ["simulateSalesScenarios factor", () => simulateSalesScenarios(advance, dayOne, { scenarios: [{ name: "x", factor: 90 }] }), /write 0\.9/],
    ["sizeOffer factorRate", () => sizeOffer(dayOne, { shareOfTrailingSales: "0.08", factorRate: 110, targetTermDays: 30 }), /write 1\.1/],
  ])("%s rejects a percentage with a hint", (_name, call, hint) => {
    expect(call).toThrow(ValidationError);
    expect(call).toThrow(hint);
  });
});

describe("#11: currency mismatch names the row", () => {
  it("says the index and date of the sale in another currency", () => {
    const sales = [dayOne[0]!, { date: "2024-01-05", amount: money("1", "EUR") }];
    expect(() => simulateRepayment(advance, sales)).toThrow(CurrencyMismatchError);
    expect(() => simulateRepayment(advance, sales)).toThrow(/at sales\[1\] \(2024-01-05\)/);
    expect(() => disclosure(advance, sales, { method: "historical" })).toThrow(/at historicalSales\[1\] \(2024-01-05\)/);
  });
});

describe("#11: null options and unknown option keys", () => {
  it.each([
    ["simulateRepayment", () => simulateRepayment(advance, dayOne, null as never)],
    ["costOfFinancing", () => costOfFinancing(simulateRepayment(advance, dayOne), null as never)],
    ["simulateSalesScenarios", () => simulateSalesScenarios(advance, dayOne, null as never)],
    ["simulatePortfolio", () => simulatePortfolio([{ id: "a", sellerId: "s", product: advance }], { s: dayOne }, null as never)],
    ["disclosure", () => disclosure(advance, dayOne, null as never)],
    ["sizeOffer", () => sizeOffer(dayOne, null as never)],
    ["salesBasedAdvance", () => salesBasedAdvance(null as never)],
  ])("%s: null options throw a typed error naming it", (fn, call) => {
    expect(call).toThrow(expect.objectContaining({ fn }));
    expect(call).toThrow(ValidationTypeError);
  });
  it.each([
    ["simulateRepayment", () => simulateRepayment(advance, dayOne, { granularty: "day" } as never)],
    ["simulatePortfolio", () => simulatePortfolio([{ id: "a", sellerId: "s", product: advance }], { s: dayOne }, { includeLoan: false } as never)],
    ["simulatePortfolio", () => simulatePortfolio([{ id: "a", sellerId: "s", product: advance, fundedon: "2024-01-01" } as never], { s: dayOne })],
    ["salesBasedAdvance", () => salesBasedAdvance({ principal: usd("1000"), fee: 1, holdbackRate: "0.1", maxTermDay: 90 } as never)],
    ["termLoan", () => termLoan({ principal: usd("1000"), annualRate: "0.1", termMonths: 12, startDate: "2024-01-01", chargeShortfall: true } as never)],
    ["disclosure", () => disclosure(advance, dayOne, { method: "historical", month: 6 } as never)],
    ["sizeOffer", () => sizeOffer(dayOne, { shareOfTrailingSales: "0.08", factorRate: "1.1", targetTermDays: 30, maxHoldback: "0.2" } as never)],
    ["simulateSalesScenarios", () => simulateSalesScenarios(advance, dayOne, { scenarios: [{ name: "x", factors: 1 }] } as never)],
  ])("%s: an unknown key throws UNKNOWN_OPTION", (fn, call) => {
    expect(call).toThrow(expect.objectContaining({ fn, code: ErrorCode.UNKNOWN_OPTION }));
  });
  it("a product re-validated from its JSON form is accepted (derived keys are not unknown keys)", () => {
    const withMin = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1", minimumPayment: { rate: "0.1", everyDays: 60 } });
    const loan = termLoan({ principal: usd("1200"), annualRate: "0.1", termMonths: 12, startDate: "2024-01-01" });
    for (const p of [withMin, loan, revenueShareLoan({ principal: usd("1000"), repaymentCap: "1.2", revenueShare: "0.1" })]) {
      const plain = { ...p } as never;
      expect(JSON.stringify(simulateRepayment(plain, dayOne).summary)).toBe(JSON.stringify(simulateRepayment(p, dayOne).summary));
    }
  });
});

describe("#11: bounds checked before loops", () => {
  it("dates outside the years 0000–9999 are rejected before any loop", () => {
    expect(() => simulateRepayment(advance, [{ date: new Date(Date.UTC(275_000, 0, 1)), amount: usd("1") }])).toThrow(expect.objectContaining({ code: ErrorCode.OUT_OF_RANGE, fn: "simulateRepayment" }));
    expect(() => disclosure(advance, dayOne, { method: "historical", offerDate: new Date(8.64e15) })).toThrow(expect.objectContaining({ code: ErrorCode.OUT_OF_RANGE, fn: "disclosure" }));
    expect(() => termLoan({ principal: usd("1000"), annualRate: "0.1", termMonths: 12, startDate: new Date(-8.64e15) })).toThrow(expect.objectContaining({ code: ErrorCode.OUT_OF_RANGE }));
  });
  it("more than 1,000 scenarios are rejected before any run", () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ name: `s${i}` }));
    expect(() => simulateSalesScenarios(advance, dayOne, { scenarios: many })).toThrow(expect.objectContaining({ code: ErrorCode.OUT_OF_RANGE, fn: "simulateSalesScenarios" }));
  });
  it("every error of a hostile call is a library error naming the function", () => {
    const bad: unknown[] = [NaN, Infinity, -0, 1e308, 1e-320, "", " 12 ", null, {}, [], Symbol("x"), 10n, () => 1];
    for (const v of bad) {
      for (const [fn, call] of [
        ["simulateRepayment", () => simulateRepayment(advance, [{ date: v, amount: usd("1") }] as never)],
        ["simulateRepayment", () => simulateRepayment(advance, dayOne, { until: v } as never)],
        ["salesBasedAdvance", () => salesBasedAdvance({ principal: usd("1000"), fee: 1, holdbackRate: v } as never)],
        ["simulatePortfolio", () => simulatePortfolio([{ id: "a", sellerId: "s", product: advance }], { s: dayOne }, { includeLoans: v } as never)],
      ] as const) {
        try {
          call();
        } catch (e) {
          expect(isMarketplaceEconomicsError(e)).toBe(true);
          expect((e as { fn: string }).fn).toBe(fn);
        }
      }
    }
  });
});

describe("#11: a sale whose getter throws", () => {
  it("is a typed error naming the row, not the getter's own error", () => {
    const row = {
      get date(): never {
        throw new Error("boom");
      },
      amount: usd("1"),
    };
    expect(() => simulateRepayment(advance, [row] as never)).toThrow(expect.objectContaining({ fn: "simulateRepayment", argument: "sales[0]", code: ErrorCode.INVALID_TYPE }));
  });
});

describe("#11: last failures of the full hostile matrix on 906d76f", () => {
  it("auditOptInApr: a payoffDate that is not a Date is a typed error naming the field (was 'payoffDate.getTime is not a function')", async () => {
    const { auditOptInApr } = await import("./auditOptInApr.js");
    const result = simulateRepayment(salesBasedAdvance({ principal: usd("100"), fee: 10, holdbackRate: "0.1" }), daily(5, "400", Date.UTC(2024, 8, 2)));
    const options = { jurisdiction: "CA", periodEnd: "2024-12-31", everyMonths: 4 } as const;
    const good = auditOptInApr([{ id: "a-1", disclosedApr: "0.35", result }], options);
    expect(good.lines[0]?.payoffDate?.toISOString()).toBe(result.summary.payoffDate?.toISOString());
    expect(good.lines[0]?.payoffDate).not.toBe(result.summary.payoffDate);
    for (const bad of [-0, "abc", {}, undefined, new Proxy(new Date(0), {})]) {
      const tampered = { ...result, summary: { ...result.summary, payoffDate: bad } };
      expect(() => auditOptInApr([{ id: "a-1", disclosedApr: "0.35", result: tampered as never }], options)).toThrowError(
        expect.objectContaining({ fn: "auditOptInApr", argument: "financings[0].result.summary.payoffDate" }),
      );
    }
  });

  it("disclosure: a projectedSales given with the historical method is validated (NaN was accepted silently)", () => {
    const sales = daily(365, "400", Date.UTC(2023, 0, 1));
    expect(disclosure(advance, sales, { method: "historical", projectedSales: daily(30, "400", Date.UTC(2024, 0, 1)) }).method).toBe("historical");
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, new Date(Number.NaN)]) {
      expect(() => disclosure(advance, sales, { method: "historical", projectedSales: bad as never })).toThrowError(expect.objectContaining({ fn: "disclosure", argument: "options.projectedSales" }));
    }
  });
});
