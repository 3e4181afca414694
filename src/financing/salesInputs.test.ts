/**
 * The sales shapes of #12: integer minor-unit rows, typed-array columns and iterables give the
 * same results as Money rows, and bad rows or columns throw typed errors naming the function and
 * the field.
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import { money } from "../money/money.js";
import { costOfFinancing } from "./costOfFinancing.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulatePortfolio } from "./simulatePortfolio.js";
import { simulateRepayment } from "./simulateRepayment.js";
import { termLoan } from "./termLoan.js";

const DAY = 86_400_000;
const D0 = Date.UTC(2024, 0, 2) / DAY;
const cents = Array.from({ length: 120 }, (_, i) => 10_000 + ((i * 7919) % 50_000) - (i % 17 === 0 ? 12_000 : 0));
const moneyRows = cents.map((c, i) => ({ date: new Date((D0 + i) * DAY), amount: money(new Decimal(c).div(100), "USD") }));
const advance = salesBasedAdvance({ principal: money("2000", "USD"), fee: 260, holdbackRate: "0.13", minimumPayment: { rate: "0.1", everyDays: 30 } });
const json = (x: unknown) => JSON.parse(JSON.stringify(x));

describe("sales shapes (#12)", () => {
  const base = json(simulateRepayment(advance, moneyRows));
  it("{ date, minor }, { day, minor }, columns (Float64Array and BigInt64Array) and a generator equal Money rows", () => {
    expect(base.summary.paidOff).toBe(true);
    expect(
      json(
        simulateRepayment(
          advance,
          cents.map((c, i) => ({ date: new Date((D0 + i) * DAY), minor: c })),
        ),
      ),
    ).toEqual(base);
    expect(
      json(
        simulateRepayment(
          advance,
          cents.map((c, i) => ({ day: D0 + i, minor: c })),
        ),
      ),
    ).toEqual(base);
    const days = Int32Array.from(cents, (_, i) => D0 + i);
    expect(json(simulateRepayment(advance, { days, minor: Float64Array.from(cents) }))).toEqual(base);
    expect(json(simulateRepayment(advance, { days, minor: BigInt64Array.from(cents, (c) => BigInt(c)) }))).toEqual(base);
    function* gen() {
      for (let i = 0; i < cents.length; i++) yield { day: D0 + i, minor: cents[i]! };
    }
    expect(json(simulateRepayment(advance, gen()))).toEqual(base);
  });

  it("sums several rows of one day, in every shape", () => {
    const split = cents.flatMap((c, i) => [
      { day: D0 + i, minor: Math.floor(c / 2) },
      { day: D0 + i, minor: c - Math.floor(c / 2) },
    ]);
    expect(json(simulateRepayment(advance, split))).toEqual(base);
    expect(json(simulateRepayment(advance, { days: split.map((r) => r.day), minor: split.map((r) => r.minor) }))).toEqual(base);
  });

  it("builds rows on first read, once, frozen", () => {
    const r = simulateRepayment(advance, moneyRows);
    const rows = r.rows;
    expect(Object.isFrozen(r)).toBe(true);
    expect(r.rows).toBe(rows);
    expect(Object.isFrozen(rows[0])).toBe(true);
    expect(rows.length).toBe(base.rows.length);
    expect({ ...r }.rows).toBe(rows);
  });

  it("a minor amount beyond 2^53 runs exactly on Decimal", () => {
    const big = salesBasedAdvance({ principal: money("100000000000000", "USD"), fee: 0, holdbackRate: "0.5" });
    const r = simulateRepayment(big, [{ day: D0, minor: 2n ** 60n }]);
    // 2^60 cents = 11529215046068469.76 USD; half of it is more than the balance: the balance is collected.
    expect(r.summary.totalPaid.amount.toString()).toBe("100000000000000");
    expect(r.rows[0]!.sales.amount.toString()).toBe("11529215046068469.76");
  });

  it("a term loan takes columns too", () => {
    const loan = termLoan({ principal: money("1200", "USD"), annualRate: "0.12", termMonths: 3, startDate: "2024-01-01" });
    const days = Int32Array.from(cents, (_, i) => D0 + i);
    expect(json(simulateRepayment(loan, { days, minor: Float64Array.from(cents) }))).toEqual(json(simulateRepayment(loan, moneyRows)));
  });

  it("rejects bad minor rows and columns with typed errors naming the field", () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        const x = e as { code: string; fn: string; argument: string };
        return `${x.fn} ${x.code} ${x.argument}`;
      }
      return "no error";
    };
    expect(err(() => simulateRepayment(advance, [{ day: D0, minor: 1.5 }]))).toBe(`simulateRepayment ${ErrorCode.OUT_OF_RANGE} sales[0].minor`);
    expect(err(() => simulateRepayment(advance, [{ day: D0, minor: Number.NaN }]))).toBe(`simulateRepayment ${ErrorCode.INVALID_NUMBER} sales[0].minor`);
    expect(err(() => simulateRepayment(advance, [{ day: D0, minor: "5" as never }]))).toBe(`simulateRepayment ${ErrorCode.INVALID_TYPE} sales[0].minor`);
    expect(err(() => simulateRepayment(advance, [{ day: 1.5, minor: 5 }]))).toBe(`simulateRepayment ${ErrorCode.INVALID_TYPE} sales[0].day`);
    expect(err(() => simulateRepayment(advance, [{ day: 9e6, minor: 5 }]))).toBe(`simulateRepayment ${ErrorCode.OUT_OF_RANGE} sales[0].day`);
    expect(
      err(() =>
        simulateRepayment(advance, [
          { day: D0 + 1, minor: 5 },
          { day: D0, minor: 5 },
        ]),
      ),
    ).toBe(`simulateRepayment ${ErrorCode.INVALID_DATE_ORDER} sales[1].day`);
    expect(err(() => simulateRepayment(advance, [{ day: D0, date: "2024-01-02", minor: 5 } as never]))).toBe(`simulateRepayment ${ErrorCode.CONFLICTING_OPTIONS} sales[0].day`);
    expect(err(() => simulateRepayment(advance, { days: Int32Array.of(D0), minor: Float64Array.of(1, 2) }))).toBe(`simulateRepayment ${ErrorCode.OUT_OF_RANGE} sales.minor`);
    expect(err(() => simulateRepayment(advance, { days: Int32Array.of(D0, D0 - 1), minor: Float64Array.of(1, 2) }))).toBe(`simulateRepayment ${ErrorCode.INVALID_DATE_ORDER} sales.days[1]`);
    expect(err(() => simulateRepayment(advance, { days: Int32Array.of(D0), minor: Float64Array.of(0.5) }))).toBe(`simulateRepayment ${ErrorCode.OUT_OF_RANGE} sales.minor[0]`);
    expect(err(() => simulateRepayment(advance, { days: "x", minor: [] } as never))).toBe(`simulateRepayment ${ErrorCode.INVALID_TYPE} sales.days`);
    function* boom(): Generator<{ day: number; minor: number }> {
      yield { day: D0, minor: 1 };
      throw new Error("disk");
    }
    expect(err(() => simulateRepayment(advance, boom()))).toBe(`simulateRepayment ${ErrorCode.INVALID_TYPE} sales`);
  });
});

describe("a result keeps its own copy of the sales (#12, lazy rows)", () => {
  it("rows read after the caller changed its typed arrays are those of the sales given", () => {
    const days = Int32Array.from(cents, (_, i) => D0 + i);
    const minor = Float64Array.from(cents);
    const expected = json(simulateRepayment(advance, moneyRows));
    const results = [
      simulateRepayment(advance, { days, minor }),
      simulateRepayment(
        advance,
        Array.from(cents, (c, i) => ({ day: D0 + i, minor: c })),
      ),
    ];
    // Many more one-off runs share the column slab with these results: none may overwrite them.
    for (let k = 0; k < 50; k++) simulateRepayment(advance, { days, minor: minor.map((c) => c + k) });
    minor.fill(0);
    days.fill(D0);
    for (const r of results) {
      expect(json(r)).toEqual(expected);
      // Day 1 is a refund (−2,000 cents): no holdback; day 2 sells 17,919 cents: 13 % = 2,329.47 → 2,329 cents.
      expect(r.rows[0]!.holdback.amount.toString()).toBe("0");
      expect(r.rows[1]!.holdback.amount.toString()).toBe("23.29");
      expect(r.summary.totalPaid.amount.toString()).toBe(expected.summary.totalPaid.amount);
    }
  });

  it("a spread copy of a result is not trusted as built: a changed total is an inconsistency", () => {
    const r = simulateRepayment(advance, moneyRows);
    const forged = { ...r, rows: r.rows, summary: { ...r.summary, totalPaid: money("1", "USD") } };
    expect(() => costOfFinancing(forged)).toThrow(expect.objectContaining({ code: ErrorCode.UNDEFINED_RESULT, fn: "costOfFinancing" }));
    expect(costOfFinancing(r).apr!.toString()).toBe(costOfFinancing(json(r)).apr!.toString());
  });
});

describe("simulatePortfolio streams each seller's series (#12)", () => {
  const loans = [
    { id: "a", sellerId: "s1", product: advance },
    { id: "b", sellerId: "s2", product: advance },
    { id: "c", sellerId: "s1", product: advance, fundedOn: "2024-01-20" },
  ];
  const base = json(simulatePortfolio(loans, { s1: moneyRows, s2: moneyRows.slice(0, 40) }));
  it("gives the same figures from columns, minor rows and a Map subclass building each series on demand", () => {
    expect(base.loanCount).toBe(3);
    const col = (n: number) => ({ days: Int32Array.from({ length: n }, (_, i) => D0 + i), minor: Float64Array.from(cents.slice(0, n)) });
    expect(json(simulatePortfolio(loans, { s1: col(120), s2: col(40) }))).toEqual(base);
    const asked: string[] = [];
    class OnDemand extends Map<string, Iterable<{ day: number; minor: number }>> {
      override has(id: string) {
        return id === "s1" || id === "s2";
      }
      override get(id: string) {
        asked.push(id);
        const n = id === "s1" ? 120 : 40;
        return (function* () {
          for (let i = 0; i < n; i++) yield { day: D0 + i, minor: cents[i]! };
        })();
      }
    }
    expect(json(simulatePortfolio(loans, new OnDemand()))).toEqual(base);
    // Each seller's series is asked for once, in first-loan order, even with two loans on s1.
    expect(asked).toEqual(["s1", "s2"]);
  });
});
