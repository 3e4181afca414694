/**
 * The shared hostile-input table (issue #2): every public function that takes a number, a date,
 * a currency or a Money is called with each hostile value in the argument's slot. It must throw
 * a ValidationError (RangeError) or ValidationTypeError (TypeError) — or a CurrencyMismatchError
 * for mixed currencies — whose message starts with the function's name. Never NaN, never a
 * silently wrong number. Modules add their rows to TABLE.
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import { CurrencyMismatchError, ValidationError } from "../src/index.js";

type Kind = "number" | "date" | "currency" | "money" | "array";

const HOSTILE: Record<Kind, readonly [string, unknown][]> = {
  number: [
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["'abc'", "abc"],
    ["''", ""],
    ["'1,5'", "1,5"],
    ["null", null],
    ["undefined", undefined],
    ["{}", {}],
    ["Decimal(NaN)", new Decimal(Number.NaN)],
    ["Decimal(Infinity)", new Decimal(Number.POSITIVE_INFINITY)],
  ],
  date: [
    ["Invalid Date", new Date(Number.NaN)],
    ["'2023-02-30'", "2023-02-30"],
    ["'yesterday'", "yesterday"],
    ["'03/07/2024'", "03/07/2024"],
    ["null", null],
    ["undefined", undefined],
    ["a timestamp number", 1_700_000_000_000],
  ],
  currency: [
    ["'XYZ'", "XYZ"],
    ["'usd'", "usd"],
    ["''", ""],
    ["null", null],
    ["42", 42],
  ],
  money: [
    ["null", null],
    ["undefined", undefined],
    ["{}", {}],
    ["a NaN amount", { amount: new Decimal(Number.NaN), currency: "USD" }],
    ["an unknown currency", { amount: new Decimal(1), currency: "XYZ" }],
    ["a Decimal instead of Money", new Decimal(1)],
    ["a number instead of Money", 5],
  ],
  array: [
    ["null", null],
    ["undefined", undefined],
    ["a string", "1,2,3"],
    ["an object", { length: 1 }],
  ],
};

interface Row {
  readonly fn: string;
  readonly kind: Kind;
  readonly slot: string;
  readonly call: (bad: unknown) => unknown;
}

const usd = lib.money("10", "USD");
const B = (x: unknown) => x as never;

export const TABLE: readonly Row[] = [
  // money
  { fn: "money", kind: "number", slot: "amount", call: (x) => lib.money(B(x), "USD") },
  { fn: "money", kind: "currency", slot: "currency", call: (x) => lib.money("1", B(x)) },
  { fn: "add", kind: "money", slot: "augend", call: (x) => lib.add(B(x), usd) },
  { fn: "add", kind: "money", slot: "addend", call: (x) => lib.add(usd, B(x)) },
  { fn: "subtract", kind: "money", slot: "subtrahend", call: (x) => lib.subtract(usd, B(x)) },
  { fn: "multiply", kind: "number", slot: "factor", call: (x) => lib.multiply(usd, B(x)) },
  { fn: "multiply", kind: "money", slot: "multiplicand", call: (x) => lib.multiply(B(x), "2") },
  { fn: "sum", kind: "array", slot: "amounts", call: (x) => lib.sum(B(x)) },
  { fn: "sum", kind: "money", slot: "amounts[1]", call: (x) => lib.sum([usd, B(x)]) },
  { fn: "compare", kind: "money", slot: "b", call: (x) => lib.compare(usd, B(x)) },
  { fn: "isZero", kind: "money", slot: "amount", call: (x) => lib.isZero(B(x)) },
  { fn: "isNegative", kind: "money", slot: "amount", call: (x) => lib.isNegative(B(x)) },
  { fn: "isPositive", kind: "money", slot: "amount", call: (x) => lib.isPositive(B(x)) },
  { fn: "roundToMinor", kind: "money", slot: "amount", call: (x) => lib.roundToMinor(B(x)) },
  { fn: "allocate", kind: "money", slot: "total", call: (x) => lib.allocate(B(x), [1, 1]) },
  { fn: "allocate", kind: "number", slot: "ratios[1]", call: (x) => lib.allocate(usd, [1, B(x)]) },
  { fn: "allocate", kind: "array", slot: "ratios", call: (x) => lib.allocate(usd, B(x)) },
  { fn: "toMinorUnits", kind: "money", slot: "amount", call: (x) => lib.toMinorUnits(B(x)) },
  { fn: "fromMinorUnits", kind: "currency", slot: "currency", call: (x) => lib.fromMinorUnits(1, B(x)) },
  { fn: "formatMoney", kind: "money", slot: "amount", call: (x) => lib.formatMoney(B(x)) },
  { fn: "minorUnitDigits", kind: "currency", slot: "currency", call: (x) => lib.minorUnitDigits(B(x)) },
  { fn: "moneyToJSON", kind: "money", slot: "amount", call: (x) => lib.moneyToJSON(B(x)) },
  // time
  { fn: "parseDate", kind: "date", slot: "value", call: (x) => lib.parseDate(B(x)) },
  { fn: "startOfPeriod", kind: "date", slot: "date", call: (x) => lib.startOfPeriod(B(x), "month") },
  { fn: "endOfPeriod", kind: "date", slot: "date", call: (x) => lib.endOfPeriod(B(x), "month") },
  { fn: "eachPeriod", kind: "date", slot: "start", call: (x) => lib.eachPeriod(B(x), "2024-12-31", "month") },
  { fn: "eachPeriod", kind: "date", slot: "end", call: (x) => lib.eachPeriod("2024-01-01", B(x), "month") },
  { fn: "addPeriods", kind: "date", slot: "date", call: (x) => lib.addPeriods(B(x), 1, "day") },
  { fn: "addPeriods", kind: "number", slot: "amount", call: (x) => lib.addPeriods("2024-01-01", B(x), "day") },
  { fn: "periodKey", kind: "date", slot: "date", call: (x) => lib.periodKey(B(x), "week") },
  { fn: "daysBetween", kind: "date", slot: "end", call: (x) => lib.daysBetween("2024-01-01", B(x)) },
  { fn: "yearFraction", kind: "date", slot: "start", call: (x) => lib.yearFraction(B(x), "2024-12-31", "ACT/365F") },
  { fn: "yearFraction", kind: "date", slot: "end", call: (x) => lib.yearFraction("2024-01-01", B(x), "ACT/ACT-ISDA") },
];

describe("hostile inputs", () => {
  for (const row of TABLE) {
    describe(`${row.fn} (${row.slot})`, () => {
      for (const [label, bad] of HOSTILE[row.kind]) {
        it(`throws a typed error for ${label}`, () => {
          let thrown: unknown;
          let result: unknown;
          try {
            result = row.call(bad);
          } catch (e) {
            thrown = e;
          }
          expect(thrown, `${row.fn} returned ${String(result)} instead of throwing`).toBeDefined();
          expect(thrown instanceof ValidationError || thrown instanceof CurrencyMismatchError, String(thrown)).toBe(true);
          expect((thrown as Error).message.startsWith(`${row.fn}: `), (thrown as Error).message).toBe(true);
          expect(typeof (thrown as { code: unknown }).code).toBe("string");
        });
      }
    });
  }
  it("mixed currencies throw CurrencyMismatchError", () => {
    expect(() => lib.add(usd, lib.money("1", "EUR"))).toThrow(CurrencyMismatchError);
  });
});
