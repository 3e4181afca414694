import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import { auditOptInApr } from "./auditOptInApr.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateRepayment } from "./simulateRepayment.js";

const usd = (a: string) => money(a, "USD");
const advance = salesBasedAdvance({ principal: usd("10000"), fee: 1500, holdbackRate: "0.1" });
const sales = (perDay: string, n = 400) => Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: usd(perDay) }));

describe("auditOptInApr", () => {
  const slow = simulateRepayment(advance, sales("400")); // paid off 2024-10-15 (day 288), APR 36.24 %
  const fast = simulateRepayment(advance, sales("800")); // paid off 2024-05-24 (day 144)
  const unpaid = simulateRepayment(advance, sales("400", 30));

  // Cal. Code Regs. tit. 10 § 931(a)(4): every four months, financings paid off in the previous four-month period.
  it("audits the financings paid off in California's four-month period (§ 931(a)(4)) with the statutory exclusions", () => {
    const audit = auditOptInApr(
      [
        { id: "slow", disclosedApr: "0.35", result: slow },
        { id: "fast", disclosedApr: "0.6", result: fast },
        { id: "sued", disclosedApr: "0.35", result: slow, exclusion: "legal-action" },
        { id: "open", disclosedApr: "0.35", result: unpaid },
      ],
      { jurisdiction: "CA", periodEnd: "2024-12-31" },
    );
    expect([audit.periodStart.toISOString().slice(0, 10), audit.everyMonths, audit.section]).toEqual(["2024-09-01", 4, "Cal. Code Regs. tit. 10 § 931(a)(4)"]);
    expect(audit.lines.map((l) => l.status)).toEqual(["included", "outside-period", "excluded", "not-paid-off"]);
    expect([audit.included, audit.excluded]).toEqual([1, 1]);
    expect(audit.lines[0]!.retrospectiveApr!.toDecimalPlaces(4).toString()).toBe("0.3624");
    expect(audit.meanDifference!.toDecimalPlaces(4).toString()).toBe("0.0124");
    expect(audit.maxAbsDifferenceId).toBe("slow");
  });

  // 23 NYCRR § 600.9(e): once every twelve months, the previous twelve-month period.
  it("uses New York's twelve-month period (§ 600.9(e)) and the exclusions given as options", () => {
    const audit = auditOptInApr(
      [
        { id: "slow", disclosedApr: "0.35", result: slow },
        { id: "fast", disclosedApr: "0.6", result: fast },
        { id: "sued", disclosedApr: "0.35", result: slow, exclusion: "legal-action" },
      ],
      { jurisdiction: "NY", periodEnd: "2024-12-31", exclusions: [] },
    );
    expect([audit.everyMonths, audit.included, audit.excluded]).toEqual([12, 3, 0]);
    expect(audit.periodStart.toISOString().slice(0, 10)).toBe("2024-01-01");
  });

  describe("edge cases", () => {
    it("throws typed errors naming the field", () => {
      expect(() => auditOptInApr([{ id: "a", disclosedApr: "0.3", result: slow }], { jurisdiction: "TX" as never, periodEnd: "2024-12-31" })).toThrow(/^auditOptInApr: options.jurisdiction/);
      expect(() =>
        auditOptInApr(
          [
            { id: "a", disclosedApr: "0.3", result: slow },
            { id: "a", disclosedApr: "0.3", result: slow },
          ],
          { jurisdiction: "CA", periodEnd: "2024-12-31" },
        ),
      ).toThrow(/financings\[1\].id must be unique/);
      expect(() => auditOptInApr([{ id: "a", disclosedApr: "0.3", result: slow, exclusion: "bankrupt" as never }], { jurisdiction: "CA", periodEnd: "2024-12-31" })).toThrow(ValidationError);
      expect(() => auditOptInApr([{ id: "a", disclosedApr: "0.3", result: {} as never }], { jurisdiction: "CA", periodEnd: "2024-12-31" })).toThrow(/^auditOptInApr: financings\[0\].result/);
    });
  });
});
