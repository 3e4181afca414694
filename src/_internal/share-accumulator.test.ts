import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { toMinorFast } from "./share-accumulator.js";

describe("toMinorFast (internal)", () => {
  it("reads decimal.js limbs as minor units", () => {
    expect(toMinorFast(new Decimal("123.45"), 2)).toBe(12345);
    expect(toMinorFast(new Decimal("-0.01"), 2)).toBe(-1);
    expect(toMinorFast(new Decimal("12345678901.23"), 2)).toBe(1234567890123);
    expect(toMinorFast(new Decimal("5"), 0)).toBe(5);
    expect(toMinorFast(new Decimal("1.234"), 3)).toBe(1234);
  });
  it("declines sub-minor or unsafe amounts", () => {
    expect(toMinorFast(new Decimal("0.001"), 2)).toBeUndefined();
    expect(toMinorFast(new Decimal("1e20"), 2)).toBeUndefined();
    expect(toMinorFast(new Decimal("1.5"), 0)).toBeUndefined();
  });
  test.prop([fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 3 })])(
    "agrees with exact Decimal arithmetic whenever it answers",
    (mantissa, scale, digits) => {
      const d = new Decimal(`${mantissa}e-${scale}`);
      const fast = toMinorFast(d, digits);
      const exact = d.times(new Decimal(10).pow(digits));
      if (fast === undefined) {
        expect(!exact.isInteger() || exact.abs().gt(Number.MAX_SAFE_INTEGER) || d.d.length > 4).toBe(true);
      } else {
        expect(new Decimal(fast).eq(exact)).toBe(true);
      }
    },
  );
});
