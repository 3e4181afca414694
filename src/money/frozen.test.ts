/**
 * Every Money-returning function and moneyToJSON return frozen objects (#10: readonly + frozen
 * results everywhere; moneyToJSON's JSON shape was a mutable object in 0.1.0).
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { unfrozenPaths } from "../../test/support/frozen.js";
import { add } from "./add.js";
import { fromMinorUnits } from "./fromMinorUnits.js";
import { money } from "./money.js";
import { moneyFromJSON } from "./moneyFromJSON.js";
import { moneyToJSON } from "./moneyToJSON.js";
import { multiply } from "./multiply.js";
import { roundToMinor } from "./roundToMinor.js";
import { subtract } from "./subtract.js";
import { sum } from "./sum.js";

describe("money results are frozen", () => {
  const a = money("12.345", "USD");
  const b = money("0.655", "USD");

  it("the check itself finds an unfrozen nested value", () => {
    expect(unfrozenPaths(Object.freeze({ list: [1], m: Object.freeze({ amount: new Decimal(1) }) }))).toEqual(["result.list"]);
    expect(unfrozenPaths({ at: new Date(0) })).toEqual(["result"]);
  });

  it("money, add, subtract, multiply, sum, roundToMinor, fromMinorUnits and moneyFromJSON", () => {
    const results = [
      a,
      add(a, b),
      subtract(a, b),
      multiply(a, "1.5"),
      multiply(a, "1.5", "half-up"),
      sum([a, b]),
      sum([], "EUR"),
      roundToMinor(a),
      fromMinorUnits(1234n, "USD"),
      moneyFromJSON({ amount: "1.50", currency: "USD" }),
    ];
    for (const r of results) expect(unfrozenPaths(r)).toEqual([]);
  });

  it("moneyToJSON returns a frozen JSON shape (#10)", () => {
    const json = moneyToJSON(a);
    expect(json).toEqual({ amount: "12.345", currency: "USD" });
    expect(Object.isFrozen(json)).toBe(true);
    expect(() => {
      (json as { amount: string }).amount = "0";
    }).toThrow(TypeError);
    expect(JSON.stringify(json)).toBe('{"amount":"12.345","currency":"USD"}');
  });
});
