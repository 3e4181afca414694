/**
 * docs/guides/assets/bg-nbd-alive.svg: BG/NBD probability that a buyer is still active
 * (bgNbdProbabilityAlive) under the published CDNOW parameters (Fader, Hardie & Lee 2005:
 * r 0.243, α 4.414, a 0.793, b 2.426, weeks) for a record observed 38.86 weeks, by the week of
 * its last purchase, for 1, 2, 5 and 10 repeat purchases: the more frequent the buyer, the more a
 * silence means it is gone.
 */
import { bgNbdProbabilityAlive } from "marketplace-economics";
import type { DocChart } from "./_chart.js";
import { lineChart } from "./_svg.js";

const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const T = 38.86;

function render(): string {
  const alive5 = bgNbdProbabilityAlive(CDNOW, { frequency: 5, recency: 5, T });
  const colors = ["#2ca02c", "#1f77b4", "#ff7f0e", "#d62728"];
  const series = [1, 2, 5, 10].map((frequency, i) => {
    const points: [number, number][] = [];
    for (let k = 1; k <= 40; k++) {
      const recency = Math.min(T, k);
      points.push([recency, bgNbdProbabilityAlive(CDNOW, { frequency, recency, T })]);
    }
    return { name: `${frequency} repeat purchase${frequency === 1 ? "" : "s"}`, points, color: colors[i] as string };
  });
  return lineChart(series, {
    title: "BG/NBD P(alive) after 38.86 weeks, CDNOW parameters (Fader, Hardie & Lee 2005)",
    xLabel: "week of the last purchase (recency)",
    yLabel: "probability still active",
    yMin: 0,
    yMax: 1,
    xIntegers: true,
    yFormat: (y) => y.toFixed(1),
    annotations: [{ x: 5, y: alive5, text: `5 purchases, none after week 5: ${alive5.toFixed(3)}`, dx: 10, dy: -14, anchor: "start" }],
  });
}

export const bgNbdAlive: DocChart = { file: "bg-nbd-alive.svg", render };
