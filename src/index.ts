/**
 * marketplace-economics: exact, typed models of seller economics on online marketplaces.
 *
 * Every module is also available as a subpath export (`marketplace-economics/financing`, ...).
 *
 * @module API reference
 */
export * from "./data/index.js";
export * from "./errors.js";
export * from "./financing/index.js";
export * from "./jobs/index.js";
export * from "./money/index.js";
export * from "./sellers/index.js";
export * from "./share/index.js";
export * from "./synthetic/index.js";
export * from "./time/index.js";
export * from "./tvm/index.js";
