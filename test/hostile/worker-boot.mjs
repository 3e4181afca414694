// Entry of a hostile-harness worker, a worker thread or a child process: registers tsx so the
// worker can load the TypeScript sources, then loads the TypeScript worker named in workerData
// (worker thread) or in its first argument (child process, `child_process.fork`).
import { register } from "tsx/esm/api";
import process from "node:process";
import { isMainThread, workerData } from "node:worker_threads";

register();
await import(isMainThread ? process.argv[2] : workerData.entry);
