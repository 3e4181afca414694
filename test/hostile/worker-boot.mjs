// Worker-thread entry of the hostile harness: registers tsx so the worker can load the
// TypeScript sources, then loads the TypeScript worker named in workerData.
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.entry);
