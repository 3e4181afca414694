import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { disclosure } from "./disclosure.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";

// Audit regression: a history starting on 2023-12-25 counted December (7 days of sales) as a full
// month, lowering the average and understating the estimated APR.
describe("disclosure: a partial first month is not averaged as a whole month", () => {
  const offer = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });
  const history = (start: number, days: number) => Array.from({ length: days }, (_, i) => ({ date: new Date(start + i * 86_400_000), amount: money("400", "USD") }));
  it("drops a first month that starts after its 1st", () => {
    const d = disclosure(offer, history(Date.UTC(2023, 11, 25), 189), { method: "historical", months: 12 });
    expect(d.monthsUsed[0]).toBe("2024-01");
    // Jan–Jun 2024: 182 days × $400 / 6 months
    expect(d.averageMonthlySales?.amount.toString()).toBe("12133.33");
  });
  it("keeps a first month whose history starts on the 1st", () => {
    const d = disclosure(offer, history(Date.UTC(2023, 11, 1), 213), { method: "historical", months: 12 });
    expect(d.monthsUsed[0]).toBe("2023-12");
  });
});
