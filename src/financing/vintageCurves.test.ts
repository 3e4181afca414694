import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import { chainLadder } from "./chainLadder.js";
import { rollRates } from "./rollRates.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { vintageCurves } from "./vintageCurves.js";

const usd = (a: string) => money(a, "USD");
/** `n` days of `amount` from 2024-01-02 + `offset` days. */
function daily(n: number, amount: string, offset = 0) {
  return Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + offset + i)), amount: usd(amount) }));
}
const advance = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1" });

describe("vintageCurves", () => {
  it("sums repayments by funding month and months on book", () => {
    const v = vintageCurves(
      [
        { id: "a", sellerId: "s1", product: advance, fundedOn: "2024-01-01" },
        { id: "b", sellerId: "s2", product: advance, fundedOn: "2024-01-15" },
        { id: "c", sellerId: "s1", product: advance, fundedOn: "2024-02-01" },
      ],
      { s1: daily(200, "100", -1), s2: daily(200, "50", -1) },
      { asOf: "2024-04-20" },
    );
    expect(v.cohorts.map((c) => [c.vintage, c.loanCount, c.points.length])).toEqual([
      ["2024-01", 2, 3], // b reaches 3 months on book on 2024-04-15
      ["2024-02", 1, 2],
    ]);
    const jan = v.cohorts[0]!;
    // a: $10/day from Jan 1 (sales on the funding day itself are not collected) → Jan 2…Feb 1 = 31 days = $310;
    // b: $5/day Jan 16…Feb 15 = 31 days = $155 → $465 of $2,000
    expect(jan.points[0]!.repaid.amount.toString()).toBe("465");
    expect(jan.points[0]!.repaidRate.toString()).toBe("0.2325");
    expect(jan.principal.amount.toString()).toBe("2000");
    expect(jan.totalDue.amount.toString()).toBe("2200");
    // outstanding = 2,200 − 465
    expect(jan.points[0]!.outstanding.amount.toString()).toBe("1735");
  });
  it("draws a loss curve: charged off 180 days after the last payment, for the principal not recovered", () => {
    // sales for 30 days (Jan 2–31: $300 collected), then nothing
    const v = vintageCurves([{ id: "a", sellerId: "s", product: advance, fundedOn: "2024-01-01" }], { s: daily(30, "100") }, { asOf: "2024-09-01" });
    const pts = v.cohorts[0]!.points;
    // MOB 6 = 2024-07-01 is 152 days after Jan 31; MOB 7 = 2024-08-01 is 183 ≥ 180
    expect(pts.map((p) => p.states["charged-off"])).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
    expect(pts[6]!.chargedOff.amount.toString()).toBe("700");
    expect(pts[6]!.lossRate.toString()).toBe("0.7");
    expect(pts[7]!.repaid.amount.toString()).toBe("300");
  });
  it("puts a balance left after the maximum term past term, then charges it off", () => {
    const p = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1", maxTermDays: 90 });
    const v = vintageCurves([{ id: "a", sellerId: "s", product: p, fundedOn: "2024-01-01" }], { s: daily(300, "10") }, { asOf: "2024-06-01", states: { chargeOffAfterDaysPastTerm: 45 } });
    // term day = day 90 (2024-03-31); MOB 3 = 2024-04-01 (day 91): past term; MOB 4 = 2024-05-01 (day 121 ≥ 90 + 45? no, 31 days past) past term; MOB 5 = day 152: charged off
    expect(v.cohorts[0]!.points.map((x) => Object.entries(x.states).find(([, n]) => n === 1)![0])).toEqual(["current", "current", "past-term", "past-term", "charged-off"]);
    // the maturity balloon is owed, not collected: $1/day × 90 days collected by the term
    expect(v.cohorts[0]!.points[2]!.repaid.amount.toString()).toBe("90");
    expect(v.cohorts[0]!.points[4]!.chargedOff.amount.toString()).toBe("910");
  });
  it("groups by quarter and leaves out loans funded after asOf", () => {
    const v = vintageCurves(
      [
        { id: "a", sellerId: "s", product: advance, fundedOn: "2024-01-01" },
        { id: "b", sellerId: "s", product: advance, fundedOn: "2024-03-01" },
        { id: "c", sellerId: "s", product: advance, fundedOn: "2024-12-01" },
      ],
      { s: daily(300, "100") },
      { asOf: "2024-06-01", period: "quarter" },
    );
    expect(v.cohorts.map((c) => c.vintage)).toEqual(["2024-Q1"]);
    expect(v.cohorts[0]!.start.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(v.loanCount).toBe(2);
    expect(v.notYetFunded).toBe(1);
  });
  it("feeds chainLadder: cumulative repayments by cohort project to ultimate", () => {
    const loans = [0, 1, 2, 3].map((m) => ({ id: `l${m}`, sellerId: `s${m}`, product: advance, fundedOn: new Date(Date.UTC(2024, m, 1)) }));
    const sales = Object.fromEntries([0, 1, 2, 3].map((m) => [`s${m}`, Array.from({ length: 400 }, (_, i) => ({ date: new Date(Date.UTC(2024, m, 2 + i)), amount: usd(String(20 + 5 * m)) }))]));
    const v = vintageCurves(loans, sales, { asOf: "2024-06-01" });
    const cl = chainLadder(v.cohorts.map((c) => c.points.map((p) => p.repaid.amount)));
    expect(cl.origins.map((o) => o.age)).toEqual([4, 3, 2, 1]);
    expect(cl.origins[0]!.ultimate.toString()).toBe(v.cohorts[0]!.points[4]!.repaid.amount.toString());
  });
  describe("edge cases", () => {
    it("rejects an unknown vintage period, a missing asOf and bad state rules, naming the function and the option", () => {
      const l = [{ id: "a", sellerId: "s", product: advance }];
      const s = { s: daily(10, "1") };
      expect(() => vintageCurves(l, s, { asOf: "2024-02-01", period: "week" as never })).toThrow(/^vintageCurves: options.period must be one of/);
      expect(() => vintageCurves(l, s, {} as never)).toThrow(/^vintageCurves: options.asOf is required/);
      expect(() => vintageCurves(l, s, { asOf: "2024-02-01", states: { termDays: 1.5 } })).toThrow(/^vintageCurves: options.states.termDays/);
      expect(() => vintageCurves(l, s, { asOf: "2024-02-01", states: { late: 3 } as never })).toThrow(ValidationError);
    });
    it("reports an error of a loan's run under its own name and the loan's path", () => {
      const bad = [{ id: "a", sellerId: "s", product: { ...advance, holdbackRate: 2 } as never }];
      let err: unknown;
      try {
        vintageCurves(bad, { s: daily(10, "1") }, { asOf: "2024-02-01" });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).fn).toBe("vintageCurves");
      expect((err as ValidationError).message).toMatch(/^vintageCurves: loans\[0\]: /);
    });
  });
});

