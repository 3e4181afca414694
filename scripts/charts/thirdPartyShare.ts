/**
 * docs/guides/assets/third-party-share.svg: third-party sellers' share of Amazon's gross
 * merchandise sales, 1999–2018 (thirdPartySellerShareOfGms, from the 2018 shareholder letter).
 */
import { thirdPartySellerShareOfGms } from "marketplace-economics";
import type { DocChart } from "./_chart.js";
import { lineChart } from "./_svg.js";

function render(): string {
  return lineChart([{ name: "third-party sellers' share of GMS", points: thirdPartySellerShareOfGms.map((o) => [o.year, o.share.toNumber() * 100] as [number, number]) }], {
    title: "Third-party sellers' share of Amazon's gross merchandise sales",
    xLabel: "year (source: Amazon 2018 letter to shareholders)",
    yLabel: "share of GMS (%)",
    yMin: 0,
    yMax: 100,
    yFormat: (y) => `${y} %`,
    xIntegers: true,
    legend: "top-left",
  });
}

export const thirdPartyShare: DocChart = { file: "third-party-share.svg", render };
