export * from "./attributeJobsToMarketplace.js";
export * from "./directJobs.js";
export * from "./estimateJobs.js";
export * from "./inputOutputImpact.js";
export * from "./jobsFromMultiplier.js";
export * from "./leontiefInverse.js";
export * from "./receiptsPerEmployeeTable.js";
export * from "./types.js";
