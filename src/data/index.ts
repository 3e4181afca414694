export * from "./getImpactReportFigure.js";
export * from "./getThirdPartySellerShare.js";
export * from "./smallBusinessImpactReport2018.js";
export * from "./thirdPartySellerShareOfGms.js";
export * from "./types.js";
