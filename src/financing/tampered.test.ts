/**
 * #11: a product or repayment result that did not come from this module (a copy, parsed JSON)
 * carries no NaN, ±Infinity, non-finite Decimal, Invalid Date or hole, even in a field that is
 * recomputed or ignored; a Proxy-wrapped Date in a sales series and a Date in place of an
 * options object are typed errors. (Found by the hostile harness, test/hostile/.)
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationError, ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import { costOfFinancing } from "./costOfFinancing.js";
import { disclosure } from "./disclosure.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulatePortfolio } from "./simulatePortfolio.js";
import { simulateRepayment } from "./simulateRepayment.js";
import { simulateSalesScenarios } from "./simulateSalesScenarios.js";

const usd = (a: string | number) => money(a, "USD");
const daily = (n: number, amount: string, start = Date.UTC(2024, 0, 2)) => Array.from({ length: n }, (_, i) => ({ date: new Date(start + i * 86_400_000), amount: usd(amount) }));
const advance = salesBasedAdvance({ principal: usd("10000"), fee: 1500, holdbackRate: "0.1" });
const sales = daily(300, "400");

const failure = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError || e instanceof ValidationTypeError) return `${e.fn} ${e.code} ${e.argument}`;
    throw e;
  }
  return "no error";
};

describe("#11: tampered products and results", () => {
  it("a copied product with a non-finite derived field is rejected, naming the field", () => {
    expect(failure(() => simulateRepayment({ ...advance, totalRepayment: Number.NEGATIVE_INFINITY } as never, sales, { fundedOn: "2024-01-01" }))).toBe(
      `simulateRepayment ${ErrorCode.INVALID_NUMBER} product.totalRepayment`,
    );
    expect(
      failure(() => disclosure({ ...advance, totalRepayment: { amount: new Decimal(Number.POSITIVE_INFINITY), currency: "USD" } } as never, sales, { method: "historical", months: 6, offerDate: "2024-10-01" })),
    ).toBe(`disclosure ${ErrorCode.INVALID_NUMBER} offer.totalRepayment.amount`);
    const loan = (id: string, product: unknown) => ({ id, sellerId: "s1", product, fundedOn: "2024-01-01" });
    expect(
      failure(() => simulatePortfolio([loan("a", { ...advance, totalRepayment: { amount: new Decimal(11500), currency: Number.POSITIVE_INFINITY } })] as never, { s1: sales }, { until: "2024-12-31" })),
    ).toMatch(new RegExp(`^simulatePortfolio ${ErrorCode.INVALID_NUMBER} (loans\\[0\\]\\.)?product\\.totalRepayment\\.currency$`));
    // The copy with valid fields is still accepted (derived fields are recomputed).
    expect(simulateRepayment({ ...advance }, sales, { fundedOn: "2024-01-01" }).summary.paidOff).toBe(true);
  });

  it("a copied repayment result with NaN or an Invalid Date in a field costOfFinancing ignores is rejected", () => {
    const r = simulateRepayment(advance, sales, { fundedOn: "2024-01-01" });
    expect(costOfFinancing({ ...r }, { unitPeriod: "month" }).financeCharge.amount.toString()).toBe("1500");
    expect(failure(() => costOfFinancing({ ...r, product: Number.NaN } as never))).toBe(`costOfFinancing ${ErrorCode.INVALID_NUMBER} result.product`);
    expect(failure(() => costOfFinancing({ ...r, summary: { ...r.summary, totalHoldback: new Date(Number.NaN) } } as never))).toBe(`costOfFinancing ${ErrorCode.INVALID_DATE} result.summary.totalHoldback`);
    const rows = [...r.rows];
    rows[0] = { ...rows[0]!, topUp: { amount: new Decimal(0), currency: new Decimal(Number.NaN) } } as never;
    expect(failure(() => costOfFinancing({ ...r, rows } as never))).toBe(`costOfFinancing ${ErrorCode.INVALID_NUMBER} result.rows[0].topUp.currency`);
  });

  it("a Proxy-wrapped Date in a sales series is a typed error naming the row", () => {
    const bad = [{ date: new Proxy(new Date(Date.UTC(2024, 0, 2)), {}), amount: usd("400") }, ...sales.slice(1)];
    expect(failure(() => simulateRepayment(advance, bad, { fundedOn: "2024-01-01" }))).toBe(`simulateRepayment ${ErrorCode.INVALID_TYPE} sales[0].date`);
    expect(failure(() => simulateSalesScenarios(advance, bad))).toMatch(/^simulateSalesScenarios [A-Z_]+ sales\[0\]\.date$/);
  });

  it("a Date in place of an options object is INVALID_TYPE", () => {
    expect(failure(() => simulateRepayment(advance, sales, new Date(Number.NaN) as never))).toBe(`simulateRepayment ${ErrorCode.INVALID_TYPE} options`);
    const r = simulateRepayment(advance, sales, { fundedOn: "2024-01-01" });
    expect(failure(() => costOfFinancing(r, new Date(Number.NaN) as never))).toBe(`costOfFinancing ${ErrorCode.INVALID_TYPE} options`);
  });
});