describe("rollRates", () => {
  const withMin = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1", minimumPayment: { rate: "0.2", everyDays: 60 } });
  it("counts month-to-month moves between states and their shares", () => {
    const r = rollRates(
      [
        { id: "a", sellerId: "good", product: withMin },
        { id: "b", sellerId: "weak", product: withMin },
      ],
      { good: daily(200, "100"), weak: daily(200, "10") },
      { asOf: "2024-07-01" },
    );
    // good: $10/day repays $1,100 on day 110 (MOB 4 paid off): current ×3, then → paid-off, paid-off → paid-off;
    // weak: $1/day misses the $220 minimum at day 60 (MOB 2) and every window after: current → behind, then behind ×4
    expect(r.counts).toEqual([
      [2, 1, 0, 0, 1],
      [0, 4, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 2],
    ]);
    expect(r.transitions).toBe(10);
    expect(r.rates[0]!.map((x) => x!.toString())).toEqual(["0.5", "0.25", "0", "0", "0.25"]);
    expect(r.rates[2]).toEqual([null, null, null, null, null]);
    // balance-weighted: the weak loan owed more than the good one when it rolled
    const cur = r.balanceRates[0]!.map((x) => x!);
    expect(cur.reduce((a, b) => a.plus(b)).toString()).toBe("1");
  });
  it("applies the behind rule given as an option", () => {
    const r = rollRates([{ id: "b", sellerId: "weak", product: withMin }], { weak: daily(200, "10") }, { asOf: "2024-07-01", states: { behindWithinDays: 1 } });
    // a shortfall only counts on its own day: behind only at MOB 2 (2024-03-01 = day 60, the first
    // window end), current again a month later (the next window ends on day 120, 2024-04-30)
    expect(r.counts[1]).toEqual([1, 0, 0, 0, 0]);
    expect(() => rollRates([{ id: "b", sellerId: "weak", product: withMin }], { weak: daily(2, "1") }, { asOf: "2024-07-01", states: { behindWithinDays: 0 } })).toThrow(
      /^rollRates: options.states.behindWithinDays/,
    );
  });
});
