import { describe, expect, it } from "vitest";
import { MS_PER_DAY as DAY } from "../_lib/dates.js";
import { ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import type { Sale } from "../share/types.js";
import { cohortsByPeriod } from "./cohortsByPeriod.js";
import { countNewSellers } from "./countNewSellers.js";
import { countSellersAboveSales } from "./countSellersAboveSales.js";
import { countSellersByCountry } from "./countSellersByCountry.js";
import { createSeller } from "./createSeller.js";
import { salesBrackets } from "./salesBrackets.js";
import { sumSalesBySeller } from "./sumSalesBySeller.js";
import type { Seller } from "./types.js";

const y2017 = { start: "2017-01-01", end: "2018-01-01" };
const JAN_2016 = Date.UTC(2016, 0, 1);
const sale = (sellerId: string, date: string, usd: string, currency = "USD"): Sale => ({ sellerId, date: new Date(date), amount: money(usd, currency) });

/** Yield the items of an array lazily, counting how many were pulled and how often iteration started. */
function tracked<T>(items: readonly T[]): { iterable: Iterable<T>; pulled: () => number; started: () => number } {
  let pulled = 0;
  let started = 0;
  return {
    iterable: {
      *[Symbol.iterator]() {
        started += 1;
        for (const x of items) {
          pulled += 1;
          yield x;
        }
      },
    },
    pulled: () => pulled,
    started: () => started,
  };
}

const sellers: readonly Seller[] = [
  createSeller({ id: "a", joinedOn: "2016-12-31", country: "US" }),
  createSeller({ id: "b", joinedOn: "2017-01-01", country: "US" }),
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
const bounds = [money("100000", "USD"), money("1000000", "USD")];

describe("streaming inputs: a generator gives the same result as the array", () => {
  function* gen<T>(xs: readonly T[]): Generator<T> {
    yield* xs;
  }
  it("countNewSellers", () => {
    expect(countNewSellers(gen(sellers), y2017)).toBe(countNewSellers(sellers, y2017));
    expect(countNewSellers(gen(sellers), y2017)).toBe(3); // b, c (once), d
  });
  it("countSellersByCountry", () => {
    expect(countSellersByCountry(gen(sellers))).toEqual(countSellersByCountry(sellers));
    expect(countSellersByCountry(gen(sellers), y2017)).toEqual(countSellersByCountry(sellers, y2017));
  });
  it("cohortsByPeriod", () => {
    expect(cohortsByPeriod(gen(sellers), "quarter")).toEqual(cohortsByPeriod(sellers, "quarter"));
    expect(cohortsByPeriod(gen([]), "month")).toEqual([]);
  });
  it("countSellersAboveSales", () => {
    const t = money("1000000", "USD");
    expect(countSellersAboveSales(gen(sales), t, y2017)).toBe(countSellersAboveSales(sales, t, y2017));
    expect(countSellersAboveSales(gen(sales), t, y2017)).toBe(1); // a: 1.1M; b: exactly 1M is not "more than"
  });
  it("sumSalesBySeller", () => {
    expect(sumSalesBySeller(gen(sales))).toEqual(sumSalesBySeller(sales));
    expect(sumSalesBySeller(gen(sales), y2017).map((r) => [r.sellerId, r.total.amount.toString()])).toEqual([
      ["a", "1100000"],
      ["b", "1000000"],
      ["c", "15000"],
    ]);
  });
  it("salesBrackets", () => {
    expect(salesBrackets(gen(sales), bounds)).toEqual(salesBrackets(sales, bounds));
    expect(salesBrackets(gen(sales), bounds, { interval: y2017 }).map((b) => b.sellers)).toEqual([1, 1, 1]);
  });
  it("other iterables: a Set and Map.values()", () => {
    expect(countNewSellers(new Set(sellers), y2017)).toBe(3);
    expect(sumSalesBySeller(new Map(sales.map((s, i) => [i, s])).values())).toEqual(sumSalesBySeller(sales));
  });
});

describe("streaming inputs: read once", () => {
  it("each function starts iteration once and pulls every item once", () => {
    const calls: [string, (it: Iterable<never>) => unknown, readonly unknown[]][] = [
      ["countNewSellers", (it) => countNewSellers(it, y2017), sellers],
      ["countSellersByCountry", (it) => countSellersByCountry(it), sellers],
      ["cohortsByPeriod", (it) => cohortsByPeriod(it, "month"), sellers],
      ["countSellersAboveSales", (it) => countSellersAboveSales(it, money("1", "USD"), y2017), sales],
      ["sumSalesBySeller", (it) => sumSalesBySeller(it), sales],
      ["salesBrackets", (it) => salesBrackets(it, bounds), sales],
    ];
    for (const [name, call, items] of calls) {
      const t = tracked(items);
      call(t.iterable as Iterable<never>);
      expect([name, t.started(), t.pulled()]).toEqual([name, 1, items.length]);
    }
  });
  it("a spent generator is empty (the caller's generator is consumed, not restarted)", () => {
    const g = (function* () {
      yield* sellers;
    })();
    expect(countNewSellers(g, y2017)).toBe(3);
    expect(countNewSellers(g, y2017)).toBe(0);
  });
});

describe("streaming inputs: validation", () => {
  function* badAt<T>(good: T, bad: unknown, at: number): Generator<T> {
    for (let i = 0; i < at; i++) yield good;
    yield bad as T;
  }
  it("validates items as they are read, naming the index", () => {
    const s = sellers[1] as Seller;
    expect(() => countNewSellers(badAt(s, { id: "x", joinedOn: new Date(Number.NaN) }, 5), y2017)).toThrowError(
      expect.objectContaining({ name: "ValidationError", code: "INVALID_DATE", message: expect.stringMatching(/^countNewSellers: sellers\[5\]\.joinedOn /) }),
    );
    expect(() => cohortsByPeriod(badAt(s, { joinedOn: new Date() }, 2), "year")).toThrowError(/^cohortsByPeriod: sellers\[2\]\.id /);
    expect(() => countSellersByCountry(badAt(s, null, 1))).toThrow(ValidationTypeError);
    const ok = sales[0] as Sale;
    expect(() => countSellersAboveSales(badAt(ok, { ...ok, amount: money("1", "EUR") }, 3), money("1", "USD"), y2017)).toThrowError(expect.objectContaining({ code: "CURRENCY_MISMATCH" }));
    expect(() => sumSalesBySeller(badAt(ok, { ...ok, date: "2017-02-30" }, 4))).toThrowError(/^sumSalesBySeller: sales\[4\]\.date /);
    expect(() => salesBrackets(badAt(ok, { ...ok, sellerId: "" }, 2), bounds)).toThrowError(/^salesBrackets: sellerSales\[2\]\.sellerId /);
  });
  it("arrays keep the same messages as before (whole array validated before the interval)", () => {
    // bad seller AND bad interval: the array's seller error wins, as in 0.1.0
    expect(() => countNewSellers([{ id: "a", joinedOn: new Date(Number.NaN) }] as never, { start: "x", end: "y" })).toThrowError("countNewSellers: sellers[0].joinedOn must be a valid date");
    expect(() => cohortsByPeriod([{ id: "", joinedOn: new Date() }] as never, "fortnight" as never)).toThrowError(/^cohortsByPeriod: sellers\[0\]\.id must be a non-empty string/);
  });
  it("rejects non-iterables and strings with a ValidationTypeError", () => {
    for (const bad of [42, "abc", { length: 1 }, true]) {
      expect(() => countNewSellers(bad as never, y2017)).toThrowError(expect.objectContaining({ name: "ValidationTypeError", code: "INVALID_TYPE" }));
      expect(() => sumSalesBySeller(bad as never)).toThrow(ValidationTypeError);
    }
    expect(() => countSellersAboveSales(null as never, money("1", "USD"), y2017)).toThrowError(expect.objectContaining({ code: "MISSING_VALUE" }));
    expect(() => cohortsByPeriod(undefined as never, "year")).toThrowError(/^cohortsByPeriod: sellers must be an array or an iterable/);
  });
  it("an error thrown by the source propagates unchanged", () => {
    const boom = new Error("disk read failed");
    function* failing(): Generator<Seller> {
      yield sellers[0] as Seller;
      throw boom;
    }
    expect(() => countNewSellers(failing(), y2017)).toThrow(boom);
  });
});

describe("countNewSellers options.distinctIds", () => {
  it("counts records instead of distinct ids when false", () => {
    expect(countNewSellers(sellers, y2017)).toBe(3);
    expect(countNewSellers(sellers, y2017, { distinctIds: true })).toBe(3);
    expect(countNewSellers(sellers, y2017, { distinctIds: false })).toBe(4); // "c" twice
  });
  it("rejects a non-boolean and a non-object", () => {
    expect(() => countNewSellers(sellers, y2017, { distinctIds: "no" as never })).toThrowError(/^countNewSellers: options\.distinctIds must be a boolean/);
    expect(() => countNewSellers(sellers, y2017, 5 as never)).toThrow(ValidationTypeError);
  });
});

describe("streaming inputs at scale: 200,000 sellers from a generator", () => {
  const N = 200_000;
  // seller i joins on day i mod 1,096 after 2016-01-01 (2016-01-01 … 2018-12-31); every 5th is in DE
  function* manySellers(): Generator<Seller> {
    for (let i = 0; i < N; i++) yield { id: `s${i}`, joinedOn: new Date(JAN_2016 + (i % 1096) * DAY), country: i % 5 === 0 ? "DE" : "US" };
  }
  // expected counts from the arithmetic, not from the code under test: 2017 is days 366…730
  const inYear2017 = (i: number) => i % 1096 >= 366 && i % 1096 < 731;
  let expected2017 = 0;
  for (let i = 0; i < N; i++) if (inYear2017(i)) expected2017 += 1;

  it("countNewSellers", () => {
    // 200,000 = 182 full cycles of 1,096 days + 528 → 182 × 365 + (528 − 366) = 66,592
    expect(expected2017).toBe(182 * 365 + (528 - 366));
    expect(countNewSellers(manySellers(), y2017)).toBe(expected2017);
    expect(countNewSellers(manySellers(), y2017, { distinctIds: false })).toBe(expected2017);
  });
  it("countSellersByCountry", () => {
    expect(countSellersByCountry(manySellers())).toEqual([
      { country: "US", sellers: 160_000 },
      { country: "DE", sellers: 40_000 },
    ]);
  });
  it("cohortsByPeriod", () => {
    const rows = cohortsByPeriod(manySellers(), "year");
    expect(rows.map((r) => r.cohort)).toEqual(["2016", "2017", "2018"]);
    expect(rows[1]?.size).toBe(expected2017);
    expect(rows.reduce((a, r) => a + r.size, 0)).toBe(N);
  });
  it("countSellersAboveSales, sumSalesBySeller and salesBrackets over 300,000 sales of 200,000 sellers", () => {
    // seller k (0…199,999) has a 2017 sale of $(k + 1), and every second seller a $7 sale and a $7 refund → total k + 1
    function* manySales(): Generator<Sale> {
      const d = new Date("2017-06-01");
      const seven = money("7", "USD");
      const refund = money("-7", "USD");
      for (let k = 0; k < N; k++) {
        yield { sellerId: `k${k}`, date: d, amount: money(String(k + 1), "USD") };
        if (k % 2 === 0) yield { sellerId: `k${k}`, date: d, amount: k % 4 === 0 ? seven : refund };
        if (k % 2 === 0) yield { sellerId: `k${k}`, date: d, amount: k % 4 === 0 ? refund : seven };
      }
    }
    // totals 1 … 200,000: strictly above 150,000 → 50,000 sellers
    expect(countSellersAboveSales(manySales(), money("150000", "USD"), y2017)).toBe(50_000);
    const rows = sumSalesBySeller(manySales());
    expect(rows.length).toBe(N);
    expect(rows[0]).toEqual({ sellerId: "k199999", total: money("200000", "USD") });
    // (−∞, 1000], (1000, 150000], (150000, +∞)
    const b = salesBrackets(manySales(), [money("1000", "USD"), money("150000", "USD")]);
    expect(b.map((x) => x.sellers)).toEqual([1000, 149_000, 50_000]);
    // sum of 1…1000 = 500,500
    expect(b[0]?.total.amount.toString()).toBe("500500");
  }, 60_000);
});
