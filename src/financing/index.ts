export * from "./revenueShareLoan.js";
export * from "./salesBasedAdvance.js";
export * from "./simulateRepayment.js";
export * from "./sizeOffer.js";
export * from "./termLoan.js";
export * from "./types.js";
