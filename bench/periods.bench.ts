/**
 * Period-key benchmark (`npx tsx bench/periods.bench.ts [--baseline <commit>] [--rounds N]`).
 *
 * The per-sale work of `salesShareByPeriod`/`cohortsByPeriod`: for each of 200,000 sale dates
 * (uniform over 2015–2024, shuffled, so consecutive sales rarely share a period) compute the
 * period start's epoch ms (`periodStart(date, p).getTime()`), and separately the period key
 * (`periodLabel`, what `periodKey` costs per row). Compared:
 * - this library: date-fns (per-function subpaths, on UtcDate) memoised per UTC day;
 * - `--baseline <commit>`: src/_lib/periods.ts as of that commit (675d401: hand-written Date.UTC
 *   arithmetic, no date-fns), extracted with `git show` into a temporary directory (never committed);
 * - raw date-fns: one uncached date-fns call per sale (the cost the memo avoids).
 * Runs are interleaved (A, B, C, A, B, C…) after a warm-up; cells are the median ns per sale.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startOfMonth } from "date-fns/startOfMonth";
import { startOfQuarter } from "date-fns/startOfQuarter";
import { startOfWeek } from "date-fns/startOfWeek";
import { startOfYear } from "date-fns/startOfYear";
import { MS_PER_DAY } from "../src/_lib/dates.js";
import * as lib from "../src/_lib/periods.js";
import { UtcDate } from "../src/_lib/utcDate.js";
import type { Period } from "../src/time/types.js";
import { mulberry32 } from "./support/mulberry32.js";

type Impl = Pick<typeof lib, "periodStart" | "periodLabel">;
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ROUNDS = Number(arg("--rounds") ?? 15);
const N = 200_000;
const root = new URL("..", import.meta.url).pathname;

async function loadBaseline(commit: string): Promise<Impl> {
  const dir = mkdtempSync(join(tmpdir(), "periods-baseline-"));
  for (const f of ["src/_lib/periods.ts", "src/_lib/dates.ts", "src/_lib/validate.ts", "src/errors.ts", "src/time/types.ts"]) {
    mkdirSync(join(dir, f, ".."), { recursive: true });
    writeFileSync(join(dir, f), execFileSync("git", ["-C", root, "show", `${commit}:${f}`], { encoding: "utf8" }));
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  return (await import(pathToFileURL(join(dir, "src/_lib/periods.ts")).href)) as Impl;
}

const r = mulberry32(20261201);
const T0 = Date.UTC(2015, 0, 1);
const SPAN = Date.UTC(2025, 0, 1) - T0;
const dates: readonly Date[] = Array.from({ length: N }, () => new Date(T0 + Math.floor(r() * SPAN)));
const u = (d: Date) => new UtcDate(Math.floor(d.getTime() / MS_PER_DAY) * MS_PER_DAY);
const rawStart = (d: Date, p: Period): number =>
  p === "week"
    ? startOfWeek(u(d), { weekStartsOn: 1 }).getTime()
    : p === "month"
      ? startOfMonth(u(d)).getTime()
      : p === "quarter"
        ? startOfQuarter(u(d)).getTime()
        : p === "year"
          ? startOfYear(u(d)).getTime()
          : u(d).getTime();

function timeStarts(f: (d: Date, p: Period) => number, p: Period): { ns: number; sum: number } {
  let sum = 0;
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) sum += f(dates[i] as Date, p) / MS_PER_DAY;
  return { ns: Number(process.hrtime.bigint() - t) / N, sum };
}
function timeLabels(impl: Impl, p: Period): { ns: number; sum: number } {
  let sum = 0;
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) sum += impl.periodLabel(dates[i] as Date, p, "bench", "d").length;
  return { ns: Number(process.hrtime.bigint() - t) / N, sum };
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const baselineCommit = arg("--baseline");
const base = baselineCommit ? await loadBaseline(baselineCommit) : undefined;
const periods: readonly Period[] = ["day", "week", "month", "quarter", "year"];
console.log(`${N.toLocaleString("en")} shuffled sale dates 2015–2024, median of ${ROUNDS} interleaved rounds, ns per sale (Node ${process.version})\n`);
console.log(`| work | period | this library (memoised date-fns) | ${base ? `baseline ${baselineCommit} (hand-written) | ratio to baseline | ` : ""}raw date-fns per sale | ratio to raw |`);
console.log(`|---|---|---:|${base ? "---:|---:|" : ""}---:|---:|`);
for (const work of ["periodStart", "periodLabel"] as const) {
  for (const p of periods) {
    const runs: Record<"lib" | "base" | "raw", number[]> = { lib: [], base: [], raw: [] };
    const sums = new Set<number>();
    for (let round = -2; round < ROUNDS; round++) {
      const res: [keyof typeof runs, { ns: number; sum: number }][] = [];
      if (work === "periodStart") {
        res.push(["lib", timeStarts((d, q) => lib.periodStart(d, q).getTime(), p)]);
        if (base) res.push(["base", timeStarts((d, q) => base.periodStart(d, q).getTime(), p)]);
        res.push(["raw", timeStarts(rawStart, p)]);
      } else {
        res.push(["lib", timeLabels(lib, p)]);
        if (base) res.push(["base", timeLabels(base, p)]);
      }
      for (const [k, v] of res) {
        sums.add(v.sum);
        if (round >= 0) runs[k].push(v.ns);
      }
    }
    if (sums.size !== 1) throw new Error(`implementations disagree on ${work} ${p}: ${[...sums].join(", ")}`);
    const l = median(runs.lib);
    const cells = [`\`${work}\``, p, l.toFixed(1)];
    if (base) cells.push(median(runs.base).toFixed(1), `${(l / median(runs.base)).toFixed(2)}x`);
    cells.push(runs.raw.length ? median(runs.raw).toFixed(1) : "—", runs.raw.length ? `${(l / median(runs.raw)).toFixed(2)}x` : "—");
    console.log(`| ${cells.join(" | ")} |`);
  }
}
