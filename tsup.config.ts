import { defineConfig } from "tsup";

const modules = ["money", "time", "tvm", "sellers", "share", "financing", "jobs", "data", "synthetic"];

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
