/**
 * The integer-column readers of the financing engine (#12, src/financing/_lib/intSeries.ts), on
 * hand-computed columns: what each fast path accepts, what it hands back to the validating
 * reader (`null`), the typed errors of the column validator, and the slab-backed buffers.
 */
import { describe, expect, it } from "vitest";
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import { makeMoney } from "../../_lib/money.js";
import { columnsToInt, decimalSeriesToInt, isColumns, materializeSeries, readColumns, readColumnsInto, readIntSeriesFast, readTypedColumnsFast, SeriesBuffer } from "./intSeries.js";

const D0 = Date.UTC(2024, 0, 2) / 86_400_000;
const DAY = 86_400_000;
const money = (amount: string, currency: string) => makeMoney(new Decimal(amount), currency);
const MAX = Number.MAX_SAFE_INTEGER;
const cols = (days: number[], minor: number[]) => ({ days: Int32Array.from(days), minor: Float64Array.from(minor) });

describe("isColumns and materializeSeries", () => {
  it("tells columns from arrays and iterables, and copies a generator once", () => {
    expect(isColumns(cols([D0], [1]))).toBe(true);
    expect(isColumns([])).toBe(false);
    expect(isColumns(null)).toBe(false);
    expect(isColumns({ days: [], minor: [], [Symbol.iterator]: () => [][Symbol.iterator]() })).toBe(false);
    expect(
      isColumns(
        new Proxy(
          {},
          {
            has: () => {
              throw new Error("trap");
            },
          },
        ),
      ),
    ).toBe(false);
    const rows = [{ day: D0, minor: 5 }];
    expect(materializeSeries(rows, "f", "sales")).toBe(rows);
    function* gen() {
      yield { day: D0, minor: 1 };
      yield { day: D0 + 1, minor: 2 };
    }
    expect(materializeSeries(gen(), "f", "sales")).toEqual([
      { day: D0, minor: 1 },
      { day: D0 + 1, minor: 2 },
    ]);
    expect(materializeSeries(42, "f", "sales")).toBe(42);
  });

  it("turns a throwing iterator into a typed error naming the function", () => {
    const bad = {
      [Symbol.iterator]: () => ({
        next: () => {
          throw new Error("boom");
        },
      }),
    };
    expect(() => materializeSeries(bad, "simulateRepayment", "sales")).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TYPE, fn: "simulateRepayment" }));
  });
});

describe("readTypedColumnsFast", () => {
  it("copies valid Int32Array / Float64Array columns into the buffer", () => {
    const c = cols([D0, D0 + 2], [100, -30]);
    const s = readTypedColumnsFast(c, new SeriesBuffer(true))!;
    expect([s.length, s.scale, Array.from(s.days.subarray(0, 2)), Array.from(s.minor.subarray(0, 2))]).toEqual([2, 0, [D0, D0 + 2], [100, -30]]);
    c.minor[0] = 7;
    expect(s.minor[0]).toBe(100);
  });

  it("leaves a repeated day, a fraction, a non-safe amount or another array type to the validator (null)", () => {
    const b = new SeriesBuffer();
    expect(readTypedColumnsFast(cols([D0, D0], [1, 2]), b)).toBeNull();
    expect(readTypedColumnsFast(cols([D0], [1.5]), b)).toBeNull();
    expect(readTypedColumnsFast(cols([D0], [2 ** 53]), b)).toBeNull();
    expect(readTypedColumnsFast({ days: [D0], minor: [1] }, b)).toBeNull();
    expect(readTypedColumnsFast({ days: Int32Array.from([D0]), minor: Float64Array.from([1, 2]) }, b)).toBeNull();
    class Sub extends Float64Array {}
    expect(readTypedColumnsFast({ days: Int32Array.from([D0]), minor: Sub.from([1]) }, b)).toBeNull();
    const getter = {
      get days(): never {
        throw new Error("no");
      },
      minor: [],
    };
    expect(readTypedColumnsFast(getter, b)).toBeNull();
  });
});

