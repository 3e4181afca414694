/**
 * Two test projects (CONTRIBUTING.md "Tests"):
 * - `unit`: every test that runs straight on src/ (unit, property, type tests, and the test/
 *   files that import src/), no build needed: `npm run test:unit`, `npm run coverage`.
 * - `package`: the tests of the built, packed package (PACKAGE_TESTS); only this project packs
 *   dist/ in its globalSetup, so it needs `npm run build` first (`npm test` builds, then runs both).
 */
import { defineConfig } from "vitest/config";

/** Tests that exercise the packed tarball (test/setup/packedInstall.ts provides its folder). */
const PACKAGE_TESTS = ["test/package.test.ts", "test/examples.test.ts", "test/doc-examples.test.ts", "test/treeshake.test.ts", "test/consumers/*.test.ts", "test/playground/*.test.ts"];

export default defineConfig({
  test: {
    setupFiles: ["test/setup/fastcheck.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: PACKAGE_TESTS,
          typecheck: { enabled: true, include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"] },
        },
      },
      {
        extends: true,
        test: {
          name: "package",
          include: PACKAGE_TESTS,
          globalSetup: ["test/setup/packedInstall.ts"],
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/**/*.test.ts", "src/**/*.test-d.ts"],
      reporter: ["text-summary", "html", "json-summary"],
      // `npm run coverage` measured on the unit project with the CI seed (FC_SEED=20180503, so the
      // property tests explore the same inputs every run) on 2026-12-01.
      // Lowered on 2026-12-02 to the level measured after the 0.3.0 work (statements 92.76, branches 84.63,
      // lines 95.11; was 94.1 / 86.34 / 95.61): the new modules landed with less-covered error paths. Raise
      // again as their tests grow; never lower it further.
      // Raised on 2026-12-02 (evening) to the level measured by `bash .ci/run` on 6e7f392 (statements 93.15,
      // branches 85.76, functions 96.87, lines 95.38), floored to 0.1: still below 94.1 / 86.34 / 95.61.
      // Raised on 2026-12-02 21:25Z to `npm run coverage` measured on main 6569122 plus
      // src/tvm/problem.prop.test.ts (statements 94.43, branches 87.24, functions 97.37, lines 96.58),
      // floored to 0.05: above the 94.1 / 86.34 / 95.61 of 2026-12-01 again.
      thresholds: { statements: 94.4, branches: 87.2, functions: 97.35, lines: 96.55 },
    },
  },
});
