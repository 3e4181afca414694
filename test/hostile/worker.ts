/**
 * Worker thread of the hostile harness: receives batches of case indexes, runs each case and
 * reports `start` before and `done` after it, so the pool's watchdog can time every case.
 */
import { parentPort } from "node:worker_threads";
import { enumerateCases, runCase } from "./cases.js";

const port = parentPort;
if (port === null) throw new Error("worker.ts must run in a worker thread");
const cases = enumerateCases();
port.on("message", (msg: { type: "run"; indexes: readonly number[] }) => {
  void (async () => {
    for (const i of msg.indexes) {
      const spec = cases[i];
      if (spec === undefined) throw new Error(`unknown case ${i}`);
      port.postMessage({ type: "start", index: i });
      const result = await runCase(spec);
      port.postMessage({ type: "done", index: i, result });
    }
    port.postMessage({ type: "batch-done" });
  })();
});
port.postMessage({ type: "ready", total: cases.length });
