/**
 * docs/guides/assets/seller-survival.svg: Kaplan-Meier survival (kaplanMeier, log-log 95 % bands)
 * of the 6-MP and placebo arms of Freireich et al. (1963), the classic censored example.
 */
import { kaplanMeier } from "marketplace-economics";
import type { DocChart } from "./_chart.js";
import { lineChart } from "./_svg.js";

const MP = [...[6, 6, 6, 7, 10, 13, 16, 22, 23].map((time) => ({ time, event: true })), ...[6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35].map((time) => ({ time, event: false }))];
const PLACEBO = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23].map((time) => ({ time, event: true }));

function curves(name: string, obs: readonly { time: number; event: boolean }[]) {
  const rows = kaplanMeier(obs).rows;
  const pts = (pick: (r: (typeof rows)[number]) => number): [number, number][] => [[0, 1], ...rows.map((r) => [r.time, pick(r)] as [number, number])];
  return [
    { name: `${name}: S(t)`, points: pts((r) => r.survival.toNumber()) },
    { name: `${name}: 95 % band, lower (log-log)`, points: pts((r) => r.lower.toNumber()) },
    { name: `${name}: 95 % band, upper`, points: pts((r) => r.upper.toNumber()) },
  ];
}

function render(): string {
  const [mpS, mpL, mpU] = curves("6-MP", MP);
  const [plS] = curves("placebo", PLACEBO);
  const c = (s: { name: string; points: [number, number][] } | undefined, color: string) => ({ ...(s as { name: string; points: [number, number][] }), color });
  return lineChart([c(mpS, "#1f77b4"), c(mpL, "#9ecae1"), c(mpU, "#9ecae1"), c(plS, "#d62728")], {
    title: "Kaplan-Meier survival with Greenwood 95 % log-log bands (Freireich et al. 1963)",
    xLabel: "weeks in remission",
    yLabel: "survival S(t)",
    yMin: 0,
    yMax: 1,
    step: true,
    xIntegers: true,
  });
}

export const sellerSurvival: DocChart = { file: "seller-survival.svg", render };
