/**
 * The result shape of src/financing/_lib/run.ts (#12): `rows` is one shared enumerable getter on
 * every result (not a closure per result), the key order and JSON are those of a data property,
 * the rows are built once and frozen; a result keeps a private copy of its series (the caller's
 * columns may change afterwards); and the run buffer shared by one-off runs is not clobbered by a
 * run that an input's getter starts in the middle of another.
 */
import { describe, expect, it } from "vitest";
import { Decimal } from "../../_lib/decimal.js";
import { makeMoney } from "../../_lib/money.js";
import { salesBasedAdvance } from "../salesBasedAdvance.js";
import { simulateRepayment } from "../simulateRepayment.js";
import { termLoan } from "../termLoan.js";
import { costOfFinancing } from "../costOfFinancing.js";

const money = (amount: string, currency: string) => makeMoney(new Decimal(amount), currency);
const D0 = Date.UTC(2024, 0, 2) / 86_400_000;
const advance = salesBasedAdvance({ principal: money("1000", "USD"), fee: 150, holdbackRate: "0.1" });
const columns = (n: number, cents: (i: number) => number, step = 1) => ({ days: Int32Array.from({ length: n }, (_, i) => D0 + step * i), minor: Float64Array.from({ length: n }, (_, i) => cents(i)) });

