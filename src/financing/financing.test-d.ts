import type { Decimal } from "decimal.js";
import { describe, expectTypeOf, it } from "vitest";
import { money } from "../money/money.js";
import type { AmountInput, Money } from "../money/types.js";
import type { DateInput, Period } from "../time/types.js";
import type { AprUnitPeriod } from "../tvm/aprRegZ.js";
import type { Sale } from "../share/types.js";
import type { DisclosureOptions, FinancingDisclosure } from "./disclosure.js";
import { salesBasedAdvance, type SalesBasedAdvanceInput } from "./salesBasedAdvance.js";
import type { PortfolioLoan, SimulatePortfolioOptions } from "./simulatePortfolio.js";
import { simulateRepayment, type SimulateRepaymentOptions } from "./simulateRepayment.js";
import { sizeOffer, type SizeOfferPolicy } from "./sizeOffer.js";
import { termLoan, type TermLoanInput } from "./termLoan.js";
import type { FinancingGranularity, FinancingProduct, FinancingSale, RepaymentResult, SalesBasedAdvance, TermLoan, TermLoanSchedule } from "./types.js";

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
  it("period words are the time module's (#10)", () => {
    expectTypeOf<FinancingGranularity>().toEqualTypeOf<"day" | "week" | "month">();
    expectTypeOf<FinancingGranularity>().toExtend<Period>();
    expectTypeOf<TermLoanSchedule>().toEqualTypeOf<"month" | "biweek">();
    expectTypeOf<TermLoanSchedule>().toExtend<AprUnitPeriod>();
    expectTypeOf<FinancingDisclosure["estimatedPayment"]["frequency"]>().toEqualTypeOf<"day" | "month" | "biweek">();
    const a = salesBasedAdvance({ principal: money(1, "USD"), fee: 0, holdbackRate: "0.1" });
    simulateRepayment(a, [], { granularity: "week" });
    // @ts-expect-error renamed to "day" in 0.2.0
    simulateRepayment(a, [], { granularity: "daily" });
    // @ts-expect-error renamed to "month" in 0.2.0
    termLoan({ principal: money(1, "USD"), annualRate: 0, termMonths: 1, startDate: "2024-01-01", schedule: "monthly" });
    // @ts-expect-error renamed to "biweek" in 0.2.0
    termLoan({ principal: money(1, "USD"), annualRate: 0, termMonths: 1, startDate: "2024-01-01", schedule: "every-14-days" });
  });
  it("dates are DateInput and money-or-number amounts AmountInput (#10)", () => {
    expectTypeOf<FinancingSale["date"]>().toEqualTypeOf<DateInput>();
    expectTypeOf<SimulateRepaymentOptions["fundedOn"]>().toEqualTypeOf<DateInput | undefined>();
    expectTypeOf<SimulateRepaymentOptions["until"]>().toEqualTypeOf<DateInput | undefined>();
    expectTypeOf<SimulatePortfolioOptions["until"]>().toEqualTypeOf<DateInput | undefined>();
    expectTypeOf<PortfolioLoan["fundedOn"]>().toEqualTypeOf<DateInput | undefined>();
    expectTypeOf<DisclosureOptions["offerDate"]>().toEqualTypeOf<DateInput | undefined>();
    expectTypeOf<SizeOfferPolicy["asOf"]>().toEqualTypeOf<DateInput | undefined>();
    expectTypeOf<TermLoanInput["startDate"]>().toEqualTypeOf<DateInput>();
    expectTypeOf<SalesBasedAdvanceInput["fee"]>().toEqualTypeOf<AmountInput | undefined>();
    expectTypeOf<SizeOfferPolicy["maxPrincipal"]>().toEqualTypeOf<AmountInput | undefined>();
    expectTypeOf<SizeOfferPolicy["minPrincipal"]>().toEqualTypeOf<AmountInput | undefined>();
    expectTypeOf<SizeOfferPolicy["principalStep"]>().toEqualTypeOf<AmountInput | undefined>();
  });
  it("inputs reject the wrong kinds", () => {
    // @ts-expect-error principal must be Money
    salesBasedAdvance({ principal: 1000, fee: 0, holdbackRate: "0.1" });
    // @ts-expect-error policy needs targetTermDays
    sizeOffer([], { shareOfTrailingSales: "0.1", factorRate: "1.1" });
  });
});
