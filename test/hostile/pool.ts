/**
 * The worker pool of the hostile harness: runs case indexes in batches on workers, with a
 * watchdog that kills a worker whose case runs longer than the time limit (the case is recorded
 * as a hang, the rest of its batch goes to a fresh worker).
 *
 * Workers are child processes (`child_process.fork`) by default. A worker thread cannot be
 * stopped safely in the middle of a native call: `worker.terminate()` during a DuckDB query makes
 * @duckdb/node-api abort the whole process (`terminate called after throwing an instance of
 * 'Napi::Error'`, the failure mode of WiseLibs/better-sqlite3#1507), which ended the full run of
 * 2026-12-02 with no report. SIGKILL on a child process ends only that child, whatever it was
 * doing; a child that dies on its own (a native abort, out of memory) is recorded as a "crash" and
 * the run goes on. `isolation: "thread"` keeps the old worker threads (slightly cheaper to start,
 * unsafe for native rows).
 */
import { fork } from "node:child_process";
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
  /** Where the cases run: child processes (default) or worker threads. */
  readonly isolation?: Isolation;
  /** Called after every finished case. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Where the pool runs its cases (see the module comment). */
export type Isolation = "process" | "thread";

/** Default of {@link PoolOptions.hugeFactor}. */
export const HUGE_FACTOR = 5;

const BOOT = fileURLToPath(new URL("./worker-boot.mjs", import.meta.url));
const ENTRY = new URL("./worker.ts", import.meta.url).href;

interface WorkerMessage {
  readonly type: string;
  readonly index?: number;
  readonly result?: CaseResult;
  readonly total?: number;
}

/** One worker, thread or process, behind the few operations the pool needs. */
interface WorkerHandle {
  send(m: unknown): void;
  kill(): void;
  onMessage(f: (m: WorkerMessage) => void): void;
  onError(f: (e: unknown) => void): void;
  onExit(f: (code: number | null, signal: string | null) => void): void;
}

function startWorker(isolation: Isolation): WorkerHandle {
  if (isolation === "thread") {
    const w = new Worker(BOOT, { workerData: { entry: ENTRY } });
    return {
      send: (m) => w.postMessage(m),
      kill: () => void w.terminate(),
      onMessage: (f) => void w.on("message", f),
      onError: (f) => void w.on("error", f),
      onExit: (f) => void w.on("exit", (code) => f(code, null)),
    };
  }
  // execArgv: [] so the child does not inherit the test runner's loader flags; the boot file
  // registers tsx itself. "advanced" serialisation = the structured clone of worker threads.
  const c = fork(BOOT, [ENTRY], { execArgv: [], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return {
    send: (m) => {
      if (c.connected) c.send(m as never);
    },
    kill: () => void c.kill("SIGKILL"),
    onMessage: (f) => void c.on("message", f as (m: unknown) => void),
    onError: (f) => void c.on("error", f),
    onExit: (f) => void c.on("exit", (code, signal) => f(code, signal)),
  };
}

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
  const isolation = options.isolation ?? "process";
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
      const w = startWorker(isolation);
      let batch: number[] = [];
      let running: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      let dead = false;
      let ready = false;
      const retire = (outcome: "hang" | "crash" | undefined, detail: string): void => {
        if (dead) return;
        dead = true;
        if (!ready) {
          // A worker that cannot even boot would be respawned forever: stop the run instead.
          w.kill();
          reject(new Error(`hostile worker (${isolation}) died before it was ready: ${detail}`));
          return;
        }
        if (timer !== undefined) clearTimeout(timer);
        if (running !== undefined && outcome !== undefined) record(syntheticResult(running, outcome, detail));
        const rest = batch.filter((i) => i !== running && !results.has(i));
        if (rest.length > 0) queue.unshift(rest);
        w.kill();
        live--;
        spawn();
        finish();
      };
      const next = (): void => {
        const b = queue.shift();
        if (b === undefined) {
          dead = true;
          w.kill();
          live--;
          finish();
          return;
        }
        batch = b;
        w.send({ type: "run", indexes: b });
      };
      w.onMessage((m) => {
        if (m.type === "ready") {
          ready = true;
          if (m.total !== enumerateCases().length) reject(new Error(`worker sees ${m.total} cases, main thread ${enumerateCases().length}`));
          next();
        } else if (m.type === "start") {
          running = m.index;
          const limit = limitOf(m.index ?? -1);
          timer = setTimeout(() => retire("hang", `no answer within ${limit} ms (worker ${isolation === "process" ? "killed" : "terminated"})`), limit);
        } else if (m.type === "done") {
          if (timer !== undefined) clearTimeout(timer);
          timer = undefined;
          running = undefined;
          if (m.result !== undefined) record(m.result);
        } else if (m.type === "batch-done") next();
      });
      w.onError((e) => retire("crash", `worker died: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 300)));
      w.onExit((code, signal) => {
        if (!dead) retire("crash", `worker exited with ${signal === null ? `code ${code}` : `signal ${signal}`}`);
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
  const retried = new Map(
    (await runPool(hangs, { workers: options.workers ?? 2, timeoutMs: confirmMs, hugeFactor, batchSize: 1, ...(options.isolation === undefined ? {} : { isolation: options.isolation }) })).map((r) => [
      r.index,
      r,
    ]),
  );
  return first.map((r): CaseResult => {
    const again = retried.get(r.index);
    if (again === undefined) return r;
    const factor = r.kind === "huge input" ? hugeFactor : 1;
    if (again.outcome === "hang") return { ...r, detail: `no answer within ${timeoutMs * factor} ms, nor within ${confirmMs * factor} ms on a retry` };
    if (again.ms > timeoutMs * factor) return { ...r, detail: `slow: answered on a retry after ${Math.round(again.ms)} ms (limit ${timeoutMs * factor} ms): ${again.outcome}` };
    return again;
  });
}
