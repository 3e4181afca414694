/**
 * docs/guides/assets/repayment-balance.svg: balance of a $10,000 + $1,500 advance at 10 %
 * holdback under flat, -30 % and seasonal sales (simulateRepayment), each scenario's payoff day
 * marked with its Reg Z APR (costOfFinancing): the guide's point is that the same fee costs a
 * lower APR when sales fall.
 */
import { costOfFinancing, money, salesBasedAdvance, simulateRepayment } from "marketplace-economics";
import type { Annotation } from "./_svg.js";
import type { DocChart } from "./_chart.js";
import { lineChart } from "./_svg.js";

const COLORS = ["#1f77b4", "#d62728", "#2ca02c"] as const;

function render(): string {
  const advance = salesBasedAdvance({ principal: money("10000", "USD"), fee: "1500", holdbackRate: "0.1" });
  const start = Date.UTC(2024, 0, 2);
  const annotations: Annotation[] = [];
  const scenario = (name: string, color: string, daily: (day: number) => number, labelY: number) => {
    const sales = Array.from({ length: 730 }, (_, i) => ({ date: new Date(start + i * 86_400_000), amount: money(daily(i).toFixed(2), "USD") }));
    const result = simulateRepayment(advance, sales);
    const apr = costOfFinancing(result).apr;
    const aprText = apr === null ? "APR n/a" : `APR ${apr.times(100).toFixed(1)} %`;
    const points: [number, number][] = [[0, 11_500]];
    for (const [i, row] of result.rows.entries()) {
      points.push([i + 1, row.balance.amount.toNumber()]);
      if (row.balance.amount.isZero()) break;
    }
    const days = result.summary.daysToPayoff;
    if (days !== null) annotations.push({ x: days, y: 0, text: `${aprText}, ${days} days`, color, labelAt: [411, labelY] });
    return { name: `${name}: paid off in ${days ?? "—"} days, ${aprText}`, points, color };
  };
  const seasonal = (i: number) => 400 * (1 + 0.35 * Math.cos((2 * Math.PI * (i - 340)) / 365));
  const series = [scenario("flat $400/day", COLORS[0], () => 400, 11_000), scenario("seasonal, Q4 peak", COLORS[2], seasonal, 9_800), scenario("sales −30 %", COLORS[1], () => 280, 8_600)];
  return lineChart(series, {
    title: "A $10,000 advance + $1,500 fee at a 10 % holdback: slower sales, longer term, lower APR",
    xLabel: "days since funding",
    yLabel: "balance owed (USD)",
    yFormat: (y) => `$${y.toLocaleString("en-US")}`,
    xIntegers: true,
    annotations,
  });
}

export const repaymentBalance: DocChart = { file: "repayment-balance.svg", render };
