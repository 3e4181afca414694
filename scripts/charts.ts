/**
 * Generates the SVG charts of the docs from the library's own output (run by `npm run docs`):
 * - docs/guides/assets/repayment-balance.svg: balance of a $10,000 + $1,500 advance at 10 %
 *   holdback under flat, -30 % and seasonal sales (simulateRepayment);
 * - docs/guides/assets/third-party-share.svg: third-party sellers' share of Amazon's gross
 *   merchandise sales, 1999–2018 (thirdPartySellerShareOfGms, from the 2018 shareholder letter).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { money, salesBasedAdvance, simulateRepayment, thirdPartySellerShareOfGms } from "marketplace-economics";
import { lineChart } from "./svg-chart.js";

const out = new URL("../docs/guides/assets/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });

// 1. Repayment balance curves.
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
const balance = lineChart([scenario("flat $400/day", () => 400), scenario("sales −30 %", () => 280), scenario("seasonal, Q4 peak", seasonal)], {
  title: "Balance of a $10,000 advance + $1,500 fee at a 10 % holdback",
  xLabel: "days since funding",
  yLabel: "balance owed (USD)",
  yFormat: (y) => `$${y.toLocaleString("en-US")}`,
  xIntegers: true,
});
writeFileSync(join(out, "repayment-balance.svg"), balance);

// 2. Third-party seller share of gross merchandise sales.
const share = lineChart([{ name: "third-party sellers' share of GMS", points: thirdPartySellerShareOfGms.map((o) => [o.year, o.share.toNumber() * 100] as [number, number]) }], {
  title: "Third-party sellers' share of Amazon's gross merchandise sales",
  xLabel: "year (source: Amazon 2018 letter to shareholders)",
  yLabel: "share of GMS (%)",
  yMin: 0,
  yMax: 100,
  yFormat: (y) => `${y} %`,
  xIntegers: true,
  legend: "top-left",
});
writeFileSync(join(out, "third-party-share.svg"), share);
console.log("charts: wrote docs/guides/assets/repayment-balance.svg, third-party-share.svg");
