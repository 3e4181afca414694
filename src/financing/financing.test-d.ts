import type { Decimal } from "decimal.js";
import { describe, expectTypeOf, it } from "vitest";
import { money } from "../money/money.js";
import type { Money } from "../money/types.js";
import type { Sale } from "../share/types.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateRepayment } from "./simulateRepayment.js";
import { sizeOffer } from "./sizeOffer.js";
import { termLoan } from "./termLoan.js";
import type { FinancingProduct, FinancingSale, RepaymentResult, SalesBasedAdvance, TermLoan } from "./types.js";

describe("financing types", () => {
  it("products are discriminated by kind", () => {
    const a = salesBasedAdvance({ principal: money(1, "USD"), fee: 0, holdbackRate: "0.1" });
    expectTypeOf(a).toEqualTypeOf<SalesBasedAdvance>();
    expectTypeOf(a.kind).toEqualTypeOf<"sales-based-advance">();
    expectTypeOf(a.holdbackRate).toEqualTypeOf<Decimal>();
    expectTypeOf(a).toExtend<FinancingProduct>();
    expectTypeOf(termLoan({ principal: money(1, "USD"), annualRate: 0, termMonths: 1, startDate: "2024-01-01" })).toEqualTypeOf<TermLoan>();
  });
  it("simulateRepayment returns a readonly result", () => {
    const a = salesBasedAdvance({ principal: money(1, "USD"), fee: 0, holdbackRate: "0.1" });
    const r = simulateRepayment(a, []);
    expectTypeOf(r).toEqualTypeOf<RepaymentResult>();
    expectTypeOf(r.summary.payoffDate).toEqualTypeOf<Date | null>();
    expectTypeOf(r.rows[0]!.balance).toEqualTypeOf<Money>();
    // @ts-expect-error rows are readonly
    r.rows.push(r.rows[0]!);
    // @ts-expect-error unknown granularity
    simulateRepayment(a, [], { granularity: "hourly" });
  });
  it("a share-module Sale is a FinancingSale", () => {
    expectTypeOf<Sale>().toExtend<FinancingSale>();
    expectTypeOf<readonly Sale[]>().toExtend<Parameters<typeof simulateRepayment>[1]>();
  });
  it("inputs reject the wrong kinds", () => {
    // @ts-expect-error principal must be Money
    salesBasedAdvance({ principal: 1000, fee: 0, holdbackRate: "0.1" });
    // @ts-expect-error policy needs targetTermDays
    sizeOffer([], { shareOfTrailingSales: "0.1", factorRate: "1.1" });
  });
});
