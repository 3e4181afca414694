/**
 * The shared hostile-input table (issue #2): hostile values by kind of argument, and a runner
 * that calls a public function with each value in one argument's slot and checks that it throws
 * a typed error of this library — ValidationError (RangeError) / ValidationTypeError (TypeError),
 * or CurrencyMismatchError for mixed currencies — whose message starts with the function's name.
 * Never NaN, never a silently wrong number. test/hostile-inputs.test.ts and each module's
 * `hostile.test.ts` extend it with their rows.
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError } from "../../src/errors.js";

/**
 * The full catalogue of bad values of the hostile harness (test/hostile/, issue #11): every
 * export × every argument and nested field × these values, run by `npm run test:hostile`.
 */
export { BAD_VALUES, ForeignDecimal, HostileSentinelError, type BadValue } from "../hostile/catalogue.js";

/** The kinds of argument, each with its hostile values. */
export type HostileKind = "number" | "integer" | "date" | "dateObject" | "currency" | "money" | "moneyUsd" | "array";

const MONEY: readonly [string, unknown][] = [
  ["null", null],
  ["undefined", undefined],
  ["{}", {}],
  ["a NaN amount", { amount: new Decimal(Number.NaN), currency: "USD" }],
  ["an unknown currency", { amount: new Decimal(1), currency: "XYZ" }],
  ["a Decimal instead of Money", new Decimal(1)],
  ["a number instead of Money", 5],
];

/** Hostile values by kind: `[label, value]`. */
export const HOSTILE: Readonly<Record<HostileKind, readonly [string, unknown][]>> = {
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
  integer: [
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-1", -1],
    ["1.5", 1.5],
    ["'3'", "3"],
    ["null", null],
  ],
  /** Date inputs that accept Date or ISO 8601 strings. */
  date: [
    ["Invalid Date", new Date(Number.NaN)],
    ["'2023-02-30'", "2023-02-30"],
    ["'yesterday'", "yesterday"],
    ["'03/07/2024'", "03/07/2024"],
    ["null", null],
    ["undefined", undefined],
    ["a timestamp number", 1_700_000_000_000],
  ],
  /** Date fields of validated records, which must already be Date objects (createSeller parses strings). */
  dateObject: [
    ["Invalid Date", new Date(Number.NaN)],
    ["'2017-01-01'", "2017-01-01"],
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
  money: MONEY,
  /** A Money slot where the other amounts are USD: a EUR amount must also throw. */
  moneyUsd: [...MONEY, ["a EUR amount among USD", { amount: new Decimal(1), currency: "EUR" }]],
  array: [
    ["null", null],
    ["undefined", undefined],
    ["a string", "1,2,3"],
    ["an object", { length: 1 }],
  ],
};

/** One row: a function, the slot that receives the hostile value, and how to call it. */
export interface HostileRow {
  readonly fn: string;
  readonly kind: HostileKind;
  readonly slot: string;
  readonly call: (bad: unknown) => unknown;
  /** Labels of values that are valid in this slot (e.g. `undefined` for an optional argument). */
  readonly valid?: readonly string[];
}

/** Cast a hostile value to whatever the slot's type is. */
export const hostile = (x: unknown): never => x as never;

/** Generate one test per row and hostile value. */
export function describeHostileTable(title: string, rows: readonly HostileRow[]): void {
  describe(title, () => {
    for (const row of rows) {
      describe(`${row.fn} (${row.slot})`, () => {
        for (const [label, bad] of HOSTILE[row.kind].filter(([l]) => !row.valid?.includes(l))) {
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
  });
}
