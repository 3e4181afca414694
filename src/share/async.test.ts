/**
 * salesShareAsync and salesShareByPeriodAsync (#13, item 1): an async generator gives exactly the
 * synchronous result, read once; an error thrown by the iterable midway rejects unchanged; an
 * invalid sale closes the iterator and rejects with the typed error named after the function.
 * salesShare and salesShareByPeriod take sync iterables too.
 */
import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError, ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import { accumulateShare } from "./accumulateShare.js";
import { finalizeShare } from "./finalizeShare.js";
import { salesShare } from "./salesShare.js";
import { salesShareAsync } from "./salesShareAsync.js";
import { salesShareByPeriod } from "./salesShareByPeriod.js";
import { salesShareByPeriodAsync } from "./salesShareByPeriodAsync.js";
import type { MinorUnitSale, Sale } from "./types.js";

const sale = (sellerId: string, date: string, usd: string, units?: number): Sale => ({ sellerId, date: new Date(`${date}T00:00:00Z`), amount: money(usd, "USD"), ...(units === undefined ? {} : { units }) });
const sales: readonly Sale[] = [
  sale("smb-1", "2016-11-03", "40", 2),
  sale("big", "2017-01-04", "60", 1),
  sale("smb-2", "2017-02-01", "25.50", 3),
  sale("big", "2017-05-20", "74.50"),
  sale("smb-1", "2017-08-01", "-10"),
  sale("smb-2", "2017-08-02", "30"),
];
const segmentOf = (s: { sellerId: string }): "smb" | "other" => (s.sellerId.startsWith("smb") ? "smb" : "other");

function source<T>(items: readonly T[], options: { failAt?: number; error?: Error } = {}) {
  const state = { pulled: 0, started: 0, closed: false };
  async function* gen(): AsyncGenerator<T> {
    state.started += 1;
    try {
      for (let i = 0; i < items.length; i++) {
        if (i === options.failAt) throw options.error ?? new Error("read failed");
        await Promise.resolve();
        state.pulled += 1;
        yield items[i] as T;
      }
    } finally {
      state.closed = true;
    }
  }
  return { iterable: gen(), state };
}

const cases = [
  {
    name: "salesShareAsync",
    sync: (x: Iterable<Sale>) => salesShare(x, segmentOf, { precision: 6 }),
    async: (x: AsyncIterable<Sale> | Iterable<Sale>) => salesShareAsync(x, segmentOf, { precision: 6 }),
  },
  {
    name: "salesShareByPeriodAsync",
    sync: (x: Iterable<Sale>) => salesShareByPeriod(x, segmentOf, { period: "quarter", precision: 6 }),
    async: (x: AsyncIterable<Sale> | Iterable<Sale>) => salesShareByPeriodAsync(x, segmentOf, { period: "quarter", precision: 6 }),
  },
] as const;

describe("share …Async twins", () => {
  for (const c of cases) {
    describe(c.name, () => {
      it("gives exactly the synchronous result over an async generator, reading it once", async () => {
        const { iterable, state } = source(sales);
        expect(JSON.stringify(await c.async(iterable))).toBe(JSON.stringify(c.sync(sales)));
        expect(state).toEqual({ pulled: sales.length, started: 1, closed: true });
      });
      it("accepts an array and a sync iterable too (and the sync function takes a generator)", async () => {
        const want = JSON.stringify(c.sync(sales));
        expect(JSON.stringify(await c.async(sales))).toBe(want);
        expect(JSON.stringify(await c.async(new Set(sales)))).toBe(want);
        function* gen() {
          yield* sales;
        }
        expect(JSON.stringify(c.sync(gen()))).toBe(want);
      });
      it("rejects with the iterable's own error, unchanged, when it throws midway", async () => {
        const error = new Error("connection reset");
        const { iterable, state } = source(sales, { failAt: 3, error });
        await expect(c.async(iterable)).rejects.toBe(error);
        expect(state.pulled).toBe(3);
        expect(state.closed).toBe(true);
      });
      it("rejects with a typed error naming sales[2], and closes the iterator, on an invalid sale midway", async () => {
        const items = [sales[0], sales[1], { sellerId: "smb-9", date: new Date(Number.NaN), amount: money("1", "USD") }, ...sales.slice(2)] as Sale[];
        const { iterable, state } = source(items);
        const err = await c.async(iterable).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ValidationError);
        expect((err as Error).message.startsWith(`${c.name}: sales[2].date`)).toBe(true);
        expect(state.pulled).toBe(3);
        expect(state.closed).toBe(true);
      });
      it("rejects a non-iterable with a typed error", async () => {
        await expect(c.async(42 as never)).rejects.toBeInstanceOf(ValidationTypeError);
        await expect(c.async(undefined as never)).rejects.toBeInstanceOf(ValidationTypeError);
      });
      it("rejects mixed currencies", async () => {
        await expect(c.async(source([...sales, { sellerId: "x", date: new Date("2017-09-01T00:00:00Z"), amount: money("1", "EUR") }]).iterable)).rejects.toBeInstanceOf(CurrencyMismatchError);
      });
    });
  }

  it("values: SMB share overall and per quarter", async () => {
    const all = await salesShareAsync(source(sales).iterable, segmentOf, { precision: 4 });
    // smb: 40 + 25.50 − 10 + 30 = 85.50 of 220.00
    expect(all.bySegment["smb"]?.gmv.amount.toFixed(2)).toBe("85.50");
    expect(all.bySegment["smb"]?.gmvShare.toFixed(4)).toBe("0.3886");
    const rows = await salesShareByPeriodAsync(source(sales).iterable, segmentOf, { period: "quarter", precision: 4 });
    expect(rows.map((r) => [r.period, r.share.bySegment["smb"]?.gmv.amount.toFixed(2) ?? null])).toEqual([
      ["2016-Q4", "40.00"],
      ["2017-Q1", "25.50"],
      ["2017-Q2", null], // a period with only "other" sales
      ["2017-Q3", "20.00"],
    ]);
  });

  it("salesShareAsync takes minor-unit sales like accumulateShare", async () => {
    const minor: MinorUnitSale[] = [
      { sellerId: "smb-1", date: "2017-01-02", amountMinor: 1050 },
      { sellerId: "big", date: "2017-01-03", amountMinor: 2950n },
    ];
    const got = await salesShareAsync(source(minor).iterable, segmentOf, { currency: "USD", precision: 4 });
    expect(JSON.stringify(got)).toBe(JSON.stringify(finalizeShare(accumulateShare(minor, segmentOf, { currency: "USD", precision: 4 }))));
    expect(got.bySegment["smb"]?.gmvShare.toFixed(4)).toBe("0.2625");
  });

  it("options are validated before anything is read", async () => {
    const { iterable, state } = source(sales);
    await expect(salesShareByPeriodAsync(iterable, segmentOf, { period: "decade" as never })).rejects.toBeInstanceOf(ValidationError);
    expect(state.started).toBe(0);
  });
});
