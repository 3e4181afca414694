/**
 * docs/guides/assets/payout-series.svg: cumulative net proceeds and cumulative payouts of one
 * seller's 90 days of orders under ILLUSTRATIVE_FEE_SCHEDULE (payoutSchedule): paid 7 days after
 * delivery, versus a 14-day disbursement cycle with a 10 % reserve held 90 days.
 */
import { ILLUSTRATIVE_FEE_SCHEDULE, money, payoutSchedule, saleFees } from "marketplace-economics";
import type { DocChart } from "./_chart.js";
import { lineChart } from "./_svg.js";

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

function orders() {
  const out = [];
  for (let d = 0; d < 90; d++) {
    const date = new Date(START + d * DAY);
    const deliveredOn = new Date(START + (d + 3) * DAY);
    out.push({ category: "home", amount: money("24.99", "USD"), date, deliveredOn });
    if (d % 3 === 0) out.push({ category: "electronics", amount: money("199.00", "USD"), date, deliveredOn });
  }
  return out;
}

function cumulative(points: readonly { date: Date; amount: { amount: { toNumber(): number } } }[]): [number, number][] {
  let sum = 0;
  const out: [number, number][] = [[0, 0]];
  for (const p of points) {
    sum += p.amount.amount.toNumber();
    out.push([(p.date.getTime() - START) / DAY, sum]);
  }
  return out;
}

function render(): string {
  const o = orders();
  const net = cumulative(o.map((s) => ({ date: s.date, amount: saleFees(ILLUSTRATIVE_FEE_SCHEDULE, s).net })));
  const daily = payoutSchedule(ILLUSTRATIVE_FEE_SCHEDULE, o, { delayDays: 7 });
  const cycle = payoutSchedule(ILLUSTRATIVE_FEE_SCHEDULE, o, { delayDays: 7, cycleDays: 14, cycleStart: "2024-01-01", reserveRate: "0.1", reserveDays: 90 });
  return lineChart(
    [
      { name: "net proceeds earned (sale day)", points: net },
      { name: "paid 7 days after delivery", points: cumulative(daily.payouts) },
      { name: "14-day cycle, 10 % reserve for 90 days", points: cumulative(cycle.payouts) },
    ],
    {
      title: "One seller's payouts under an illustrative fee schedule",
      xLabel: "days since 2024-01-01",
      yLabel: "cumulative USD",
      yFormat: (y) => `$${y.toLocaleString("en-US")}`,
      step: true,
      xIntegers: true,
    },
  );
}

export const payoutSeries: DocChart = { file: "payout-series.svg", render };
