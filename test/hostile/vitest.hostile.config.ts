// The hostile harness's own vitest config (`npm run test:hostile`): runs only
// test/hostile/*.hostile.ts, without the packed-install global setup of vitest.config.ts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/hostile/**/*.hostile.ts"],
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
  },
});
