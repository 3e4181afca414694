/**
 * The `…Async` twins of the counting and aggregating functions of sellers (#13, item 1): an async
 * generator gives exactly the synchronous result, the input is read once, an error thrown by the
 * iterable midway rejects unchanged, and an invalid record closes the iterator and rejects with
 * the typed error named after the async function.
 */
import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError, ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import type { Sale } from "../share/types.js";
import { cohortsByPeriod } from "./cohortsByPeriod.js";
import { cohortsByPeriodAsync } from "./cohortsByPeriodAsync.js";
import { cohortSurvival } from "./cohortSurvival.js";
import { cohortSurvivalAsync } from "./cohortSurvivalAsync.js";
import { countNewSellers } from "./countNewSellers.js";
import { countNewSellersAsync } from "./countNewSellersAsync.js";
import { countSellersAboveSales } from "./countSellersAboveSales.js";
import { countSellersAboveSalesAsync } from "./countSellersAboveSalesAsync.js";
import { countSellersByCountry } from "./countSellersByCountry.js";
import { countSellersByCountryAsync } from "./countSellersByCountryAsync.js";
import { createSeller } from "./createSeller.js";
import { salesBrackets } from "./salesBrackets.js";
import { salesBracketsAsync } from "./salesBracketsAsync.js";
import { sumSalesBySeller } from "./sumSalesBySeller.js";
import { sumSalesBySellerAsync } from "./sumSalesBySellerAsync.js";
import { tallySurvival, type SurvivalObservation } from "./tallySurvival.js";
import { tallySurvivalAsync } from "./tallySurvivalAsync.js";
import type { Seller } from "./types.js";

const y2017 = { start: "2017-01-01", end: "2018-01-01" };
const sale = (sellerId: string, date: string, usd: string, currency = "USD"): Sale => ({ sellerId, date: new Date(`${date}T00:00:00Z`), amount: money(usd, currency) });

const sellers: readonly Seller[] = [
  createSeller({ id: "a", joinedOn: "2016-12-31", country: "US" }),
  createSeller({ id: "b", joinedOn: "2017-01-01", country: "US", leftOn: "2017-03-10" }),
  createSeller({ id: "c", joinedOn: "2017-06-01", country: "DE" }),
  createSeller({ id: "c", joinedOn: "2017-07-01", country: "DE" }), // duplicate id
  createSeller({ id: "d", joinedOn: "2017-12-31" }),
  createSeller({ id: "e", joinedOn: "2018-01-01", country: "FR" }),
];
const sales: readonly Sale[] = [
  sale("a", "2017-03-01", "700000"),
  sale("a", "2017-10-01", "400000"),
  sale("b", "2017-05-01", "1000000"),
  sale("c", "2017-06-01", "20000"),
  sale("c", "2017-07-01", "-5000"), // refund
  sale("d", "2018-01-01", "3000000"),
];
const observations: readonly SurvivalObservation[] = [
  { time: 6, event: true },
  { time: 6, event: false },
  { time: 10, event: true },
  { time: 12, event: false },
];
const bounds = [money("100000", "USD"), money("1000000", "USD")];

