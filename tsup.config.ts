import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

// The module list lives in scripts/modules.json (npm run generate writes the barrels and the
// package.json exports from it); the build reads the same list so its entries cannot drift.
const { modules } = JSON.parse(readFileSync(new URL("./scripts/modules.json", import.meta.url), "utf8")) as { modules: string[] };

export default defineConfig({
  entry: {
    index: "src/index.ts",
    ...Object.fromEntries(modules.map((m) => [`${m}/index`, `src/${m}/index.ts`])),
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  treeshake: true,
  splitting: true,
  // Source maps point at lines in dist without embedding the TypeScript sources (keeps the
  // tarball small; the sources are in the repository).
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
});
