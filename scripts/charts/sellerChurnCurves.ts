/**
 * docs/guides/assets/seller-churn-curves.svg: Kaplan-Meier survival of the seller-survival
 * guide's 40-seller log (trackSellerActivity → churnByInactivity → kaplanMeier) under three
 * inactivity thresholds (14, 30, 60 days), each labelled with its median lifetime, and the 50 %
 * line where the medians are read: the threshold is the definition of churn.
 */
import { addPeriods, calendarDay, churnByInactivity, kaplanMeier, money, trackSellerActivity } from "marketplace-economics";
import type { DocChart } from "./_chart.js";
import { lineChart } from "./_svg.js";

/** The guide's snippet log: 40 sellers joining January–April 2024, each selling weekly for 3 to 31 weeks. */
export function fortySellers() {
  const sales = [];
  for (let i = 0; i < 40; i++) {
    const start = addPeriods(calendarDay(2024, 1, 1), (i % 4) * 30 + (i % 7), "day");
    const weeks = 3 + ((i * 7) % 29);
    for (let w = 0; w < weeks; w++) sales.push({ sellerId: `s${i}`, date: addPeriods(start, w, "week"), amount: money(((i % 5) * 10 + 20 + (w % 3) * 5).toFixed(2), "USD") });
  }
  return sales;
}

function render(): string {
  const activity = trackSellerActivity(fortySellers());
  const colors = ["#2ca02c", "#1f77b4", "#d62728"];
  const series = [14, 30, 60].map((n, i) => {
    const km = kaplanMeier(churnByInactivity(activity, { inactivityDays: n, asOf: "2024-09-30" }).survival);
    const points: [number, number][] = [[0, 1], ...km.rows.map((r) => [r.time, r.survival.toNumber()] as [number, number])];
    return { name: `churn after ${n} days without a sale: median lifetime ${km.median ?? "not reached"} days`, points, color: colors[i] as string };
  });
  return lineChart(series, {
    title: "40 sellers' survival: the inactivity threshold defines churn",
    xLabel: "days since the seller's first sale",
    yLabel: "share of sellers still active S(t)",
    yMin: 0,
    yMax: 1,
    step: true,
    xIntegers: true,
    referenceLines: [{ y: 0.5, label: "50 %: median lifetime" }],
  });
}

export const sellerChurnCurves: DocChart = { file: "seller-churn-curves.svg", render };