/** An async generator over `items` that counts pulls and records whether its `finally` ran. */
function source<T>(items: readonly T[], options: { failAt?: number; error?: Error } = {}) {
  const state = { pulled: 0, started: 0, closed: false };
  async function* gen(): AsyncGenerator<T> {
    state.started += 1;
    try {
      for (let i = 0; i < items.length; i++) {
        if (i === options.failAt) throw options.error ?? new Error("disk read failed");
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

interface Case {
  readonly name: string;
  readonly items: readonly unknown[];
  readonly sync: (input: Iterable<never>) => unknown;
  readonly async: (input: AsyncIterable<never> | Iterable<never>) => Promise<unknown>;
  /** A record that fails validation, and the path the error names. */
  readonly bad: unknown;
}

const cases: readonly Case[] = [
  { name: "countNewSellersAsync", items: sellers, sync: (x) => countNewSellers(x, y2017), async: (x) => countNewSellersAsync(x, y2017), bad: { id: "z", joinedOn: "2017-01-01" } },
  { name: "countSellersByCountryAsync", items: sellers, sync: (x) => countSellersByCountry(x, y2017), async: (x) => countSellersByCountryAsync(x, y2017), bad: { id: "", joinedOn: new Date(0) } },
  { name: "cohortsByPeriodAsync", items: sellers, sync: (x) => cohortsByPeriod(x, "quarter"), async: (x) => cohortsByPeriodAsync(x, "quarter"), bad: null },
  {
    name: "cohortSurvivalAsync",
    items: sellers,
    sync: (x) => cohortSurvival(x, { period: "month", asOf: "2017-12-31" }),
    async: (x) => cohortSurvivalAsync(x, { period: "month", asOf: "2017-12-31" }),
    bad: { id: "z", joinedOn: new Date(Number.NaN) },
  },
  {
    name: "countSellersAboveSalesAsync",
    items: sales,
    sync: (x) => countSellersAboveSales(x, money("1000000", "USD"), y2017),
    async: (x) => countSellersAboveSalesAsync(x, money("1000000", "USD"), y2017),
    bad: { sellerId: "a", date: "2017-02-30", amount: money("1", "USD") },
  },
  { name: "sumSalesBySellerAsync", items: sales, sync: (x) => sumSalesBySeller(x, y2017), async: (x) => sumSalesBySellerAsync(x, y2017), bad: { sellerId: "a", date: "2017-01-02", amount: "12" } },
  {
    name: "salesBracketsAsync",
    items: sales,
    sync: (x) => salesBrackets(x, bounds, { interval: y2017 }),
    async: (x) => salesBracketsAsync(x, bounds, { interval: y2017 }),
    bad: { sellerId: 7, date: "2017-01-02", amount: money("1", "USD") },
  },
  { name: "tallySurvivalAsync", items: observations, sync: (x) => tallySurvival(x), async: (x) => tallySurvivalAsync(x), bad: { time: -1, event: true } },
];

describe("sellers …Async twins", () => {
  for (const c of cases) {
    describe(c.name, () => {
      it("gives exactly the synchronous result over an async generator, reading it once", async () => {
        const { iterable, state } = source(c.items);
        const got = await c.async(iterable as AsyncIterable<never>);
        expect(JSON.stringify(got)).toBe(JSON.stringify(c.sync(c.items as Iterable<never>)));
        expect(state).toEqual({ pulled: c.items.length, started: 1, closed: true });
      });
      it("accepts an array and a sync iterable too", async () => {
        const want = JSON.stringify(c.sync(c.items as Iterable<never>));
        expect(JSON.stringify(await c.async(c.items as never))).toBe(want);
        expect(JSON.stringify(await c.async(new Set(c.items) as never))).toBe(want);
      });
      it("rejects with the iterable's own error, unchanged, when it throws midway", async () => {
        const error = new Error("cursor closed by the server");
        const { iterable, state } = source(c.items, { failAt: 2, error });
        await expect(c.async(iterable as AsyncIterable<never>)).rejects.toBe(error);
        expect(state.pulled).toBe(2);
        expect(state.closed).toBe(true);
      });
      it("rejects with a typed error naming the record, and closes the iterator, on an invalid record midway", async () => {
        const items = [...c.items.slice(0, 2), c.bad, ...c.items.slice(2)];
        const { iterable, state } = source(items);
        const err = await c.async(iterable as AsyncIterable<never>).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err instanceof ValidationError || err instanceof ValidationTypeError, String(err)).toBe(true);
        expect((err as Error).message.startsWith(`${c.name}: `)).toBe(true);
        expect((err as Error).message).toContain("[2]");
        expect(state.pulled).toBe(3); // nothing read after the bad record
        expect(state.closed).toBe(true);
      });
      it("rejects a non-iterable with a typed error", async () => {
        await expect(c.async(42 as never)).rejects.toBeInstanceOf(ValidationTypeError);
        await expect(c.async(null as never)).rejects.toBeInstanceOf(ValidationTypeError);
        await expect(c.async("abc" as never)).rejects.toBeInstanceOf(ValidationTypeError);
      });
    });
  }

  it("values: the async twins give the figures of the fixture", async () => {
    const gen = (xs: readonly unknown[]) => source(xs).iterable as AsyncIterable<never>;
    expect(await countNewSellersAsync(gen(sellers), y2017)).toBe(3); // b, c (once), d
    expect(await countNewSellersAsync(gen(sellers), y2017, { distinctIds: false })).toBe(4);
    expect(await countSellersAboveSalesAsync(gen(sales), money("1000000", "USD"), y2017)).toBe(1); // a: 1.1M; b exactly 1M is not "more than"
    expect((await sumSalesBySellerAsync(gen(sales), y2017)).map((r) => [r.sellerId, r.total.amount.toString()])).toEqual([
      ["a", "1100000"],
      ["b", "1000000"],
      ["c", "15000"],
    ]);
    expect((await salesBracketsAsync(gen(sales), bounds, { interval: y2017 })).map((b) => b.sellers)).toEqual([1, 1, 1]);
    expect((await countSellersByCountryAsync(gen(sellers))).map((r) => [r.country, r.sellers])).toEqual([
      ["US", 2],
      ["DE", 1],
      ["FR", 1],
      ["unknown", 1],
    ]);
    const survival = await cohortSurvivalAsync(gen(sellers), { period: "quarter", asOf: "2017-12-31" });
    expect(survival.map((r) => [r.cohort, r.size, r.active])).toEqual([
      // column k at the start of each quarter after the cohort's, up to asOf + 1 day = 2018-01-01
      ["2016-Q4", 1, [1, 1, 1, 1, 1]],
      ["2017-Q1", 1, [0, 0, 0, 0]], // b left on 2017-03-10
      ["2017-Q2", 1, [1, 1, 1]],
      ["2017-Q3", 1, [1, 1]],
      ["2017-Q4", 1, [1]],
    ]);
    expect(await tallySurvivalAsync(gen(observations))).toEqual({ kind: "survival-tally", times: [6, 10, 12], events: [1, 1, 0], censored: [1, 0, 1] });
  });

  it("the threshold's currency is checked against the streamed sales", async () => {
    await expect(countSellersAboveSalesAsync(source(sales).iterable, money("1", "EUR"), y2017)).rejects.toBeInstanceOf(CurrencyMismatchError);
    await expect(sumSalesBySellerAsync(source([...sales, sale("x", "2017-01-02", "1", "EUR")]).iterable)).rejects.toBeInstanceOf(CurrencyMismatchError);
  });

  it("arguments other than the input are validated before anything is read", async () => {
    const { iterable, state } = source(sales);
    await expect(countSellersAboveSalesAsync(iterable, money("1", "USD"), { start: "2018-01-01", end: "2017-01-01" })).rejects.toBeInstanceOf(ValidationError);
    expect(state.started).toBe(0);
    const s2 = source(sellers);
    await expect(cohortSurvivalAsync(s2.iterable, { period: "fortnight" as never, asOf: "2017-12-31" })).rejects.toBeInstanceOf(ValidationError);
    expect(s2.state.started).toBe(0);
  });

  it("cohortSurvival (sync) now takes any iterable, as the issue asked (#13)", () => {
    function* gen() {
      yield* sellers;
    }
    expect(cohortSurvival(gen(), { period: "month", asOf: "2017-12-31" })).toEqual(cohortSurvival(sellers, { period: "month", asOf: "2017-12-31" }));
  });
});
