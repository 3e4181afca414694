import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import { sizeOffer } from "./sizeOffer.js";

function daily(start: string, n: number, amount: string, currency = "USD") {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => ({ date: new Date(t0 + i * 86_400_000), amount: money(amount, currency) }));
}

describe("sizeOffer", () => {
  it("sizes by share of trailing sales and sets the holdback for the target term (doc example)", () => {
    // By hand: trailing 365 × 400 = 146,000; × 8 % = 11,680 → 11,600 (step 100);
    // total 11,600 × 1.1 = 12,760; holdback 12,760 / (400 × 365) = 0.0874 → 0.09;
    // 400 × 0.09 = 36/day → ceil(12,760 / 36) = 355 days.
    const offer = sizeOffer(daily("2023-01-01", 365, "400"), { shareOfTrailingSales: "0.08", factorRate: "1.1", targetTermDays: 365, principalStep: 100 });
    expect(offer.eligible).toBe(true);
    expect(offer.product!.principal.amount.toString()).toBe("11600");
    expect(offer.product!.fee.amount.toString()).toBe("1160");
    expect(offer.product!.holdbackRate.toString()).toBe("0.09");
    expect(offer.estimatedTermDays).toBe(355);
    expect(offer.constrainedBy).toBe("share-of-sales");
    expect(offer.trailingSales.amount.toString()).toBe("146000");
  });
  it("caps the holdback and shrinks the principal", () => {
    // 0.5 × 146,000 = 73,000 would need 73,000 × 1.1 / (400 × 90) = 2.23 holdback: capped at 0.2
    // → principal = floor(0.2 × 400 × 90 / 1.1) = floor(6545.45) = 6,545
    const offer = sizeOffer(daily("2023-01-01", 365, "400"), { shareOfTrailingSales: "0.5", factorRate: "1.1", targetTermDays: 90, maxHoldbackRate: "0.2" });
    expect(offer.constrainedBy).toBe("holdback-cap");
    expect(offer.product!.principal.amount.toString()).toBe("6545");
    expect(offer.product!.holdbackRate.toString()).toBe("0.2");
  });
  it("uses the months a young seller has been selling", () => {
    const offer = sizeOffer(daily("2023-10-01", 92, "100"), { shareOfTrailingSales: "0.1", factorRate: "1.1", targetTermDays: 180 });
    expect(offer.windowDays).toBe(92);
    expect(offer.averageDailySales.amount.toString()).toBe("100");
  });
  it("applies maxPrincipal", () => {
    const offer = sizeOffer(daily("2023-01-01", 365, "400"), { shareOfTrailingSales: "0.5", factorRate: "1.1", targetTermDays: 3650, maxPrincipal: 5000 });
    expect(offer.constrainedBy).toBe("max-principal");
    expect(offer.product!.principal.amount.toString()).toBe("5000");
  });
  it("takes principal limits as AmountInput: a number or a Money in the sales' currency (#10)", () => {
    const policy = { shareOfTrailingSales: "0.5", factorRate: "1.1", targetTermDays: 3650 };
    const history = daily("2023-01-01", 365, "400");
    const asNumbers = sizeOffer(history, { ...policy, maxPrincipal: 5000, principalStep: 100, minPrincipal: 1000 });
    const asMoney = sizeOffer(history, { ...policy, maxPrincipal: money("5000", "USD"), principalStep: money("100", "USD"), minPrincipal: money("1000", "USD") });
    expect(asMoney.constrainedBy).toBe("max-principal");
    expect(asMoney.product!.principal.amount.toString()).toBe("5000");
    expect(asMoney.product!.principal.amount.toString()).toBe(asNumbers.product!.principal.amount.toString());
    expect(asMoney.product!.holdbackRate.toString()).toBe(asNumbers.product!.holdbackRate.toString());
    // 0.5 × 146,000 = 73,000 floored to a multiple of 7,000 → 70,000
    expect(sizeOffer(history, { ...policy, principalStep: money("7000", "USD") }).product!.principal.amount.toString()).toBe("70000");
    expect(() => sizeOffer(history, { ...policy, maxPrincipal: money("5000", "EUR") })).toThrow(CurrencyMismatchError);
    expect(() => sizeOffer(history, { ...policy, minPrincipal: money("0", "USD") })).toThrowErrorMatchingInlineSnapshot(
      `[ValidationError: sizeOffer: policy.minPrincipal.amount must be > 0, received Decimal(0) (allowed: a number > 0)]`,
    );
    expect(() => sizeOffer(history, { ...policy, maxPrincipal: -1 })).toThrow(/policy\.maxPrincipal must be > 0/);
  });
  it("is not eligible without sales", () => {
    const offer = sizeOffer(daily("2023-01-01", 30, "0"), { shareOfTrailingSales: "0.1", factorRate: "1.1", targetTermDays: 180 });
    expect(offer.eligible).toBe(false);
    expect(offer.product).toBeNull();
  });
  it("rejects bad inputs", () => {
    expect(() => sizeOffer([], { shareOfTrailingSales: "0.1", factorRate: "1.1", targetTermDays: 180 })).toThrow(ValidationError);
    expect(() => sizeOffer(daily("2023-01-01", 3, "1"), { shareOfTrailingSales: "0", factorRate: "1.1", targetTermDays: 180 })).toThrow(/shareOfTrailingSales/);
    expect(() => sizeOffer(daily("2023-01-01", 3, "1"), { shareOfTrailingSales: "0.1", factorRate: "0.9", targetTermDays: 180 })).toThrow(/factorRate/);
    expect(() => sizeOffer(daily("2023-01-01", 3, "1"), { shareOfTrailingSales: "0.1", factorRate: "1.1", targetTermDays: 0 })).toThrow(/targetTermDays/);
    expect(() => sizeOffer([...daily("2023-01-01", 1, "1"), ...daily("2023-01-02", 1, "1", "EUR")], { shareOfTrailingSales: "0.1", factorRate: "1.1", targetTermDays: 10 })).toThrow(CurrencyMismatchError);
  });
});
