// Types of the ESLint rule in eslint-lib-boundary.js, for test/lib-boundary.test.ts.
import type { Rule } from "eslint";
export declare const libBoundary: Rule.RuleModule;
