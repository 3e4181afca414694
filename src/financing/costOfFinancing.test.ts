import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import { costOfFinancing } from "./costOfFinancing.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateRepayment } from "./simulateRepayment.js";

const usd = (a: string | number) => money(a, "USD");
function daily(start: string, n: number, amount: string) {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => ({ date: new Date(t0 + i * 86_400_000), amount: usd(amount) }));
}

describe("costOfFinancing", () => {
  const advance = salesBasedAdvance({ principal: usd("10000"), fee: 1500, holdbackRate: "0.1" });
  it("prices the worked example: factor 1.15, APR 36.24 %, XIRR 43.65 %", () => {
    const cost = costOfFinancing(simulateRepayment(advance, daily("2024-01-02", 365, "400")));
    expect(cost.factorRate.toString()).toBe("1.15");
    expect(cost.financeCharge.amount.toString()).toBe("1500");
    // Independent check (bisection in Python): daily rate i with
    // 10000 = Σ_{k=1..287} 40/(1+i)^k + 20/(1+i)^288 → i = 0.000992873587…;
    // Reg Z App. J with a one-day unit period: APR = 365 i = 0.362398859…;
    // XIRR (ACT/365F): (1 + i)^365 − 1 = 0.436513604…
    expect(cost.apr!.toDecimalPlaces(6).toString()).toBe("0.362399");
    expect(cost.effectiveAnnualRate!.toDecimalPlaces(6).toString()).toBe("0.436514");
  });
  it("APR is higher when the same fee is repaid faster", () => {
    const fast = costOfFinancing(simulateRepayment(advance, daily("2024-01-02", 365, "800")));
    const slow = costOfFinancing(simulateRepayment(advance, daily("2024-01-02", 365, "400")));
    expect(fast.apr!.gt(slow.apr!)).toBe(true);
    expect(fast.factorRate.eq(slow.factorRate)).toBe(true);
  });
  it("a zero-fee advance costs nothing", () => {
    const free = salesBasedAdvance({ principal: usd("1000"), fee: 0, holdbackRate: "0.1" });
    const cost = costOfFinancing(simulateRepayment(free, daily("2024-01-02", 100, "400")));
    expect(cost.apr!.abs().lt(new Decimal("1e-9"))).toBe(true);
    expect(cost.effectiveAnnualRate!.isZero()).toBe(true);
  });
  it("returns null rates when the simulation did not repay", () => {
    const cost = costOfFinancing(simulateRepayment(advance, daily("2024-01-02", 30, "400")));
    expect(cost.paidOff).toBe(false);
    expect(cost.apr).toBeNull();
    expect(cost.effectiveAnnualRate).toBeNull();
    expect(cost.financeCharge.amount.toString()).toBe("1500");
  });
  it("rejects what is not a result", () => {
    expect(() => costOfFinancing(null as never)).toThrow(ValidationTypeError);
    expect(() => costOfFinancing({} as never)).toThrow(/^costOfFinancing: /);
  });
});
