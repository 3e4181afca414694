import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect } from "vitest";
import { add } from "./add.js";
import { allocate } from "./allocate.js";
import { fromMinorUnits } from "./fromMinorUnits.js";
import { subtract } from "./subtract.js";
import { sum } from "./sum.js";
import { toMinorUnits } from "./toMinorUnits.js";

const cents = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
const ratios = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }).filter((r) => r.some((x) => x > 0));

describe("money properties", () => {
  test.prop([cents, ratios])("allocate: parts sum exactly to the total", (c, rs) => {
    const total = fromMinorUnits(c, "USD");
    const parts = allocate(total, rs);
    expect(sum(parts).amount.equals(total.amount)).toBe(true);
    expect(parts).toHaveLength(rs.length);
  });

  test.prop([cents, ratios])("allocate: each part is within one minor unit of its exact share, zero ratios get zero", (c, rs) => {
    const total = fromMinorUnits(c, "USD");
    const parts = allocate(total, rs);
    const r = rs.reduce((a, b) => a + b, 0);
    parts.forEach((p, i) => {
      const exact = total.amount.times(rs[i] ?? 0).dividedBy(r);
      expect(p.amount.minus(exact).abs().lessThan(new Decimal("0.01"))).toBe(true);
      if (rs[i] === 0) expect(p.amount.isZero()).toBe(true);
      if (c >= 0n) expect(p.amount.isNegative() && !p.amount.isZero()).toBe(false);
    });
  });

  test.prop([cents, cents])("add then subtract round-trips", (a, b) => {
    const x = fromMinorUnits(a, "EUR");
    const y = fromMinorUnits(b, "EUR");
    expect(subtract(add(x, y), y).amount.equals(x.amount)).toBe(true);
    expect(add(x, y).amount.equals(add(y, x).amount)).toBe(true);
  });

  test.prop([cents])("toMinorUnits inverts fromMinorUnits", (c) => {
    expect(toMinorUnits(fromMinorUnits(c, "USD"))).toBe(c);
    expect(toMinorUnits(fromMinorUnits(c, "BHD"))).toBe(c);
  });
});
