import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { ConvergenceError } from "../errors.js";
import { money } from "../money/money.js";
import { amortizationSchedule } from "./amortizationSchedule.js";
import { irr } from "./irr.js";
import { irrRoots } from "./irrRoots.js";
import { nper } from "./nper.js";
import { npv } from "./npv.js";
import { pmt } from "./pmt.js";
import { rate } from "./rate.js";
import { xirr } from "./xirr.js";
import { xirrRoots } from "./xirrRoots.js";
import { xnpv } from "./xnpv.js";

/** Code of the ConvergenceError thrown by f (fails the test when f does not throw one). */
function convergenceCode(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConvergenceError);
    return (e as ConvergenceError).code;
  }
  throw new Error("expected a ConvergenceError");
}

/** rate's equation fv + pv(1+r)^n + pmt(1+r·w)((1+r)^n - 1)/r, in 40 digits. */
function rateResidual(n: number, p: number, v: number, f: number, begin: boolean, r: Decimal): Decimal {
  const H = Decimal.clone({ precision: 40 });
  const rr = new H(r);
  const g = rr.plus(1).pow(n);
  return new H(f).plus(new H(v).times(g)).plus(
    new H(p)
      .times(begin ? rr.plus(1) : 1)
      .times(g.minus(1))
      .div(rr),
  );
}

