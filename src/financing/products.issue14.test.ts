import { describe, expect, it } from "vitest";
import { ValidationError, ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import { aprRegZ } from "../tvm/aprRegZ.js";
import { costOfFinancing } from "./costOfFinancing.js";
import { disclosure } from "./disclosure.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateRepayment } from "./simulateRepayment.js";
import { termLoan } from "./termLoan.js";

const usd = (a: string | number) => money(a, "USD");
const DAY = 86_400_000;
/** `n` days of `amount` from the day after 2024-01-01 (the funding day). */
function daily(n: number, amount: string) {
  const start = Date.UTC(2024, 0, 2);
  return Array.from({ length: n }, (_, i) => ({ date: new Date(start + i * DAY), amount: usd(amount) }));
}
const json = (x: unknown) => JSON.parse(JSON.stringify(x));
function caught(f: () => unknown): { name: string; code: string; fn: string; message: string } {
  try {
    f();
  } catch (e) {
    const err = e as { name: string; code: string; fn: string; message: string };
    return { name: err.name, code: err.code, fn: err.fn, message: err.message };
  }
  throw new Error("did not throw");
}

describe("holdback schedule by days (#14)", () => {
  it("10 % for the first 3 days, then 20 %: $30 then $20 a day, paid off on day 57", () => {
    // Hand count: days 1–3 collect 3 × $10 = $30; $1,070 left at $20 a day = 53 days ($1,060) + $10 on day 57.
    const a = salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.1", holdbackSchedule: [{ afterDays: 3, rate: "0.2" }] });
    expect(json(a.holdbackSchedule)).toEqual({ by: "days", steps: [{ afterDays: 3, repaidShare: null, repaidAmount: null, rate: "0.2" }] });
    const r = simulateRepayment(a, daily(100, "100"), { fundedOn: "2024-01-01" });
    expect(r.rows.slice(0, 5).map((x) => x.holdback.amount.toString())).toEqual(["10", "10", "10", "20", "20"]);
    expect(r.summary.daysToPayoff).toBe(57);
    expect(r.rows[56]!.holdback.amount.toString()).toBe("10");
    expect(r.summary.totalPaid.amount.toString()).toBe("1100");
  });
  it("runs identically on the Decimal engine and through a JSON copy of the product", () => {
    const a = salesBasedAdvance({
      principal: usd(1000),
      fee: 100,
      holdbackRate: "0.1",
      holdbackSchedule: [
        { afterDays: 3, rate: "0.2" },
        { afterDays: 10, rate: "0.3" },
      ],
    });
    const copy = json(a);
    expect(json(simulateRepayment(copy, daily(100, "100"), { fundedOn: "2024-01-01" }))).toEqual(json(simulateRepayment(a, daily(100, "100"), { fundedOn: "2024-01-01" })));
  });
});

describe("holdback schedule by share repaid (#14)", () => {
  it("10 % until half of $1,100 is repaid, then 20 %: 55 days + 28 days", () => {
    // $550 (= 0.5 × $1,100) at $10 a day takes 55 days; the remaining $550 at $20 a day 27.5 → 28 days.
    const a = salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.1", holdbackSchedule: [{ repaidShare: "0.5", rate: "0.2" }] });
    expect(a.holdbackSchedule?.steps[0]?.repaidAmount).toEqual(usd("550"));
    const r = simulateRepayment(a, daily(200, "100"), { fundedOn: "2024-01-01" });
    expect(r.rows[54]!.holdback.amount.toString()).toBe("10");
    expect(r.rows[55]!.holdback.amount.toString()).toBe("20");
    expect(r.summary.daysToPayoff).toBe(83);
  });
});

describe("remittance cap per period (#14)", () => {
  it("50 % of $100 capped at $20 a day: $1,100 in 55 days", () => {
    const a = salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.5", maxRemittance: 20 });
    expect(a.maxRemittance).toEqual(usd("20"));
    const r = simulateRepayment(a, daily(100, "100"), { fundedOn: "2024-01-01" });
    expect(r.summary.daysToPayoff).toBe(55);
    expect(new Set(r.rows.map((x) => x.holdback.amount.toString()))).toEqual(new Set(["20"]));
  });
  it("caps each collection period of the run's granularity (a week collects at most the cap)", () => {
    const a = salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.5", maxRemittance: 100 });
    const r = simulateRepayment(a, daily(200, "100"), { fundedOn: "2024-01-01", granularity: "week" });
    // 11 weeks of $100 repay $1,100 (2024-01-07 is the first Sunday; the first week has 6 days of sales, $300 × 0.5 capped at $100).
    expect(r.summary.daysToPayoff).toBe(76);
    expect(r.rows.every((x) => x.holdback.amount.lessThanOrEqualTo(100))).toBe(true);
  });
});

describe("term loan fees withheld at funding (#14)", () => {
  const loan = termLoan({ principal: usd("12000"), annualRate: "0.12", termMonths: 12, startDate: "2017-01-15", originationFee: 240, otherFees: [{ name: "documentation", amount: 60 }] });
  it("amount financed = principal − fees; finance charge = interest + fees", () => {
    expect(json(loan.fees)).toEqual([
      { name: "origination", amount: { amount: "240", currency: "USD" } },
      { name: "documentation", amount: { amount: "60", currency: "USD" } },
    ]);
    // Interest of the same loan without fees: $794.23 (termLoan's own example).
    expect(loan.interest).toEqual(usd("794.23"));
    expect(loan.amountFinanced).toEqual(usd("11700"));
    expect(loan.fee).toEqual(usd("1094.23"));
    expect(loan.totalRepayment).toEqual(usd("13094.23"));
  });
  it('a run collects the fees on the funding day (reason "fee") and prices them in the APR', () => {
    const sales = Array.from({ length: 400 }, (_, i) => ({ date: new Date(Date.UTC(2017, 0, 16) + i * DAY), amount: usd("2000") }));
    const r = simulateRepayment(loan, sales);
    expect(json(r.rows[0])).toMatchObject({ date: "2017-01-15T00:00:00.000Z", topUp: { amount: "300" }, topUpReason: "fee" });
    expect(r.summary.paidOff).toBe(true);
    expect(r.summary.totalPaid).toEqual(usd("13094.23"));
    const cost = costOfFinancing(r, { unitPeriod: "month" });
    // The same figure from aprRegZ on the amount financed ($11,700) and the 12 instalments (Reg Z App. J: prepaid finance charges reduce the amount financed).
    const direct = aprRegZ({ amountFinanced: "11700", advanceDate: "2017-01-15", payments: loan.instalments.map((k) => ({ date: k.dueDate, amount: k.amount.amount })), unitPeriod: "month" });
    expect(cost.apr?.toFixed(6)).toBe(direct.toFixed(6));
    // Independent check (bisection in Python, 200 halvings, on 11,700 = Σ A_k/(1+i)^k, A_1..11 = 1066.19, A_12 = 1066.14): 12 i = 16.836168 %.
    expect(direct.times(100).toFixed(4)).toBe("16.8362");
  });
  it("disclosure shows the amount financed as funding provided and the fees in the finance charge", () => {
    const later = termLoan({ principal: usd("12000"), annualRate: "0.12", termMonths: 12, startDate: "2024-01-15", originationFee: 240, otherFees: [{ name: "documentation", amount: 60 }] });
    const d = disclosure(later, [], { method: "historical", jurisdiction: "CA" });
    expect(d.fundingProvided).toEqual(usd("11700"));
    expect(d.estimatedFinanceCharge).toEqual(usd("1094.23"));
    // Monthly unit-periods: the same 12 unit-periods as the 2017 loan, so the same APR.
    expect(d.estimatedApr?.times(100).toFixed(4)).toBe("16.8362");
    expect(d.displayedApr).toBe("16.8%");
  });
  it("a JSON copy rebuilds the same loan", () => {
    expect(json(simulateRepayment(json(loan), []))).toEqual(json(simulateRepayment(loan, [])));
  });
});

describe("contradictory terms are typed errors (#14)", () => {
  it("a days schedule that goes backwards in time", () => {
    const e = caught(() =>
      salesBasedAdvance({
        principal: usd(1000),
        fee: 100,
        holdbackRate: "0.1",
        holdbackSchedule: [
          { afterDays: 30, rate: "0.2" },
          { afterDays: 10, rate: "0.3" },
        ],
      }),
    );
    expect(e).toMatchObject({ name: ValidationError.name, code: "INVALID_DATE_ORDER", fn: "salesBasedAdvance" });
    expect(e.message).toContain("holdbackSchedule[1].afterDays");
    expect(e.message).toContain("goes backwards in time");
    expect(e.message).toContain("an integer > 30");
  });
  it("a repaid schedule not ascending, mixed steps, a step with both or neither keys", () => {
    expect(
      caught(() =>
        salesBasedAdvance({
          principal: usd(1000),
          fee: 100,
          holdbackRate: "0.1",
          holdbackSchedule: [
            { repaidShare: "0.5", rate: "0.2" },
            { repaidShare: "0.5", rate: "0.3" },
          ],
        }),
      ),
    ).toMatchObject({
      code: "OUT_OF_RANGE",
      fn: "salesBasedAdvance",
    });
    expect(
      caught(() =>
        salesBasedAdvance({
          principal: usd(1000),
          fee: 100,
          holdbackRate: "0.1",
          holdbackSchedule: [
            { repaidShare: "0.5", rate: "0.2" },
            { afterDays: 9, rate: "0.3" },
          ],
        }),
      ).code,
    ).toBe("CONFLICTING_OPTIONS");
    expect(caught(() => salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.1", holdbackSchedule: [{ repaidShare: "0.5", afterDays: 9, rate: "0.2" }] })).code).toBe("CONFLICTING_OPTIONS");
    expect(caught(() => salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.1", holdbackSchedule: [{ rate: "0.2" } as never] }))).toMatchObject({
      name: ValidationTypeError.name,
      code: "MISSING_VALUE",
    });
    expect(caught(() => salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.1", holdbackSchedule: [] })).code).toBe("EMPTY_INPUT");
  });
  it("fees of at least the principal, a zero cap, a rebate above 1", () => {
    const e = caught(() => termLoan({ principal: usd(1000), annualRate: "0.1", termMonths: 12, startDate: "2024-01-01", originationFee: 1000 }));
    expect(e).toMatchObject({ code: "OUT_OF_RANGE", fn: "termLoan" });
    expect(e.message).toContain("originationFee");
    expect(caught(() => salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.1", maxRemittance: 0 })).code).toBe("OUT_OF_RANGE");
    expect(caught(() => salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.1", prepaymentFeeRebate: "1.5" })).code).toBe("OUT_OF_RANGE");
    expect(caught(() => termLoan({ principal: usd(1000), annualRate: "0.1", termMonths: 12, startDate: "2024-01-01", otherFees: [{ name: "", amount: 5 }] })).code).toBe("INVALID_TYPE");
  });
});

describe("a plain-data term loan's derived schedule is checked, not trusted (hostile matrix finding, session 4)", () => {
  const loan = termLoan({ principal: usd(12000), annualRate: "0.12", termMonths: 12, startDate: "2024-01-01" });
  it("a JSON copy with its instalments is accepted and rebuilt to the same schedule", () => {
    const copy = json(loan);
    expect(JSON.stringify(simulateRepayment(copy, daily(400, "50")))).toBe(JSON.stringify(simulateRepayment(loan, daily(400, "50"))));
  });
  it("a huge sparse instalments array throws OUT_OF_RANGE before any element is read", () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    sparse[5] = {};
    const e = caught(() => simulateRepayment({ ...json(loan), instalments: sparse }, daily(400, "50")));
    expect([e.name, e.code, e.fn]).toEqual(["ValidationError", "OUT_OF_RANGE", "simulateRepayment"]);
    expect(e.message).toMatch(/instalments/);
  });
  it("an instalments array with holes throws MISSING_VALUE", () => {
    const holes: unknown[] = [{}, {}];
    holes.length = 5;
    const e = caught(() => simulateRepayment({ ...json(loan), instalments: holes }, daily(400, "50")));
    expect([e.code, e.fn]).toEqual(["MISSING_VALUE", "simulateRepayment"]);
  });
});
