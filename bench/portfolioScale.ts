/**
 * A lender's book at scale (#12): 100,000 sales-based advances, one seller each, 365 daily sales
 * per seller (36.5 million advance-days), summaries only. `npx tsx bench/portfolioScale.ts
 * [rounds]` runs, in separate child processes so that each peak RSS is its own, interleaved over
 * `rounds` rounds (default 3):
 * - `seq`: simulatePortfolio (the sales as typed-array columns built on demand by a Map
 *   subclass's `get`, so the book never exists whole in memory);
 * - `par`: simulatePortfolioAsync with `{ workers: 2 }`, same input;
 * - `floor`: the same generation plus a hand-written integer-cents float64 loop with daily flows.
 * Prints wall time, CPU time of the process (all threads: the workers' too) and peak RSS
 * (process.resourceUsage().maxRSS) per run, and the medians.
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { cpuUsage } from "node:process";
import { fileURLToPath } from "node:url";
import { Decimal } from "decimal.js";
import { money } from "../src/money/money.js";
import { salesBasedAdvance } from "../src/financing/salesBasedAdvance.js";
import { simulatePortfolio } from "../src/financing/simulatePortfolio.js";
import { simulatePortfolioAsync } from "../src/financing/simulatePortfolioAsync.js";
import type { FinancingSalesColumns, SalesBasedAdvance } from "../src/financing/types.js";

const LOANS = 100_000;
const DAYS = 365;
const D0 = Date.UTC(2024, 0, 2) / 86_400_000;
const DAY_COLUMN = Int32Array.from({ length: DAYS }, (_, i) => D0 + i);

/** Seller s's daily sales in cents ($200–$800), a cheap deterministic hash. */
function centsOf(s: number, out: Float64Array): Float64Array {
  let x = (s * 2654435761) >>> 0;
  for (let i = 0; i < DAYS; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = 20_000 + (x % 60_000);
  }
  return out;
}

class GeneratedBook extends Map<string, FinancingSalesColumns> {
  override has(id: string): boolean {
    return id.startsWith("s");
  }
  override get(id: string): FinancingSalesColumns {
    return { days: DAY_COLUMN, minor: centsOf(Number(id.slice(1)), new Float64Array(DAYS)) };
  }
}

function book(): { loans: { id: string; sellerId: string; product: SalesBasedAdvance; fundedOn: string }[]; plain: { total: number; num: number; principal: number }[] } {
  // 100 distinct products (the book's offer grid), shared by the loans.
  const grid: SalesBasedAdvance[] = [];
  const plainGrid: { total: number; num: number; principal: number }[] = [];
  for (let g = 0; g < 100; g++) {
    const principal = 20_000 + (g % 25) * 1_000;
    const fee = Math.round(principal * (0.08 + (g % 4) * 0.02));
    const pct = 5 + (g % 11);
    grid.push(salesBasedAdvance({ principal: money(principal, "USD"), fee, holdbackRate: new Decimal(pct).div(100) }));
    plainGrid.push({ total: (principal + fee) * 100, num: pct, principal: principal * 100 });
  }
  const loans = Array.from({ length: LOANS }, (_, k) => ({ id: `L${k}`, sellerId: `s${k}`, product: grid[k % 100]!, fundedOn: "2024-01-01" }));
  return { loans, plain: Array.from({ length: LOANS }, (_, k) => plainGrid[k % 100]!) };
}

async function child(mode: string): Promise<void> {
  const { loans, plain } = book();
  const c0 = cpuUsage();
  const t0 = performance.now();
  let check = "";
  if (mode === "seq") check = simulatePortfolio(loans, new GeneratedBook(), { includeLoans: false }).totalRepaid.amount.toString();
  else if (mode === "par") check = (await simulatePortfolioAsync(loans, new GeneratedBook(), { includeLoans: false, workers: 2 })).totalRepaid.amount.toString();
  else {
    const flows = new Float64Array(DAYS + 1);
    const buf = new Float64Array(DAYS);
    let repaid = 0;
    for (let k = 0; k < LOANS; k++) {
      const l = plain[k]!;
      const cents = centsOf(k, buf);
      flows[0] = flows[0]! - l.principal;
      let balance = l.total;
      for (let i = 0; i < DAYS && balance > 0; i++) {
        const p = cents[i]! * l.num;
        const r = p % 100;
        let h = (p - r) / 100;
        if (2 * r > 100 || (2 * r === 100 && h % 2 === 1)) h++;
        if (h > balance) h = balance;
        balance -= h;
        repaid += h;
        flows[i + 1] = flows[i + 1]! + h;
      }
    }
    check = new Decimal(repaid).div(100).toString();
  }
  const ms = performance.now() - t0;
  const c = cpuUsage(c0);
  console.log(JSON.stringify({ mode, ms, cpuMs: (c.user + c.system) / 1000, rssMB: process.resourceUsage().maxRSS / 1024, check }));
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode === "seq" || mode === "par" || mode === "floor") return child(mode);
  const rounds = Number(mode ?? 3);
  const self = fileURLToPath(import.meta.url);
  const results: Record<string, { ms: number; cpuMs: number; rssMB: number; check: string }[]> = { seq: [], par: [], floor: [] };
  const load0 = loadavg();
  for (let r = 0; r < rounds; r++) {
    for (const m of r % 2 === 0 ? ["floor", "seq", "par"] : ["par", "seq", "floor"]) {
      const out = execFileSync(process.execPath, ["--import", "tsx", self, m], { encoding: "utf8", maxBuffer: 1 << 20 });
      const line = JSON.parse(out.trim().split("\n").pop()!) as { mode: string; ms: number; cpuMs: number; rssMB: number; check: string };
      results[m]!.push(line);
      console.log(
        `round ${r + 1} ${m}: ${line.ms.toFixed(0)} ms wall, ${line.cpuMs.toFixed(0)} ms CPU (all threads), load ${loadavg()[0]!.toFixed(1)}, peak RSS ${line.rssMB.toFixed(0)} MB, repaid ${line.check}`,
      );
    }
  }
  const med = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1]!;
  const f = med(results["floor"]!.map((x) => x.ms));
  console.log(
    `\nNode ${process.version}, load average at start ${load0.map((x) => x.toFixed(1)).join(" / ")}, at end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" / ")}\n`,
  );
  console.log("| run (100,000 advances × 365 days, summaries) | wall time, median (min–max) | peak RSS, max | ratio to the floor (median) |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const m of ["seq", "par", "floor"]) {
    const ms = results[m]!.map((x) => x.ms);
    const name = m === "seq" ? "simulatePortfolio (sequential)" : m === "par" ? "simulatePortfolioAsync, workers: 2" : "integer-cents float64 floor";
    console.log(
      `| ${name} | ${(med(ms) / 1000).toFixed(2)} s (${(Math.min(...ms) / 1000).toFixed(2)}–${(Math.max(...ms) / 1000).toFixed(2)}) | ${Math.max(...results[m]!.map((x) => x.rssMB)).toFixed(0)} MB | ${(med(ms) / f).toFixed(2)}x |`,
    );
  }
}

await main();