describe("readColumns / readColumnsInto", () => {
  it("sums entries of one day, and reports an unsafe bigint or sum as no integer columns", () => {
    const r = readColumnsInto({ days: [D0, D0, D0 + 1], minor: [5, 7n, 1] }, "f", "sales", new SeriesBuffer());
    expect(r.int!.length).toBe(2);
    expect(Array.from(r.int!.minor.subarray(0, 2))).toEqual([12, 1]);
    expect(readColumnsInto({ days: [D0], minor: [2n ** 60n] }, "f", "sales", new SeriesBuffer()).int).toBeNull();
    expect(readColumnsInto({ days: [D0, D0], minor: [MAX, 1] }, "f", "sales", new SeriesBuffer()).int).toBeNull();
    expect(readColumns({ days: [D0], minor: [3] }, "f", "sales").length).toBe(1);
  });

  it("rejects bad columns with typed errors naming the function and the field", () => {
    const err = (v: unknown, field: string, code: string) =>
      expect(() => readColumns(v as never, "simulateRepayment", "sales")).toThrow(expect.objectContaining({ fn: "simulateRepayment", code, message: expect.stringContaining(field) }));
    err({ days: "x", minor: [] }, "sales.days", ErrorCode.INVALID_TYPE);
    err({ days: undefined, minor: [] }, "sales.days", ErrorCode.MISSING_VALUE);
    err({ days: [], minor: {} }, "sales.minor", ErrorCode.INVALID_TYPE);
    err({ days: [D0], minor: [] }, "sales.minor", ErrorCode.OUT_OF_RANGE);
    err({ days: [1.5], minor: [1] }, "sales.days[0]", ErrorCode.INVALID_TYPE);
    err({ days: [1e9], minor: [1] }, "sales.days[0]", ErrorCode.OUT_OF_RANGE);
    err({ days: [D0, D0 - 1], minor: [1, 1] }, "sales.days[1]", ErrorCode.INVALID_DATE_ORDER);
    err({ days: [D0], minor: ["1"] }, "sales.minor[0]", ErrorCode.INVALID_TYPE);
    err({ days: [D0], minor: [0.5] }, "sales.minor[0]", ErrorCode.OUT_OF_RANGE);
    err({ days: [D0], minor: [Number.NaN] }, "sales.minor[0]", ErrorCode.INVALID_NUMBER);
    const throwing = {
      get days(): never {
        throw new Error("no");
      },
      minor: [],
    };
    err(throwing, "sales", ErrorCode.INVALID_TYPE);
  });
});

describe("readIntSeriesFast, columnsToInt, decimalSeriesToInt", () => {
  it("reads Money rows and minor rows, summing a day, and hands anything else back (null)", () => {
    const rows = [
      { date: new Date(D0 * DAY), amount: money("12.34", "USD") },
      { date: new Date(D0 * DAY), minor: 66 },
      { day: D0 + 1, minor: -5 },
    ];
    const s = readIntSeriesFast(rows, "USD", 2)!;
    expect([s.length, Array.from(s.days.subarray(0, 2)), Array.from(s.minor.subarray(0, 2))]).toEqual([2, [D0, D0 + 1], [1300, -5]]);
    expect(readIntSeriesFast([{ date: "2024-01-02", minor: 1 }], "USD", 2)).toBeNull();
    expect(readIntSeriesFast([{ date: new Date(D0 * DAY + 1), minor: 1 }], "USD", 2)).toBeNull();
    expect(readIntSeriesFast([{ date: new Date(D0 * DAY), amount: money("1.005", "USD") }], "USD", 2)).toBeNull();
    expect(readIntSeriesFast([{ date: new Date(D0 * DAY), amount: money("1", "EUR") }], "USD", 2)).toBeNull();
    expect(
      readIntSeriesFast(
        [
          { day: D0 + 1, minor: 1 },
          { day: D0, minor: 1 },
        ],
        "USD",
        2,
      ),
    ).toBeNull();
    expect(
      readIntSeriesFast(
        [
          { day: D0, minor: MAX },
          { day: D0, minor: 1 },
        ],
        "USD",
        2,
      ),
    ).toBeNull();
    expect(readIntSeriesFast([null], "USD", 2)).toBeNull();
    expect(readIntSeriesFast(cols([D0], [1]), "USD", 2)).toBeNull();
  });

  it("converts validated columns and Decimal amounts at the smallest exact scale", () => {
    const c = columnsToInt({ days: [D0, D0, D0 + 3], minor: [1n, 2, 3], length: 3 })!;
    expect([c.length, Array.from(c.minor.subarray(0, 2))]).toEqual([2, [3, 3]]);
    expect(columnsToInt({ days: [D0], minor: [2n ** 54n], length: 1 })).toBeNull();
    const d = decimalSeriesToInt([D0, D0 + 1], [new Decimal("1.005"), new Decimal("2")], 2)!;
    // 1.005 USD is 100.5 cents: one extra digit, scale 1 (1005 and 2000 tenths of a cent).
    expect([d.scale, Array.from(d.minor)]).toEqual([1, [1005, 2000]]);
    expect(decimalSeriesToInt([D0], [new Decimal("1e-9")], 2)).toBeNull();
  });
});

describe("SeriesBuffer", () => {
  it("doubles a reused buffer, sizes a one-off one exactly, and gives slab views to a pooled one", () => {
    const b = new SeriesBuffer();
    b.ensure(3);
    expect(b.days.length).toBe(3);
    b.ensure(5);
    expect(b.days.length).toBe(6);
    const p = new SeriesBuffer(true);
    p.ensure(10);
    expect([p.days.length, p.minor.length]).toEqual([10, 10]);
    // Two pooled buffers in a row share one 16 KB slab, without overlapping.
    const q = new SeriesBuffer(true);
    q.ensure(10);
    expect(q.minor.buffer).toBe(p.minor.buffer);
    p.minor.fill(1);
    p.days.fill(1);
    expect(Array.from(q.minor)).toEqual(new Array(10).fill(0));
    // A series larger than a quarter of the slab gets arrays of its own.
    const big = new SeriesBuffer(true);
    big.ensure(1000);
    expect(big.minor.buffer.byteLength).toBe(8000);
  });
});
