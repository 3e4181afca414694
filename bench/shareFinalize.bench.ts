/**
 * `finalizeShare` at 100,000 segments, before and after #13's selection (`npx tsx
 * bench/shareFinalize.bench.ts`): the leftover units of the exact-sum rounding used to be handed
 * out after a full BigInt sort of every segment (src/_lib/largestRemainder.ts), and now by a
 * quickselect of only the `left` largest remainders (src/share/_lib/shares.ts).
 *
 * `finalizeShare` of today's `src/`, and, with `BENCH_OLD_SRC=<dir>` (a checkout
 *   of the old `src/`, e.g. `git archive 81c0d39^ src | tar -x -C /tmp/old`, with a
 *   `node_modules` link beside it), of that tree too; each run in a fresh child process
 *   (`--expose-gc`), alternating old and new, same shares checked. Memory: the growth of the process's peak RSS
 *   (getrusage maxRSS) during the call over the RSS just before it (after a full GC), and what
 *   the result keeps (heap after a full GC).
 * Env: BENCH_SEGMENTS (default 100,000), BENCH_ROUNDS (default 5). Prints the load average.
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { mulberry32 } from "./support/mulberry32.js";

const SEGMENTS = Number(process.env["BENCH_SEGMENTS"] ?? 100_000);
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 5);
const self = fileURLToPath(import.meta.url);
const la = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(" ");
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

interface ChildResult {
  ms: number;
  peakMB: number;
  bounded: boolean;
  retainedMB: number;
  check: string;
}

/** Child: build a SEGMENTS-segment accumulator with the tree's own API (Money sales, 3 per segment), then time finalizeShare once. */
async function child(src: string): Promise<void> {
  const imp = async (p: string) => (await import(pathToFileURL(`${src}/${p}`).href)) as Record<string, (...a: unknown[]) => unknown>;
  const { money } = await imp("money/money.ts");
  const { createShareAccumulator } = await imp("share/createShareAccumulator.ts");
  const { addSale } = await imp("share/addSale.ts");
  const { finalizeShare } = await imp("share/finalizeShare.ts");
  const rnd = mulberry32(7);
  const acc = createShareAccumulator!({ currency: "USD", precision: 10 });
  const date = new Date(Date.UTC(2017, 5, 1));
  for (let s = 0; s < SEGMENTS; s++) for (let k = 0; k < 3; k++) addSale!(acc, { sellerId: `s${s}`, date, amount: money!(((1 + Math.floor(rnd() * 5_000_000)) / 100).toFixed(2), "USD"), units: 1 }, `seg-${s}`);
  const gc = (globalThis as { gc?: () => void }).gc as () => void;
  gc();
  // Peak memory of the call: the process's RSS high-water mark (getrusage maxRSS) after the call
  // minus the RSS just before it (after a full GC). Building the accumulator must not have set a
  // higher mark (then the growth is only a lower bound: \`bounded\`).
  const rss0 = process.memoryUsage.rss();
  const max0 = process.resourceUsage().maxRSS * 1024;
  const h0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const result = finalizeShare!(acc) as { bySegment: Record<string, { gmvShare: { toFixed(n: number): string } }> };
  const ms = performance.now() - t0;
  const max1 = process.resourceUsage().maxRSS * 1024;
  gc();
  const h2 = process.memoryUsage().heapUsed;
  const out: ChildResult = {
    ms,
    peakMB: (max1 - rss0) / 2 ** 20,
    bounded: max1 <= max0,
    retainedMB: (h2 - h0) / 2 ** 20,
    check: `${result.bySegment["seg-0"]?.gmvShare.toFixed(10)} ${result.bySegment["seg-99"]?.gmvShare.toFixed(10)}`,
  };
  process.stdout.write(JSON.stringify(out));
}

if (process.argv[2] === "--child") {
  await child(process.argv[3] as string);
} else {
  const load0 = loadavg();
  const trees: [string, string][] = [["today's src/", fileURLToPath(new URL("../src", import.meta.url))]];
  const old = process.env["BENCH_OLD_SRC"];
  if (old !== undefined) trees.unshift([`old src/ (${process.env["BENCH_OLD_LABEL"] ?? old})`, old]);
  const e2e = new Map<string, ChildResult[]>(trees.map(([n]) => [n, []]));
  let check: string | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, dir] of trees) {
      const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", self, "--child", dir], { encoding: "utf8", maxBuffer: 1 << 20 });
      const r = JSON.parse(out) as ChildResult;
      e2e.get(name)!.push(r);
      if (check === undefined) check = r.check;
      else if (r.check !== check) throw new Error(`${name} gives ${r.check}, expected ${check}`);
    }
  }
  console.log(`finalizeShare at ${SEGMENTS.toLocaleString("en-US")} segments (precision 10), ${ROUNDS} interleaved rounds; Node ${process.version}; load average ${la(load0)} -> ${la(loadavg())}\n`);
  console.log(
    "\n| `finalizeShare` end to end (fresh process each) | median ms | min–max ms | peak RSS growth during the call, MB: median (min–max) | kept by the result (heap after GC), MB |\n|---|---:|---:|---:|---:|",
  );
  for (const [name, rs] of e2e) {
    const ms = rs.map((r) => r.ms);
    const peak = rs.map((r) => r.peakMB);
    const mark = rs.some((r) => r.bounded) ? " (≥: a run's mark was set before the call)" : "";
    console.log(
      `| ${name} | ${median(ms).toFixed(0)} | ${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} | ${median(peak).toFixed(1)} (${Math.min(...peak).toFixed(1)}–${Math.max(...peak).toFixed(1)})${mark} | ${median(rs.map((r) => r.retainedMB)).toFixed(1)} |`,
    );
  }
}
