import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { makeMoney } from "../../_lib/money.js";
import { addSaleUnchecked, ShareAccumulatorImpl, toMinorFast } from "./accumulator.js";

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

// The hot path of addSaleUnchecked (integer minor units, no Decimal) must give exactly the totals
// of plain Decimal arithmetic under the documented rules, whatever mix of shapes reaches it:
// sub-minor digits, values at and above 10^7, refunds, zero and -0, fractional or missing units,
// currencies with 0, 2 and 3 minor digits, a segment seen for the first time. Magnitudes keep
// every sum within decimal.js's 20 significant digits, so the reference fold is exact.
describe("streaming accumulator hot path (internal)", () => {
  const amount = fc
    .tuple(fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }), fc.integer({ min: 0, max: 6 }), fc.boolean())
    .map(([m, s, negZero]) => (m === 0n && negZero ? new Decimal("-0") : new Decimal(`${m}e-${s}`)));
  const units = fc.oneof(
    fc.constant(undefined),
    fc.integer({ min: -5, max: 1_000_000 }),
    fc.integer({ min: -12, max: 12 }).map((q) => q / 4),
  );
  const sale = fc.record({ amount, units, seg: fc.constantFrom("a", "b", "c") });
  test.prop([fc.constantFrom("USD", "JPY", "BHD"), fc.array(sale, { maxLength: 40 })])("equals a plain Decimal fold", (currency, list) => {
    const acc = new ShareAccumulatorImpl(undefined, 10, "net", undefined, undefined);
    const ref = new Map<string, { gmv: Decimal; units: Decimal; sales: number }>();
    const date = new Date("2017-01-01T00:00:00Z");
    list.forEach((s, i) => {
      const u = s.units;
      addSaleUnchecked(acc, { sellerId: "x", date, amount: makeMoney(s.amount, currency), ...(u === undefined ? {} : { units: u }) }, s.seg, "t", "sales", i);
      const refund = s.amount.isNegative() && !s.amount.isZero();
      const r = ref.get(s.seg) ?? { gmv: new Decimal(0), units: new Decimal(0), sales: 0 };
      ref.set(s.seg, { gmv: r.gmv.plus(s.amount), units: r.units.plus(u ?? (refund ? 0 : 1)), sales: r.sales + (refund ? 0 : 1) });
    });
    const json = acc.toJSON();
    expect(json.sales).toBe(list.length);
    expect(Object.keys(json.totals)).toEqual([...ref.keys()].sort());
    for (const [seg, r] of ref) {
      const t = json.totals[seg];
      expect(new Decimal(t?.gmv ?? "NaN").eq(r.gmv), `${seg} gmv ${t?.gmv} vs ${r.gmv.toFixed()}`).toBe(true);
      expect(new Decimal(t?.units ?? "NaN").eq(r.units), `${seg} units ${t?.units} vs ${r.units.toFixed()}`).toBe(true);
      expect(t?.sales).toBe(r.sales);
    }
  });
  it("falls back without touching the totals when a sale overflows the integer fast path", () => {
    const acc = new ShareAccumulatorImpl("USD", 10, "net", undefined, undefined);
    const big = makeMoney(new Decimal("9999999.99"), "USD");
    const date = new Date("2017-01-01T00:00:00Z");
    for (let i = 0; i < 3; i++) addSaleUnchecked(acc, { sellerId: "x", date, amount: big, units: 2 ** 52 }, "a", "t", "sales", i);
    const t = acc.toJSON().totals["a"];
    expect(t?.gmv).toBe("29999999.97");
    expect(t?.units).toBe(String(3n * 2n ** 52n));
    expect(t?.sales).toBe(3);
  });
});
