/**
 * docs/guides/assets/vintage-repayment.svg: cumulative repayment (share of principal) by months
 * on book of four quarterly funding cohorts of a small deterministic book of advances, each
 * later cohort with weaker sales, as of 2025-06-30 (vintageCurves), and the chain-ladder
 * projection of the youngest cohort to the oldest cohort's age (chainLadder, no tail).
 */
import { chainLadder, money, salesBasedAdvance, vintageCurves } from "marketplace-economics";
import type { DocChart } from "./_chart.js";
import { lineChart } from "./_svg.js";

function render(): string {
  const product = salesBasedAdvance({ principal: money("10000", "USD"), fee: "1200", holdbackRate: "0.1", minimumPayment: { rate: "0.1", everyDays: 90 }, maxTermDays: 540 });
  const loans = [];
  const sales: Record<string, { date: Date; amount: ReturnType<typeof money> }[]> = {};
  for (let k = 0; k < 120; k++) {
    const quarter = k % 4;
    const funded = Date.UTC(2024, quarter * 3, 1 + (k % 28));
    // later cohorts sell less: $260 … $170 a day on average, each seller ± 40 %
    const daily = (260 - 30 * quarter) * (0.6 + ((k * 37) % 80) / 100);
    sales[`s${k}`] = Array.from({ length: 540 }, (_, i) => ({ date: new Date(funded + (i + 1) * 86_400_000), amount: money(daily.toFixed(2), "USD") }));
    loans.push({ id: `l${k}`, sellerId: `s${k}`, product, fundedOn: new Date(funded) });
  }
  const v = vintageCurves(loans, sales, { asOf: "2025-06-30", period: "quarter" });
  const series = v.cohorts.map((c) => ({
    name: `${c.vintage} (${c.loanCount} advances)`,
    points: [[0, 0] as [number, number], ...c.points.map((p) => [p.monthsOnBook, p.repaidRate.toNumber() * 100] as [number, number])],
  }));
  const cl = chainLadder(v.cohorts.map((c) => c.points.map((p) => p.repaid.amount)));
  const young = v.cohorts[v.cohorts.length - 1]!;
  const ultimate = cl.origins[cl.origins.length - 1]!.ultimate.div(young.principal.amount).toNumber() * 100;
  series.push({
    name: `${young.vintage} projected to month ${cl.ageToUltimate.length} by chain ladder: ${ultimate.toFixed(0)} %`,
    points: [
      [young.points.length, young.points[young.points.length - 1]!.repaidRate.toNumber() * 100],
      [cl.ageToUltimate.length, ultimate],
    ],
  });
  return lineChart(series, {
    title: "Cumulative repayment by months on book, quarterly funding cohorts",
    xLabel: "months on book",
    yLabel: "repaid, % of principal",
    yFormat: (y) => `${y.toFixed(0)} %`,
    xIntegers: true,
  });
}

export const vintageRepayment: DocChart = { file: "vintage-repayment.svg", render };
