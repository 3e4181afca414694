import type { Decimal } from "decimal.js";
import { describe, expectTypeOf, it } from "vitest";
import { allocate } from "./allocate.js";
import { money } from "./money.js";
import { moneyToJSON } from "./moneyToJSON.js";
import { roundToMinor } from "./roundToMinor.js";
import { toMinorUnits } from "./toMinorUnits.js";
import type { AmountInput, Money, MoneyJSON, NumericInput, RoundingMode } from "./types.js";

describe("money types", () => {
  it("money returns a readonly Money with a Decimal amount", () => {
    const m = money("1", "USD");
    expectTypeOf(m).toEqualTypeOf<Money>();
    expectTypeOf(m.amount).toEqualTypeOf<Decimal>();
    // @ts-expect-error currency is readonly
    m.currency = "EUR";
  });
  it("accepts Decimal | string | number amounts only", () => {
    expectTypeOf(money).parameter(0).toEqualTypeOf<Decimal | string | number>();
    // @ts-expect-error a boolean is not an amount
    money(true, "USD");
  });
  it("AmountInput is Money or a NumericInput (#10)", () => {
    expectTypeOf<AmountInput>().toEqualTypeOf<Money | NumericInput>();
    expectTypeOf<NumericInput>().toEqualTypeOf<Decimal | string | number>();
  });
  it("moneyToJSON returns a readonly MoneyJSON", () => {
    const json = moneyToJSON(money("1", "USD"));
    expectTypeOf(json).toEqualTypeOf<MoneyJSON>();
    // @ts-expect-error the JSON shape is readonly (and frozen)
    json.amount = "2";
  });
  it("rounding modes are a closed union", () => {
    expectTypeOf<RoundingMode>().toEqualTypeOf<"half-even" | "half-up" | "half-down" | "down" | "up" | "floor" | "ceil">();
    // @ts-expect-error unknown mode
    roundToMinor(money("1", "USD"), "nearest");
  });
  it("allocate returns readonly Money[] (#10) and toMinorUnits a bigint", () => {
    expectTypeOf(allocate(money("1", "USD"), [1])).toEqualTypeOf<readonly Money[]>();
    expectTypeOf(toMinorUnits(money("1", "USD"))).toEqualTypeOf<bigint>();
  });
});
