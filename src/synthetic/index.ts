export * from "./defaultSyntheticCalibration.js";
export * from "./syntheticMarketplace.js";
export * from "./types.js";
