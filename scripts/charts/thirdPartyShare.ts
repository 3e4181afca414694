/**
 * docs/guides/assets/third-party-share.svg: third-party sellers' share of Amazon's gross
 * merchandise sales, 1999–2018 (thirdPartySellerShareOfGms, from the 2018 shareholder letter),
 * with the 50 % line the guide's point turns on and the first and last values labelled.
 */
import { thirdPartySellerShareOfGms } from "marketplace-economics";
import type { DocChart } from "./_chart.js";
import { lineChart } from "./_svg.js";

function render(): string {
  const points = thirdPartySellerShareOfGms.map((o) => [o.year, o.share.toNumber() * 100] as [number, number]);
  return lineChart([{ name: "third-party sellers' share of GMS (source: Amazon 2018 letter to shareholders)", points, startLabel: true, endLabel: true }], {
    title: "Third-party sellers' share of Amazon's gross merchandise sales",
    xLabel: "year",
    yLabel: "share of GMS (%)",
    yMin: 0,
    yMax: 100,
    yFormat: (y) => `${Number(y.toFixed(1))} %`,
    xIntegers: true,
    referenceLines: [{ y: 50, label: "50 %: half of all sales" }],
  });
}

export const thirdPartyShare: DocChart = { file: "third-party-share.svg", render };
