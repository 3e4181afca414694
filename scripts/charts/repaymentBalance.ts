/**
 * docs/guides/assets/repayment-balance.svg: balance of a $10,000 + $1,500 advance at 10 %
 * holdback under flat, -30 % and seasonal sales (simulateRepayment).
 */
import { money, salesBasedAdvance, simulateRepayment } from "marketplace-economics";
import type { DocChart } from "./_chart.js";
import { lineChart } from "./_svg.js";

function render(): string {
  const advance = salesBasedAdvance({ principal: money("10000", "USD"), fee: "1500", holdbackRate: "0.1" });
  const start = Date.UTC(2024, 0, 2);
  const scenario = (name: string, daily: (day: number) => number) => {
    const sales = Array.from({ length: 730 }, (_, i) => ({ date: new Date(start + i * 86_400_000), amount: money(daily(i).toFixed(2), "USD") }));
    const result = simulateRepayment(advance, sales);
    const points: [number, number][] = [[0, 11_500]];
    for (const [i, row] of result.rows.entries()) {
      points.push([i + 1, row.balance.amount.toNumber()]);
      if (row.balance.amount.isZero()) break;
    }
    return { name: `${name} (paid off in ${result.summary.daysToPayoff ?? "—"} days)`, points };
  };
  const seasonal = (i: number) => 400 * (1 + 0.35 * Math.cos((2 * Math.PI * (i - 340)) / 365));
  return lineChart([scenario("flat $400/day", () => 400), scenario("sales −30 %", () => 280), scenario("seasonal, Q4 peak", seasonal)], {
    title: "Balance of a $10,000 advance + $1,500 fee at a 10 % holdback",
    xLabel: "days since funding",
    yLabel: "balance owed (USD)",
    yFormat: (y) => `$${y.toLocaleString("en-US")}`,
    xIntegers: true,
  });
}

export const repaymentBalance: DocChart = { file: "repayment-balance.svg", render };
