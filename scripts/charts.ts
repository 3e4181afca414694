/**
 * Generates the SVG charts of the docs from the library's own output (run by `npm run docs`).
 *
 * One chart per file in scripts/charts/<name>.ts, each exporting a `DocChart`
 * (`{ file, render }`, scripts/charts/_chart.ts; draw with scripts/charts/_svg.ts). To add a
 * chart: create its file, then add ONE import line and ONE entry to `CHARTS` below (keep both
 * lists alphabetical so concurrent additions merge cleanly). Every chart is written to
 * docs/guides/assets/<file>.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DocChart } from "./charts/_chart.js";
import { bgNbdAlive } from "./charts/bgNbdAlive.js";
import { payoutSeries } from "./charts/payoutSeries.js";
import { repaymentBalance } from "./charts/repaymentBalance.js";
import { sellerChurnCurves } from "./charts/sellerChurnCurves.js";
import { sellerLifetimeValueCurve } from "./charts/sellerLifetimeValueCurve.js";
import { sellerSurvival } from "./charts/sellerSurvival.js";
import { thirdPartyShare } from "./charts/thirdPartyShare.js";
import { vintageRepayment } from "./charts/vintageRepayment.js";

// One entry per line (prettier-ignore keeps it so), so concurrent additions merge cleanly.
// prettier-ignore
const CHARTS: readonly DocChart[] = [
  bgNbdAlive,
  payoutSeries,
  repaymentBalance,
  sellerChurnCurves,
  sellerLifetimeValueCurve,
  sellerSurvival,
  thirdPartyShare,
  vintageRepayment,
];

const out = new URL("../docs/guides/assets/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
for (const chart of CHARTS) writeFileSync(join(out, chart.file), chart.render());
console.log(`charts: wrote ${CHARTS.map((c) => `docs/guides/assets/${c.file}`).join(", ")}`);
