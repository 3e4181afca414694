/**
 * docs/guides/assets/seller-lifetime-value.svg: cohort-historical lifetime value per acquired
 * seller (sellerLifetimeValue, 15 % take rate) of the seller-survival guide's 40-seller log by
 * horizon, undiscounted and at 1 % per month, with the six-month values labelled: the curve
 * flattens as the cohorts' sellers churn.
 */
import { sellerLifetimeValue, trackSellerActivity } from "marketplace-economics";
import type { DocChart } from "./_chart.js";
import { lineChart } from "./_svg.js";
import { fortySellers } from "./sellerChurnCurves.js";

function render(): string {
  const activity = trackSellerActivity(fortySellers());
  const curve = (discountRate: string) => sellerLifetimeValue(activity, { horizon: 6, takeRate: "0.15", discountRate }).curve;
  const series = [
    { name: "undiscounted", discountRate: "0", color: "#1f77b4" },
    { name: "discounted at 1 % a month", discountRate: "0.01", color: "#ff7f0e", dashed: true },
  ].map(({ name, discountRate, color, dashed }) => {
    const c = curve(discountRate);
    const last = c[c.length - 1]?.amount.toFixed(2) ?? "—";
    return {
      name: `${name}: $${last} after ${c.length} months`,
      points: [[0, 0] as [number, number], ...c.map((m, i) => [i + 1, m.amount.toNumber()] as [number, number])],
      color,
      ...(dashed ? { dashed } : { endLabel: true }),
    };
  });
  return lineChart(series, {
    title: "Lifetime value per acquired seller: the marketplace's 15 % take over the first months",
    xLabel: "horizon (months since the seller's first sale)",
    yLabel: "cumulative take per seller (USD)",
    yMin: 0,
    yFormat: (y) => `$${y.toLocaleString("en-US")}`,
    xIntegers: true,
  });
}

export const sellerLifetimeValueCurve: DocChart = { file: "seller-lifetime-value.svg", render };