describe("solver honesty (issue #11)", () => {
  it("irr rejects the spurious root of [1.25, -1, 1, 57 zeros, 1e9]: NPV is positive at every rate", () => {
    // issue #11: returned 1.0000002 under the old check |NPV| ≤ 1e-6 × Σ|flows|
    const v = [1.25, -1, 1, ...Array<number>(57).fill(0), 1e9];
    expect(convergenceCode(() => irr(v))).toBe("NO_SIGN_CHANGE");
    expect(irrRoots(v)).toEqual([]);
    // the NPV really is positive where the old answer was (exact 40-digit check)
    expect(npv("1.0000002", v).greaterThan(0.9)).toBe(true);
  });

  it("xirrRoots applies the same relative check to dated flows", () => {
    const flows = [1.25, -1, 1, 1e9].map((amount, i) => ({ date: new Date(Date.UTC(2020 + (i === 3 ? 60 : i), 0, 1)), amount }));
    for (const r of xirrRoots(flows)) expect(xnpv(r, flows).abs().lessThan(1e-6)).toBe(true);
  });

  it("rate finds 3.766 for rate(3, 699.34, -876.86, 0, begin) instead of the spurious -1", () => {
    const r = rate(3, 699.34, -876.86, 0, { when: "begin" });
    expect(r.toFixed(6)).toBe("3.766071");
    expect(rateResidual(3, 699.34, -876.86, 0, true, r).abs().lessThan(1e-9)).toBe(true);
  });

  it("rate(2, -90, 100, 0, begin) is 8 (the factor 1 + r of -100 % is no answer)", () => {
    // 100(1+r)² - 90(1+r)(2+r) = (1+r)(10r - 80)
    expect(rate(2, -90, 100, 0, { when: "begin" }).toNumber()).toBeCloseTo(8, 12);
  });

  it("rate(10, 1, 5, -1) throws: the residual only tends to 0 as the rate tends to -100 %", () => {
    expect(convergenceCode(() => rate(10, 1, 5, -1))).toBe("NO_SIGN_CHANGE");
  });

  it("rate(10, -1, 1, -100, begin) throws instead of returning 6.4e15", () => {
    expect(convergenceCode(() => rate(10, -1, 1, -100, { when: "begin" }))).toBe("NO_SIGN_CHANGE");
  });

  it("rate(14, -260, 1000, 3500) finds both close roots (0.10577 and 0.14230) by the guess", () => {
    expect(rate(14, -260, 1000, 3500).toFixed(5)).toBe("0.10577");
    expect(rate(14, -260, 1000, 3500, { guess: 0.2 }).toFixed(5)).toBe("0.14230");
    expect(irrRoots([1000, ...Array<number>(13).fill(-260), 3240]).map((r) => r.toFixed(5))).toEqual(["0.10577", "0.14230"]);
  });

  it("nper(1e-320, -100, 1000) is 10, not NaN", () => {
    expect(nper(1e-320, -100, 1000).toNumber()).toBeCloseTo(10, 12);
  });

  it("pmt(1e-320, 360, 200000) is -555.56, not -Infinity", () => {
    expect(pmt(1e-320, 360, 200000).toFixed(2)).toBe("-555.56");
  });

  it("amortizationSchedule at rate 2^53 returns instead of hanging", () => {
    const s = amortizationSchedule({ principal: 1000, rate: 2 ** 53, nper: 12 });
    expect(s.rows.at(-1)!.balance.toFixed(2)).toBe("0.00");
    // exact to the cent although the amounts have 22 digits
    expect(s.rows[0]!.interest.toFixed(2)).toBe("9007199254740992000.00");
    expect(Object.isFrozen(s)).toBe(true);
  });

  it("amortizationSchedule rejects amounts beyond exact 40-digit arithmetic", () => {
    expect(() => amortizationSchedule({ principal: 1e20, rate: 1e20, nper: 12 })).toThrow(/amortizationSchedule: input.rate/);
  });

  it("xnpv on 1e6 flows returns the exact 40-digit sum", () => {
    const DAY = 86_400_000;
    const n = 1_000_000;
    const flows = Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2000, 0, 1) + (i % 3650) * DAY), amount: (i % 7) - 3 + 0.01 }));
    const got = xnpv("0.05", flows);
    // reference: same-day sums (exact cents), then Σ sum_d · 1.05^(-d/365) in 60 digits
    const H = Decimal.clone({ precision: 60 });
    const sums = new Map<number, number>();
    for (let i = 0; i < n; i++) sums.set(i % 3650, (sums.get(i % 3650) ?? 0) + ((i % 7) - 3) * 100 + 1);
    const w = new H("1.05").pow(new H(-1).div(365));
    let ref = new H(0);
    for (const [d, cents] of sums) ref = ref.plus(new H(cents).div(100).times(w.pow(d)));
    expect(got.toSignificantDigits(25).toString()).toBe(ref.toSignificantDigits(25).toString());
  });

  it("xirr nets same-day Money legs exactly: -100.10, +1e16, -1e16, then +110.11 a year later gives 0.1", () => {
    const legs = [
      { date: "2023-01-01", amount: money("-100.10", "USD") },
      { date: "2023-01-01", amount: money("1e16", "USD") },
      { date: "2023-01-01", amount: money("-1e16", "USD") },
      { date: "2024-01-01", amount: money("110.11", "USD") },
    ];
    expect(xirr(legs).toString()).toBe("0.1");
  });

  it("never returns a rate at or below -100 %", () => {
    // the root is 1e-20 above -100 % (outside the float search range): the closed form in decimal
    const r = irr([-1, 1e-20]);
    expect(r.greaterThan(-1)).toBe(true);
    expect(r.plus(1).toString()).toBe("1e-20");
    // 1e-30 above -100 % does not fit the 28 significant digits returned: an error, never -1
    expect(convergenceCode(() => irr([-1, 1e-30]))).toBe("NOT_CONVERGED");
    for (const x of irrRoots([-1, 1e-30], { lower: "-0.99999999999999999999999" })) expect(x.greaterThan(-1)).toBe(true);
    expect(
      convergenceCode(() =>
        xirr([
          { date: "2024-01-01", amount: -1 },
          { date: "2024-01-02", amount: 1e-300 },
        ]),
      ),
    ).toBe("NOT_CONVERGED");
  });
});

describe("aprRegZ honesty (issue #11)", () => {
  it("a zero-cost advance has an APR of exactly 0", async () => {
    const { aprRegZ } = await import("./aprRegZ.js");
    const payments = Array.from({ length: 3 }, (_, k) => ({ date: new Date(Date.UTC(2024, 1 + k, 1)), amount: "0.1" }));
    expect(aprRegZ({ amountFinanced: "0.3", advanceDate: "2024-01-01", payments }).toString()).toBe("0");
    const daily = Array.from({ length: 100 }, (_, k) => ({ date: new Date(Date.UTC(2024, 0, 2 + k)), amount: 10 }));
    expect(aprRegZ({ amountFinanced: 1000, advanceDate: "2024-01-01", payments: daily }).toString()).toBe("0");
  });
});
