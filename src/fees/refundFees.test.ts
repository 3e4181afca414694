import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ErrorCode, ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import { createFeeSchedule } from "./createFeeSchedule.js";
import { refundFees } from "./refundFees.js";

const usd = (a: string) => money(a, "USD");
// Amazon US refund administration fee (Seller Central help GDC3U6FWF4JJJJC7): non-media, 100 %
// refunded: the lesser of $5 or 20 % of the referral fee; books, music, video, DVD: $0 on a full
// refund, the closing fee kept on a partial one.
const amazonLike = createFeeSchedule({
  currency: "USD",
  categories: [
    { category: "toys", rate: "0.15" },
    { category: "books", rate: "0.15", closingFeePerItem: "1.80", refunds: { closing: "full-refund-only" } },
  ],
  fulfilmentPerItem: "2.41",
  refunds: { administrationRate: "0.2", administrationMax: "5.00" },
});
const fix = (m: { amount: { toFixed(n: number): string } }) => m.amount.toFixed(2);

describe("refundFees", () => {
  it("reproduces Amazon's published refund administration fee example (item A $345, item B $57, 15 % referral)", () => {
    // Seller Central help 200387220 (EU pages; the US page GDC3U6FWF4JJJJC7 prints the same order):
    // item A = 300 + 40 shipping + 5 gift wrap = 345; 20 % × (15 % × 345) = 20 % × 51.75 = 10.35, capped at 5.00.
    const a = refundFees(amazonLike, { category: "toys", amount: usd("345.00") });
    expect(fix(a.charged.referral)).toBe("51.75");
    expect(fix(a.administrationFee)).toBe("5.00");
    expect(fix(a.referral)).toBe("46.75");
    // item B = 50 + 5 + 2 = 57; 20 % × (15 % × 57) = 20 % × 8.55 = 1.71, under the cap.
    const b = refundFees(amazonLike, { category: "toys", amount: usd("57.00") });
    expect(fix(b.charged.referral)).toBe("8.55");
    expect(fix(b.administrationFee)).toBe("1.71");
    expect(fix(b.referral)).toBe("6.84");
    // the order refunded in full: administration fees 5.00 + 1.71 = 6.71 (as printed)
    expect(Number(a.administrationFee.amount.plus(b.administrationFee.amount))).toBe(6.71);
  });

  it("keeps the fulfilment fee (a $50 FBA sale: 7.50 referral, 1.50 kept, 2.41 fulfilment not refunded)", () => {
    // help.sellerzen.com "What is a returns processing fee": $50 sale, $7.50 referral, $1.50
    // administration fee (20 % of 7.50), fulfilment $2.41 not refunded.
    const r = refundFees(amazonLike, { category: "toys", amount: usd("50.00") });
    expect([fix(r.charged.fulfilment), fix(r.administrationFee), fix(r.referral), fix(r.fulfilment), fix(r.total)]).toEqual(["2.41", "1.50", "6.00", "0.00", "6.00"]);
    expect(fix(r.sellerCost)).toBe("44.00");
    expect(r.full).toBe(true);
  });

  it("refunds a partial amount in proportion", () => {
    // 40 % of a $100 sale: referral 15.00 × 0.4 = 6.00, administration 20 % = 1.20, refunded 4.80
    const r = refundFees(amazonLike, { category: "toys", amount: usd("100.00") }, { amount: usd("40.00") });
    expect([fix(r.refundedAmount), fix(r.referral), fix(r.administrationFee)]).toEqual(["40.00", "4.80", "1.20"]);
    expect(r.full).toBe(false);
  });

  it("applies a category's own policy: media closing fee refunded only on a full refund, no administration fee", () => {
    const full = refundFees(amazonLike, { category: "books", amount: usd("20.00") });
    expect([fix(full.referral), fix(full.administrationFee), fix(full.closing)]).toEqual(["3.00", "0.00", "1.80"]);
    const part = refundFees(amazonLike, { category: "books", amount: usd("20.00") }, { amount: "10.00" });
    expect([fix(part.referral), fix(part.closing)]).toEqual(["1.50", "0.00"]);
  });

  it("refunds the referral fee only, in proportion, when the schedule has no policy", () => {
    const s = createFeeSchedule({ currency: "USD", categories: [{ category: "x", rate: "0.1", closingFeePerItem: "1.00" }], perOrderFee: "0.50" });
    const r = refundFees(s, { category: "x", amount: usd("30.00") }, { amount: "15.00" });
    expect([fix(r.referral), fix(r.administrationFee), fix(r.closing), fix(r.perOrder), fix(r.total)]).toEqual(["1.50", "0.00", "0.00", "0.00", "1.50"]);
    expect(s.refunds).toBeUndefined();
  });

  it("refunds fixed and fulfilment fees when the policy says so, and accepts the schedule's JSON form", () => {
    const s = createFeeSchedule({
      currency: "USD",
      categories: [{ category: "x", rate: "0.1" }],
      perItemFee: "0.99",
      perOrderFee: "0.50",
      fulfilmentPerItem: "3.00",
      refunds: { fixedFees: true, fulfilment: true, closing: "always" },
    });
    const json = JSON.parse(JSON.stringify(s));
    const r = refundFees(json, { category: "x", amount: usd("10.00"), units: 2 });
    expect([fix(r.referral), fix(r.perItem), fix(r.perOrder), fix(r.fulfilment), fix(r.total), fix(r.sellerCost)]).toEqual(["1.00", "1.98", "0.50", "6.00", "9.48", "0.52"]);
    expect(Object.isFrozen(r)).toBe(true);
  });

  describe("edge cases", () => {
    it("throws when the refund exceeds the sale or is negative", () => {
      const e = (() => {
        try {
          refundFees(amazonLike, { category: "toys", amount: usd("10.00") }, { amount: "10.01" });
        } catch (x) {
          return x as ValidationError;
        }
      })();
      expect([e?.code, e?.fn]).toEqual([ErrorCode.OUT_OF_RANGE, "refundFees"]);
      expect(() => refundFees(amazonLike, { category: "toys", amount: usd("10.00") }, { amount: "-1" })).toThrow(ValidationError);
      expect(() => refundFees(amazonLike, { category: "toys", amount: usd("10.00") }, { amount: "0.001" })).toThrow(/minor units/);
      expect(() => refundFees(amazonLike, { category: "toys", amount: usd("10.00") }, { amount: money("1", "EUR") })).toThrow(CurrencyMismatchError);
      expect(() => refundFees(amazonLike, { category: "toys", amount: usd("10.00") }, { amout: "1" } as never)).toThrow(/unknown key/);
    });
    it("refunds nothing for a zero refund, everything charged is still reported", () => {
      const r = refundFees(amazonLike, { category: "toys", amount: usd("10.00") }, { amount: 0 });
      expect(fix(r.total)).toBe("0.00");
      expect(fix(r.charged.referral)).toBe("1.50");
    });
    it("rejects a bad policy in createFeeSchedule", () => {
      expect(() => createFeeSchedule({ currency: "USD", categories: [{ category: "x", rate: "0.1" }], refunds: { administrationRate: "1.5" } })).toThrow(/createFeeSchedule/);
      expect(() => createFeeSchedule({ currency: "USD", categories: [{ category: "x", rate: "0.1" }], refunds: { closing: "sometimes" as never } })).toThrow(ValidationError);
      expect(() => createFeeSchedule({ currency: "USD", categories: [{ category: "x", rate: "0.1" }], refunds: { fulfilment: "yes" as never } })).toThrow(TypeError);
      expect(() => createFeeSchedule({ currency: "USD", categories: [{ category: "x", rate: "0.1" }], refunds: { administrationMax: money("5", "EUR") } })).toThrow(CurrencyMismatchError);
    });
  });
});
