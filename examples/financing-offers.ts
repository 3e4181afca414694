// Compare three ways to borrow $10,000 against the same sales: their term, factor rate, XIRR and
// Regulation Z APR, the disclosure figures, and how they move if sales drop (financing module).
// Run: npx tsx examples/financing-offers.ts
import { addPeriods, calendarDay, costOfFinancing, disclosure, formatMoney, money, revenueShareLoan, salesBasedAdvance, simulateRepayment, simulateSalesScenarios, termLoan } from "marketplace-economics";
import type { FinancingProduct } from "marketplace-economics";

// A seller with about $400 of sales a day, a little higher on weekends, for two years.
const sales = Array.from({ length: 730 }, (_, i) => {
  const date = addPeriods(calendarDay(2024, 1, 1), i, "day");
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
  return { date, amount: money(weekend ? "520" : "352", "USD") };
});
const principal = money("10000", "USD");
const offers: [string, FinancingProduct][] = [
  // PayPal Working Capital style: fixed fee, 10 % of daily sales, at least 5 % of the total every 90 days.
  ["advance, 10 % holdback", salesBasedAdvance({ principal, fee: "1500", holdbackRate: "0.10", minimumPayment: { rate: "0.05", everyDays: 90 } })],
  // Shopify Capital style: a factor rate, 17 % of daily sales.
  ["advance, factor 1.13", salesBasedAdvance({ principal, factorRate: "1.13", holdbackRate: "0.17" })],
  // Amazon Lending style: 12 monthly instalments at 12 % a year, deducted from payouts.
  ["term loan, 12 % / 12 mo", termLoan({ principal, annualRate: "0.12", termMonths: 12, startDate: "2024-01-01", schedule: "month" })],
  // The same loan with an instalment every 14 days (26 instalments).
  ["term loan, every 14 days", termLoan({ principal, annualRate: "0.12", termMonths: 12, startDate: "2024-01-01", schedule: "biweek" })],
  // A revenue-share loan: 8 % of revenue until 1.4x is repaid.
  ["revenue share, cap 1.4x", revenueShareLoan({ principal, repaymentCap: "1.4", revenueShare: "0.08" })],
];

console.log("offer                      days  total paid   factor   XIRR     APR (Reg Z)");
for (const [name, product] of offers) {
  // Sales-based products collect every "day"; the revenue share is collected once a "month".
  const result = simulateRepayment(product, sales, { granularity: product.kind === "revenue-share-loan" ? "month" : "day" });
  const cost = costOfFinancing(result);
  const pct = (d: { toNumber(): number } | null) => (d === null ? "n/a" : `${(d.toNumber() * 100).toFixed(2)} %`);
  console.log(
    `${name.padEnd(26)} ${String(result.summary.daysToPayoff ?? "—").padStart(4)}  ${formatMoney(result.summary.totalPaid).padStart(10)}  ${cost.factorRate.toFixed(3).padStart(6)}  ${pct(cost.effectiveAnnualRate).padStart(8)}  ${pct(cost.apr).padStart(8)}`,
  );
}

// The figures a California (10 CCR § 930) / New York (23 NYCRR 600.8) disclosure needs.
const [, first] = offers[0] ?? [];
if (first === undefined || first.kind !== "sales-based-advance") throw new Error("unexpected offer");
const d = disclosure(first, sales.slice(0, 365), { method: "historical", months: 12 });
console.log(
  `\nDisclosure: funding ${formatMoney(d.fundingProvided)}, finance charge ${formatMoney(d.estimatedFinanceCharge)}, total ${formatMoney(d.estimatedTotalPayment)}, estimated APR ${d.estimatedApr?.times(100).toFixed(2)} %, term ${d.estimatedTermDays} days`,
);

// What if sales fall? Term and APR under -10 %, -30 % and seasonal sales.
for (const s of simulateSalesScenarios(first, sales)) {
  console.log(`${s.name.padEnd(12)} payoff in ${s.daysToPayoff ?? "—"} days, APR ${s.apr?.times(100).toFixed(2) ?? "n/a"} %, minimum missed: ${s.anyMinimumMissed}`);
}
