import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulatePortfolio } from "./simulatePortfolio.js";

describe("simulatePortfolio with until", () => {
  const product = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1" });
  const days = Array.from({ length: 200 }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: money("100", "USD") }));
  it("leaves loans funded after until out of every total and counts them", () => {
    const p = simulatePortfolio(
      [
        { id: "early", sellerId: "s1", product, fundedOn: "2024-01-01" },
        { id: "late", sellerId: "s2", product, fundedOn: "2024-05-01" },
      ],
      { s1: days, s2: days },
      { until: "2024-03-01" },
    );
    expect(p.loanCount).toBe(1);
    expect(p.notYetFunded).toBe(1);
    expect(p.totalLent.amount.toString()).toBe("1000");
    // 60 days of $10 holdback (Jan 2 – Mar 1), nothing from the unfunded loan
    expect(p.totalRepaid.amount.toString()).toBe("600");
    expect(p.loans.map((l) => l.id)).toEqual(["early"]);
  });
  it("counts every loan when there is no until", () => {
    const p = simulatePortfolio([{ id: "a", sellerId: "s1", product, fundedOn: "2024-05-01" }], { s1: days });
    expect(p.loanCount).toBe(1);
    expect(p.notYetFunded).toBe(0);
  });
});

describe("simulatePortfolio with until: implied funding dates (audit regressions)", () => {
  const product = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1" });
  const from = (start: string) => Array.from({ length: 100 }, (_, i) => ({ date: new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000), amount: money("100", "USD") }));
  it("returns an empty portfolio, not an error, when every loan is funded after until", () => {
    const p = simulatePortfolio([{ id: "a", sellerId: "s1", product, fundedOn: "2024-05-01" }], { s1: from("2024-03-01") }, { until: "2024-04-01" });
    expect(p.loanCount).toBe(0);
    expect(p.notYetFunded).toBe(1);
    expect(p.totalLent.amount.isZero()).toBe(true);
    expect(p.currency).toBe("USD");
    expect(p.irr).toBeNull();
    expect(p.cashFlows).toEqual([]);
  });
  it("treats an advance without fundedOn as funded the day before the first sale", () => {
    const p = simulatePortfolio([{ id: "a", sellerId: "s1", product }], { s1: from("2024-03-01") }, { until: "2024-02-01" });
    expect(p.notYetFunded).toBe(1);
  });
  it("reads a term loan's start date, given as a plain-data string, as its funding date", () => {
    const loan = { kind: "term-loan", startDate: "2024-06-01" } as unknown as typeof product;
    const p = simulatePortfolio(
      [
        { id: "a", sellerId: "s1", product },
        { id: "b", sellerId: "s1", product: loan },
      ],
      { s1: from("2024-01-01") },
      { until: "2024-03-01" },
    );
    expect(p.notYetFunded).toBe(1);
    expect(p.loanCount).toBe(1);
  });
});
