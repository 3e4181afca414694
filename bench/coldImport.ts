/**
 * Cold-import benchmark of the built package (issue #10 item 8): how long a fresh `node` process
 * takes to load the root entry point and each subpath from `dist/`, as ESM (`import()`) and as
 * CJS (`require()`), with the ratio of each to the `/money` subpath (the smallest module).
 *
 * Method: every sample is a new `node` process that reads `performance.now()`, loads one entry
 * file, and prints the elapsed milliseconds (so Node's own start-up is excluded and the time is
 * module resolution, reading, compiling and evaluating the entry and everything it loads,
 * including decimal.js and date-fns). Samples are interleaved (run 1 of every entry and format,
 * then run 2, ...) so a change in machine load hits every entry alike; one discarded warm-up round
 * fills the OS file cache first. The table gives the median and the min–max over the runs, and
 * the ratio of the medians of the child's CPU time for the same load (`process.cpuUsage()`, user +
 * system, all threads): on a shared machine it moves less with other processes than wall time.
 * The header gives the 1-minute load average before and after the runs and the git commit.
 * The root entry point has a second row, "then every export read": the CJS root loads each
 * module's code on the first read of one of its exports (tsup.config.ts `lazyCjsRoot`), so its
 * plain `require` row is the cost before any use and this row the most any use can add.
 *
 * Needs a build (`npm run build`); it measures whatever `dist/` holds and prints its build time.
 * Run: `npx tsx bench/coldImport.ts [--runs N]` (default 15) or `npm run bench -- coldImport`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;

type Format = "esm" | "cjs";
interface Entry {
  /** The specifier a consumer writes, e.g. `marketplace-economics/money`. */
  readonly name: string;
  readonly files: Readonly<Record<Format, string>>;
  /** Also read every export after loading (the CJS root loads a module's chunk on the first read of one of its exports). */
  readonly readAll?: boolean;
}
interface Conditional {
  readonly import: { readonly default: string };
  readonly require: { readonly default: string };
}

/** Every entry point of package.json `exports` (except `./package.json`), with its dist files. */
function entries(pkg: { readonly name: string; readonly exports: Record<string, unknown> }): Entry[] {
  return Object.entries(pkg.exports)
    .filter(([key]) => key !== "./package.json")
    .map(([key, value]) => {
      const c = value as Conditional;
      return { name: key === "." ? pkg.name : `${pkg.name}${key.slice(1)}`, files: { esm: join(root, c.import.default), cjs: join(root, c.require.default) } };
    });
}

/** The child's script: time one load of `file` in a fresh process, print wall and CPU milliseconds. */
function probe(format: Format, file: string, readAll = false): string[] {
  const load = format === "esm" ? `await import(${JSON.stringify(pathToFileURL(file).href)})` : `require(${JSON.stringify(file)})`;
  const read = readAll ? "let n=0;for(const k of Object.keys(m))if(m[k]!==undefined)n++;if(n===0)throw new Error('no exports');" : "";
  const body = `const c=process.cpuUsage(),t=performance.now();const m=${load};${read}const w=performance.now()-t,u=process.cpuUsage(c);console.log(w+" "+(u.user+u.system)/1000);`;
  return format === "esm" ? ["--input-type=module", "-e", body] : ["-e", body];
}

interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

function sample(format: Format, file: string, readAll = false): Sample {
  const out = execFileSync(process.execPath, probe(format, file, readAll), { cwd: root, encoding: "utf8" });
  const [wall, cpu] = out.trim().split(" ").map(Number);
  if (!Number.isFinite(wall) || !Number.isFinite(cpu)) throw new Error(`cold import of ${file} printed ${JSON.stringify(out)}`);
  return { wall: wall!, cpu: cpu! };
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function main(): void {
  const runsFlag = process.argv.indexOf("--runs");
  const runs = runsFlag === -1 ? 15 : Number(process.argv[runsFlag + 1]);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; exports: Record<string, unknown> };
  const all = entries(pkg);
  // The root entry point twice: loaded, and loaded with every export read.
  const list = [...all.slice(0, 1), { ...all[0]!, name: `${all[0]!.name}, then every export read`, readAll: true }, ...all.slice(1)];
  for (const e of list) {
    for (const f of Object.values(e.files)) if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const formats: Format[] = ["esm", "cjs"];
  const samples = new Map(list.map((e) => [e.name, { esm: [] as Sample[], cjs: [] as Sample[] }]));
  const loadBefore = loadavg()[0]!;
  for (let run = -1; run < runs; run++) {
    for (const e of list) {
      for (const f of formats) {
        const ms = sample(f, e.files[f], e.readAll);
        if (run >= 0) samples.get(e.name)![f].push(ms);
      }
    }
  }
  const loadAfter = loadavg()[0]!;
  const base = samples.get(`${pkg.name}/money`);
  if (!base) throw new Error("no /money subpath in package.json exports");
  const wall = (xs: readonly Sample[]): number[] => xs.map((x) => x.wall);
  const cpu = (xs: readonly Sample[]): number[] => xs.map((x) => x.cpu);
  const baseMedian = { esm: median(wall(base.esm)), cjs: median(wall(base.cjs)) };
  const baseCpu = { esm: median(cpu(base.esm)), cjs: median(cpu(base.cjs)) };
  const built = statSync(join(root, "dist", "index.js"))
    .mtime.toISOString()
    .replace(/\.\d+Z$/, "Z");
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // not a git checkout
  }
  console.log(
    `Cold import from dist/ (built ${built}, commit ${commit}): median of ${runs} fresh \`node\` processes per cell, interleaved; ` +
      `Node ${process.version}, ${cpus().length} cores, 1-min load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after.\n`,
  );
  console.log("| entry point | ESM median (min–max) | ESM ÷ /money | ESM CPU ÷ /money | CJS median (min–max) | CJS ÷ /money | CJS CPU ÷ /money |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  const cell = (xs: number[]): string => `${median(xs).toFixed(1)} ms (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
  for (const e of list) {
    const s = samples.get(e.name)!;
    const ratio = (f: Format): string => `${(median(wall(s[f])) / baseMedian[f]).toFixed(2)}x`;
    const cpuRatio = (f: Format): string => `${(median(cpu(s[f])) / baseCpu[f]).toFixed(2)}x`;
    console.log(`| \`${e.name}\` | ${cell(wall(s.esm))} | ${ratio("esm")} | ${cpuRatio("esm")} | ${cell(wall(s.cjs))} | ${ratio("cjs")} | ${cpuRatio("cjs")} |`);
  }
}

main();
