import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { simulateRepayment } from "./simulateRepayment.js";
import { sizeOffer } from "./sizeOffer.js";

// Audit regression: the holdback was sized with the unrounded daily payment, but every payment is
// rounded to the cent, so an offer could take one day longer than targetTermDays.
const flat = (usd: string, days: number) => Array.from({ length: days }, (_, i) => ({ date: new Date(Date.UTC(2023, 0, 1 + i)), amount: money(usd, "USD") }));
const replay = (history: ReturnType<typeof flat>) => history.map((s) => ({ date: new Date(s.date.getTime() + 365 * 86_400_000), amount: s.amount }));

describe("sizeOffer meets its target term with cent-rounded payments", () => {
  it("on the holdback-cap path", () => {
    const history = flat("174.62", 365);
    const offer = sizeOffer(history, { shareOfTrailingSales: "0.488", factorRate: "1.03296", targetTermDays: 250, maxHoldbackRate: "0.059", holdbackStep: "0.001" });
    expect(offer.constrainedBy).toBe("holdback-cap");
    expect(offer.estimatedTermDays!).toBeLessThanOrEqual(250);
    expect(simulateRepayment(offer.product!, replay(history)).summary.daysToPayoff!).toBeLessThanOrEqual(250);
  });
  it("on the share-of-sales path", () => {
    const history = flat("333.33", 365);
    const offer = sizeOffer(history, { shareOfTrailingSales: "0.08", factorRate: "1.1", targetTermDays: 365, holdbackStep: "0.001", maxHoldbackRate: "0.99" });
    expect(offer.estimatedTermDays!).toBeLessThanOrEqual(365);
    expect(simulateRepayment(offer.product!, replay(history)).summary.daysToPayoff!).toBeLessThanOrEqual(365);
  });
});
