/** Test-only fixtures shared by the sellers and share hostile-input tables (not exported). */
import { Decimal } from "decimal.js";

export type HostileKind = "number" | "date" | "dateObject" | "currency" | "money" | "array" | "integer";

export const HOSTILE: Record<HostileKind, readonly [string, unknown][]> = {
  number: [
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["'abc'", "abc"],
    ["''", ""],
    ["null", null],
    ["undefined", undefined],
    ["{}", {}],
    ["Decimal(NaN)", new Decimal(Number.NaN)],
  ],
  integer: [
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-1", -1],
    ["1.5", 1.5],
    ["'3'", "3"],
    ["null", null],
  ],
  date: [
    ["Invalid Date", new Date(Number.NaN)],
    ["'2023-02-30'", "2023-02-30"],
    ["'yesterday'", "yesterday"],
    ["'03/07/2024'", "03/07/2024"],
    ["null", null],
    ["a timestamp number", 1_700_000_000_000],
  ],
  // Seller.joinedOn of a seller record must be a Date object (createSeller parses strings).
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
    ["a EUR amount among USD", { amount: new Decimal(1), currency: "EUR" }],
  ],
  array: [
    ["null", null],
    ["undefined", undefined],
    ["a string", "1,2,3"],
    ["an object", { length: 1 }],
  ],
};
