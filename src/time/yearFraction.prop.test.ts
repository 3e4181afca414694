import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { MS_PER_DAY } from "../_lib/dates.js";
import { yearFraction } from "./yearFraction.js";

const day = fc.integer({ min: Date.UTC(1970, 0, 1) / MS_PER_DAY, max: Date.UTC(2100, 0, 1) / MS_PER_DAY }).map((n) => new Date(n * MS_PER_DAY));

describe("yearFraction properties", () => {
  test.prop([day, day, day])("ACT/365F and ACT/ACT-ISDA are additive over consecutive intervals", (a, b, c) => {
    for (const conv of ["ACT/365F", "ACT/360", "ACT/ACT-ISDA"] as const) {
      const whole = yearFraction(a, c, conv);
      const parts = yearFraction(a, b, conv).plus(yearFraction(b, c, conv));
      expect(whole.minus(parts).abs().lessThan("1e-15"), conv).toBe(true);
    }
  });
  test.prop([day, day])("every convention is antisymmetric", (a, b) => {
    for (const conv of ["ACT/365F", "ACT/360", "30/360", "30E/360", "ACT/ACT-ISDA"] as const) {
      expect(
        yearFraction(a, b, conv)
          .plus(yearFraction(b, a, conv))
          .isZero(),
        conv,
      ).toBe(true);
    }
  });
});
