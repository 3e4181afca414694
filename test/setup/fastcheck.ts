/**
 * Property tests explore new random inputs on every local run. In CI (CI=true) they use a fixed
 * seed so that a run is reproducible and a red build always means a real, replayable failure;
 * set FC_SEED to replay a seed printed by a failing local run.
 */
import fc from "fast-check";

const seed = process.env["FC_SEED"] ?? (process.env["CI"] ? "20180503" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