describe("repayment results", () => {
  it("share one enumerable rows getter, in the key order of a data property", () => {
    const a = simulateRepayment(
      advance,
      columns(30, () => 40_000),
    );
    const b = simulateRepayment(
      advance,
      columns(10, (i) => 1000 * i),
    );
    expect(Object.keys(a)).toEqual(["product", "currency", "rounding", "rows", "summary"]);
    const da = Object.getOwnPropertyDescriptor(a, "rows")!;
    const db = Object.getOwnPropertyDescriptor(b, "rows")!;
    expect(da.get).toBeTypeOf("function");
    expect(da.get).toBe(db.get);
    expect(da.enumerable).toBe(true);
    expect(da.configurable).toBe(false);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a.rows).toBe(a.rows);
    expect(Object.isFrozen(a.rows)).toBe(true);
    expect(a.rows).toHaveLength(29); // paid off on day 29 (1150 / 40)
    expect(b.rows).toHaveLength(10);
    const json = JSON.parse(JSON.stringify(a)) as { rows: unknown[]; summary: { totalPaid: { amount: string } } };
    expect(Object.keys(json)).toEqual(["product", "currency", "rounding", "rows", "summary"]);
    expect(json.rows).toHaveLength(29);
    expect(json.summary.totalPaid.amount).toBe("1150");
    expect({ ...a }.rows).toBe(a.rows);
  });

  it("answer rows through an object inheriting from a result, and throw a TypeError on a foreign receiver", () => {
    const a = simulateRepayment(
      advance,
      columns(5, () => 40_000),
    );
    const child = Object.create(a) as typeof a;
    expect(child.rows).toBe(a.rows);
    const get = Object.getOwnPropertyDescriptor(a, "rows")!.get!;
    expect(() => get.call({})).toThrow(TypeError);
    expect(() => get.call(undefined)).toThrow(TypeError);
    expect(() => get.call({ ...a })).toThrow(TypeError);
  });

  it("keep a private copy of the series: changing the caller's columns afterwards changes nothing", () => {
    for (const step of [1, 3]) {
      const c = columns(40, (i) => 5000 + 100 * i, step);
      const r = simulateRepayment(advance, c);
      const want = JSON.stringify(
        simulateRepayment(
          advance,
          columns(40, (i) => 5000 + 100 * i, step),
        ),
      );
      c.minor.fill(1);
      c.days.fill(D0);
      // Another run in between reuses the shared run buffer.
      simulateRepayment(
        advance,
        columns(40, () => 7),
      );
      expect(JSON.stringify(r)).toBe(want);
      expect(costOfFinancing(r).totalPaid.amount.toString()).toBe(r.summary.totalPaid.amount.toString());
    }
  });

  it("keep a private copy of `{ day, minor }` and Money rows too, with same-day entries summed and gaps between days", () => {
    // Days D0, D0, D0 + 1, D0 + 5, D0 + 6, ...: two entries on the first day (summed), then a gap.
    const dayOf = (i: number) => (i < 2 ? D0 : D0 + i + (i > 2 ? 2 : -1));
    const make = () => Array.from({ length: 40 }, (_, i) => ({ day: dayOf(i), minor: 5000 + 100 * i }));
    const moneyRows = () => make().map((r) => ({ date: new Date(r.day * 86_400_000), amount: money(new Decimal(r.minor).div(100).toString(), "USD") }));
    for (const build of [make, moneyRows] as const) {
      const input = build();
      const r = simulateRepayment(advance, input);
      const want = JSON.stringify(simulateRepayment(advance, build()));
      for (const row of input as { minor?: number; amount?: unknown }[]) {
        if ("minor" in row) row.minor = 1;
        else row.amount = money("0.01", "USD");
      }
      // Another run in between reuses the shared run buffer.
      simulateRepayment(advance, make().slice(0, 5));
      expect(JSON.stringify(r)).toBe(want);
      expect(r.rows[0]!.sales.amount.toString()).toBe("101"); // 50.00 + 51.00 on the first day
      expect(r.rows[2]!.date.getTime()).toBe((D0 + 5) * 86_400_000); // the gap after D0 + 1
    }
  });

  it("keep the rows of a term loan and of a long series (typed copies) as well", () => {
    const loan = termLoan({ principal: money("1200", "USD"), annualRate: 0, termMonths: 3, startDate: "2024-01-01", schedule: "month" });
    const c = columns(120, () => 20_000);
    const r = simulateRepayment(loan, c);
    const want = JSON.stringify(
      simulateRepayment(
        loan,
        columns(120, () => 20_000),
      ),
    );
    c.minor.fill(0);
    expect(JSON.stringify(r)).toBe(want);
    const long = columns(10_000, (i) => (i % 7) * 10);
    const big = salesBasedAdvance({ principal: money("100000", "USD"), fee: 0, holdbackRate: "0.5" });
    const rl = simulateRepayment(big, long);
    const wantLong = JSON.stringify(
      simulateRepayment(
        big,
        columns(10_000, (i) => (i % 7) * 10),
      ),
    );
    long.minor.fill(0);
    expect(JSON.stringify(rl)).toBe(wantLong);
  });

  it("are not clobbered by a run started from an option getter in the middle of another", () => {
    const sales = columns(60, (i) => 3000 + 37 * i);
    const want = JSON.stringify(
      simulateRepayment(
        advance,
        columns(60, (i) => 3000 + 37 * i),
      ),
    );
    let inner = "";
    const options = {
      get granularity() {
        // Reads other sales into a buffer while the outer run holds the shared one.
        inner = JSON.stringify(
          simulateRepayment(
            advance,
            columns(90, () => 99_999),
          ),
        );
        return "day" as const;
      },
    };
    const outer = simulateRepayment(advance, sales, options);
    expect(JSON.stringify(outer)).toBe(want);
    expect(inner).toBe(
      JSON.stringify(
        simulateRepayment(
          advance,
          columns(90, () => 99_999),
        ),
      ),
    );
    // And the shared buffer is given back: the next one-off run is still right.
    expect(
      JSON.stringify(
        simulateRepayment(
          advance,
          columns(60, (i) => 3000 + 37 * i),
        ),
      ),
    ).toBe(want);
  });

  it("give the buffer back when a run throws", () => {
    expect(() =>
      simulateRepayment(
        advance,
        columns(3, () => 1),
        { until: "1999-01-01" },
      ),
    ).toThrow();
    expect(
      simulateRepayment(
        advance,
        columns(29, () => 40_000),
      ).summary.paidOff,
    ).toBe(true);
  });
});
