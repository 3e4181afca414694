import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    typecheck: { enabled: true, only: false, include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"] },
    testTimeout: 30_000,
  },
});
