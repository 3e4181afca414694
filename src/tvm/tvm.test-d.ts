import { describe, expectTypeOf, it } from "vitest";
import type { Decimal } from "decimal.js";
import { aprRegZ, type AprRegZInput, type AprUnitPeriod } from "./aprRegZ.js";
import { amortizationSchedule, type AmortizationSchedule } from "./amortizationSchedule.js";
import { irr } from "./irr.js";
import { npv } from "./npv.js";
import { pmt } from "./pmt.js";
import { rate } from "./rate.js";
import type { CashFlow } from "./types.js";
import { xirr, type XirrOptions } from "./xirr.js";
import { xirrRoots } from "./xirrRoots.js";
import { xnpv } from "./xnpv.js";
import type { DateInput, DayCountConvention } from "../time/types.js";
import type { AmountInput } from "../money/types.js";
import type { IrrRootPolicy } from "./types.js";

describe("tvm types", () => {
  it("returns Decimal from every rate and value function", () => {
    const flows: readonly CashFlow[] = [{ date: "2024-01-01", amount: -1 }];
    expectTypeOf(xirr(flows)).toEqualTypeOf<Decimal>();
    expectTypeOf(xnpv("0.1", flows)).toEqualTypeOf<Decimal>();
    expectTypeOf(irr([1, "2"])).toEqualTypeOf<Decimal>();
    expectTypeOf(npv(0.1, [1])).toEqualTypeOf<Decimal>();
    expectTypeOf(pmt(0.1, 10, 100)).toEqualTypeOf<Decimal>();
    expectTypeOf(rate(10, 0, -1, 2)).toEqualTypeOf<Decimal>();
    expectTypeOf(xirrRoots(flows)).toEqualTypeOf<readonly Decimal[]>();
    expectTypeOf(amortizationSchedule({ principal: 1, rate: 0, nper: 1 })).toEqualTypeOf<AmortizationSchedule>();
  });

  it("keeps the signatures the financing module relies on", () => {
    expectTypeOf(xirr).parameters.toEqualTypeOf<[flows: readonly CashFlow[], options?: XirrOptions]>();
    expectTypeOf(aprRegZ).parameter(0).toEqualTypeOf<AprRegZInput>();
    expectTypeOf<"month">().toMatchTypeOf<AprUnitPeriod>();
    expectTypeOf<{ weeks: 4 }>().toMatchTypeOf<AprUnitPeriod>();
    expectTypeOf<CashFlow["date"]>().toEqualTypeOf<DateInput>();
  });

  it("rejects misuse at compile time", () => {
    // @ts-expect-error dates are required
    xirr([{ amount: 1 }]);
    // @ts-expect-error unknown unit-period
    aprRegZ({ amountFinanced: 1, advanceDate: "2024-01-01", payments: [], unitPeriod: "fortnight" });
    // @ts-expect-error unknown convention
    npv(0.1, [1], { convention: "lotus" });
  });
});

describe("tvm 0.2.0 types", () => {
  it("takes AmountInput and returns Decimal from the Excel-parity functions", async () => {
    const { mirr } = await import("./mirr.js");
    const { ipmt } = await import("./ipmt.js");
    const { cumipmt } = await import("./cumipmt.js");
    const { effect } = await import("./effect.js");
    expectTypeOf(mirr).parameter(0).toEqualTypeOf<readonly AmountInput[]>();
    expectTypeOf(ipmt(0.01, 1, 12, 1000)).toEqualTypeOf<Decimal>();
    expectTypeOf(cumipmt(0.01, 12, 1000, 1, 12, { when: "begin" })).toEqualTypeOf<Decimal>();
    expectTypeOf(effect("0.05", 12)).toEqualTypeOf<Decimal>();
    expectTypeOf<CashFlow["amount"]>().toEqualTypeOf<AmountInput>();
  });

  it("types the root policy and the day count", () => {
    expectTypeOf<NonNullable<XirrOptions["root"]>>().toEqualTypeOf<IrrRootPolicy>();
    expectTypeOf<NonNullable<XirrOptions["dayCount"]>>().toEqualTypeOf<DayCountConvention>();
    // @ts-expect-error unknown root policy
    irr([-1, 2], { root: "first" });
    // @ts-expect-error irr has no dates, so no day count
    irr([-1, 2], { dayCount: "ACT/360" });
  });
});
