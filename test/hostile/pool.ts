/**
 * The worker pool of the hostile harness: runs case indexes in batches on worker threads, with
 * a watchdog that terminates a worker whose case runs longer than the time limit (the case is
 * recorded as a hang, the rest of its batch goes to a fresh worker).
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { enumerateCases, reproducer, slotName, type CaseResult } from "./cases.js";

/** Pool options. */
export interface PoolOptions {
  /** Worker threads (default 2). */
  readonly workers?: number;
  /** Time limit of one case in ms (default 2000). */
  readonly timeoutMs?: number;
  /**
   * Watchdog multiplier for the cases whose bad value is of kind "huge input" (100,000 copies of
   * a record: a legitimate size of work that is linear in the input, default 5): such a case is a
   * hang only past `timeoutMs × hugeFactor`. Unbounded loops (the issue's minutes-long ones) and
   * quadratic passes over 100,000 items still exceed it.
   */
  readonly hugeFactor?: number;
  /** Cases sent to a worker at once (default 100). */
  readonly batchSize?: number;
  /** Called after every finished case. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Default of {@link PoolOptions.hugeFactor}. */
export const HUGE_FACTOR = 5;

const BOOT = fileURLToPath(new URL("./worker-boot.mjs", import.meta.url));
const ENTRY = new URL("./worker.ts", import.meta.url).href;

function syntheticResult(index: number, outcome: "hang" | "crash", detail: string): CaseResult {
  const spec = enumerateCases()[index];
  if (spec === undefined) throw new Error(`unknown case ${index}`);
  return { index, fn: spec.row.name, slot: slotName(spec.row, spec.path), value: spec.value.id, kind: spec.value.kind, outcome, detail, repro: reproducer(spec), ms: Number.NaN };
}

/** Run the given case indexes; resolves with one result per index, in index order. */
export function runPool(indexes: readonly number[], options: PoolOptions = {}): Promise<CaseResult[]> {
  const workers = options.workers ?? 2;
  const timeoutMs = options.timeoutMs ?? 2000;
  const batchSize = options.batchSize ?? 100;
  const hugeFactor = options.hugeFactor ?? HUGE_FACTOR;
  const limitOf = (index: number): number => (enumerateCases()[index]?.value.kind === "huge input" ? timeoutMs * hugeFactor : timeoutMs);
  const queue: number[][] = [];
  for (let i = 0; i < indexes.length; i += batchSize) queue.push(indexes.slice(i, i + batchSize));
  const results = new Map<number, CaseResult>();
  const total = indexes.length;

  return new Promise((resolve, reject) => {
    let live = 0;
    const finish = (): void => {
      if (live === 0 && queue.length === 0) resolve([...results.values()].sort((a, b) => a.index - b.index));
    };
    const record = (r: CaseResult): void => {
      results.set(r.index, r);
      options.onProgress?.(results.size, total);
    };
    const spawn = (): void => {
      if (queue.length === 0) return finish();
      live++;
      const w = new Worker(BOOT, { workerData: { entry: ENTRY } });
      let batch: number[] = [];
      let running: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      let dead = false;
      const retire = (outcome: "hang" | "crash" | undefined, detail: string): void => {
        if (dead) return;
        dead = true;
        if (timer !== undefined) clearTimeout(timer);
        if (running !== undefined && outcome !== undefined) record(syntheticResult(running, outcome, detail));
        const rest = batch.filter((i) => i !== running && !results.has(i));
        if (rest.length > 0) queue.unshift(rest);
        void w.terminate();
        live--;
        spawn();
        finish();
      };
      const next = (): void => {
        const b = queue.shift();
        if (b === undefined) {
          dead = true;
          void w.terminate();
          live--;
          finish();
          return;
        }
        batch = b;
        w.postMessage({ type: "run", indexes: b });
      };
      w.on("message", (m: { type: string; index?: number; result?: CaseResult; total?: number }) => {
        if (m.type === "ready") {
          if (m.total !== enumerateCases().length) reject(new Error(`worker sees ${m.total} cases, main thread ${enumerateCases().length}`));
          next();
        } else if (m.type === "start") {
          running = m.index;
          const limit = limitOf(m.index ?? -1);
          timer = setTimeout(() => retire("hang", `no answer within ${limit} ms (worker terminated)`), limit);
        } else if (m.type === "done") {
          if (timer !== undefined) clearTimeout(timer);
          timer = undefined;
          running = undefined;
          if (m.result !== undefined) record(m.result);
        } else if (m.type === "batch-done") next();
      });
      w.on("error", (e) => retire("crash", `worker died: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 300)));
      w.on("exit", (code) => {
        if (!dead) retire("crash", `worker exited with code ${code}`);
      });
    };
    for (let k = 0; k < Math.min(workers, queue.length); k++) spawn();
    if (queue.length === 0) finish();
  });
}

/** Options of {@link runConfirmed}. */
export interface ConfirmedOptions extends PoolOptions {
  /** Watchdog of the retry of a hang (default 3 × timeoutMs). */
  readonly confirmMs?: number;
}

/**
 * {@link runPool}, then every hang once more with a longer watchdog (a loaded machine can push
 * a slow case past the limit): it stays a hang unless the retry answers within `timeoutMs`.
 */
export async function runConfirmed(indexes: readonly number[], options: ConfirmedOptions = {}): Promise<CaseResult[]> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const confirmMs = options.confirmMs ?? 3 * timeoutMs;
  const first = await runPool(indexes, options);
  const hangs = first.filter((r) => r.outcome === "hang").map((r) => r.index);
  const hugeFactor = options.hugeFactor ?? HUGE_FACTOR;
  const retried = new Map((await runPool(hangs, { workers: options.workers ?? 2, timeoutMs: confirmMs, hugeFactor, batchSize: 1 })).map((r) => [r.index, r]));
  return first.map((r): CaseResult => {
    const again = retried.get(r.index);
    if (again === undefined) return r;
    const factor = r.kind === "huge input" ? hugeFactor : 1;
    if (again.outcome === "hang") return { ...r, detail: `no answer within ${timeoutMs * factor} ms, nor within ${confirmMs * factor} ms on a retry` };
    if (again.ms > timeoutMs * factor) return { ...r, detail: `slow: answered on a retry after ${Math.round(again.ms)} ms (limit ${timeoutMs * factor} ms): ${again.outcome}` };
    return again;
  });
}
