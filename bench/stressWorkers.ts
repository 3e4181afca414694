/**
 * When does the parallel stress test pay (#12)? `stressTestPortfolio` (one thread) against
 * `stressTestPortfolioAsync` with 2 and 3 workers on the same book, interleaved (sequential,
 * 2 workers, 3 workers, sequential …) in one process; checks the outputs are identical and prints
 * a Markdown table with the median wall time and the spread, the speed-up, the load average and
 * the peak RSS. Run it with `nice` and report `uptime` beside the figures.
 *
 *   npm run build && npx tsx bench/stressWorkers.ts [--advances 2000] [--scenarios 20] [--days 365] [--reps 3]
 */
import { loadavg } from "node:os";
import { resourceUsage } from "node:process";
// The built package (npm run build first): its workers load dist/financing/portfolioWorker.js
// as a user's do, not the TypeScript source through a loader.
import { money, salesBasedAdvance, stressTestPortfolio, stressTestPortfolioAsync } from "../dist/index.js";
import { mulberry32 } from "./support/mulberry32.js";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const N = arg("advances", 2000);
const S = arg("scenarios", 20);
const DAYS = arg("days", 365);
const REPS = arg("reps", 3);
const T0 = Date.UTC(2024, 0, 2) / 86_400_000;

const rnd = mulberry32(12);
const sales: Record<string, { days: Int32Array; minor: Float64Array }> = {};
const loans = [];
const product = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1", minimumPayment: { rate: "0.1", everyDays: 90 } });
for (let k = 0; k < N; k++) {
  sales[`s${k}`] = { days: Int32Array.from({ length: DAYS }, (_, i) => T0 + i), minor: Float64Array.from({ length: DAYS }, () => Math.floor(20_000 + rnd() * 60_000)) };
  loans.push({ id: `l${k}`, sellerId: `s${k}`, product });
}
const options = { seed: 1, scenarios: S, shock: { volatility: "0.3", correlation: "0.7" }, stopHazard: "0.02" } as const;

const times: Record<string, number[]> = { sequential: [], "2 workers": [], "3 workers": [] };
let reference = "";
for (let rep = 0; rep < REPS; rep++) {
  for (const name of Object.keys(times)) {
    const t = performance.now();
    const out = name === "sequential" ? stressTestPortfolio(loans as never, sales as never, options) : await stressTestPortfolioAsync(loans as never, sales as never, { ...options, workers: Number(name[0]) });
    times[name]!.push(performance.now() - t);
    const json = JSON.stringify(out);
    if (reference === "") reference = json;
    else if (json !== reference) throw new Error(`${name}: output differs from the sequential run`);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seq = median(times["sequential"]!);
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}, peak RSS ${(resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
console.log("| book | run | wall (median, min–max) | speed-up vs sequential |");
console.log("|---|---|---:|---:|");
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  console.log(
    `| ${N} advances × ${DAYS} days × ${S} scenarios, ${REPS} reps | ${name} | ${(m / 1000).toFixed(2)} s (${(Math.min(...xs) / 1000).toFixed(2)}–${(Math.max(...xs) / 1000).toFixed(2)}) | ${(seq / m).toFixed(2)}x |`,
  );
}
