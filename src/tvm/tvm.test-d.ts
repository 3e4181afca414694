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
import type { DateInput } from "../time/types.js";

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
