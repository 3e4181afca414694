/**
 * Worker of the hostile harness, in a child process (the default) or a worker thread: receives
 * batches of case indexes, runs each case and reports `start` before and `done` after it, so the
 * pool's watchdog can time every case.
 */
import { parentPort } from "node:worker_threads";
import { enumerateCases, runCase } from "./cases.js";

type Inbound = { type: "run"; indexes: readonly number[] };
const port = parentPort;
const send: (m: unknown) => void =
  port !== null
    ? (m) => port.postMessage(m)
    : (m) => {
        if (process.send === undefined) throw new Error("worker.ts must run in a worker thread or a forked child process");
        process.send(m);
      };
const onMessage = (handler: (m: Inbound) => void): void => {
  if (port !== null) port.on("message", handler);
  else process.on("message", handler as (m: unknown) => void);
};
// A child process whose pool went away (the run was aborted) must not linger.
if (port === null) process.on("disconnect", () => process.exit(0));
const cases = enumerateCases();
onMessage((msg) => {
  void (async () => {
    for (const i of msg.indexes) {
      const spec = cases[i];
      if (spec === undefined) throw new Error(`unknown case ${i}`);
      send({ type: "start", index: i });
      const result = await runCase(spec);
      send({ type: "done", index: i, result });
    }
    send({ type: "batch-done" });
  })();
});
send({ type: "ready", total: cases.length });
