/**
 * The worker pool of simulatePortfolioAsync (#12, item 3): finds the shipped worker file next to
 * the running code (dist/financing/portfolioWorker.{js,cjs}, or the TypeScript source under a
 * TypeScript loader), starts `n` workers, sends batches round the free ones and hands back the
 * replies in order of completion. Never exported from the package.
 */
import type { Worker as NodeWorker } from "node:worker_threads";
import type { WorkerBatch, WorkerReply } from "./portfolioWorker.js";

type Worker = NodeWorker;

/**
 * Node's built-ins, imported when a parallel run starts. The specifiers are not literals so that
 * the browser bundle of the library (which has no Node built-ins) does not try to resolve them.
 */
async function builtins(): Promise<{ fs: typeof import("node:fs"); url: typeof import("node:url"); wt: typeof import("node:worker_threads") }> {
  const names = ["node:fs", "node:url", "node:worker_threads"];
  const [fs, url, wt] = await Promise.all(names.map((n) => import(n)));
  return { fs, url, wt };
}

/** This file's URL, in ESM (`import.meta.url`) and in the CJS build (`__filename`). */
function here(url: typeof import("node:url")): string {
  if (typeof __filename === "string" && __filename !== "") return url.pathToFileURL(__filename).href;
  return import.meta.url;
}

/** A worker script: a file URL, or (for the TypeScript source under a test runner) code to evaluate. */
export type WorkerScript = { readonly kind: "file"; readonly url: URL } | { readonly kind: "eval"; readonly code: string };

/** The worker script next to the running code (dist/financing/portfolioWorker.{js,cjs}, or the source with tsx). */
export async function workerScript(): Promise<{ script: WorkerScript; wt: typeof import("node:worker_threads") } | null> {
  let b: Awaited<ReturnType<typeof builtins>>;
  try {
    b = await builtins();
  } catch {
    return null;
  }
  const base = here(b.url);
  const ext = base.endsWith(".cjs") ? ".cjs" : ".js";
  for (const rel of [`./financing/portfolioWorker${ext}`, `./portfolioWorker${ext}`, `../financing/portfolioWorker${ext}`, `../portfolioWorker${ext}`]) {
    const url = new URL(rel, base);
    if (b.fs.existsSync(b.url.fileURLToPath(url))) return { script: { kind: "file", url }, wt: b.wt };
  }
  const ts = new URL("./portfolioWorker.ts", base);
  if (b.fs.existsSync(b.url.fileURLToPath(ts))) {
    // The TypeScript source (tests run on src/): load it through tsx's loader in the worker.
    const code = `import("tsx/esm/api").then((api) => { api.register(); return import(${JSON.stringify(ts.href)}); });`;
    return { script: { kind: "eval", code }, wt: b.wt };
  }
  return null;
}

/** A fixed pool of workers running batches. */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private failure: Error | null = null;

  constructor(n: number, found: { script: WorkerScript; wt: typeof import("node:worker_threads") }) {
    const { script, wt } = found;
    for (let i = 0; i < n; i++) {
      const w = script.kind === "file" ? new wt.Worker(script.url) : new wt.Worker(script.code, { eval: true });
      w.unref();
      w.on("error", (err) => {
        this.failure = err instanceof Error ? err : new Error(String(err));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  private take(): Promise<Worker> {
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  /** Run a batch (a portfolio batch, or any message the worker file handles) on the next free worker. */
  async run(batch: WorkerBatch): Promise<WorkerReply>;
  async run<R>(batch: unknown): Promise<R>;
  async run(batch: unknown): Promise<unknown> {
    if (this.failure) throw this.failure;
    const w = await this.take();
    try {
      return await new Promise<unknown>((resolve, reject) => {
        const onMessage = (r: unknown) => {
          w.off("error", onError);
          w.off("exit", onExit);
          resolve(r);
        };
        const onError = (err: unknown) => {
          w.off("message", onMessage);
          w.off("exit", onExit);
          reject(err instanceof Error ? err : new Error(String(err)));
        };
        const onExit = (code: number) => {
          w.off("message", onMessage);
          w.off("error", onError);
          reject(new Error(`financing worker exited with code ${code}`));
        };
        w.once("message", onMessage);
        w.once("error", onError);
        w.once("exit", onExit);
        w.postMessage(batch);
      });
    } finally {
      this.give(w);
    }
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
