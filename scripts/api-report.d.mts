// Types of scripts/api-report.mjs, for the tests that import it (test/generated-files.test.ts).
export declare const REPORT: string;
export declare function entryPoints(root: string): { subpath: string; name: string; file: string }[];
export declare function buildReport(root: string): string;
