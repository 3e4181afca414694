import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

// The module list lives in scripts/modules.json (npm run generate writes the barrels and the
// package.json exports from it); the build reads the same list so its entries cannot drift.
const { modules } = JSON.parse(readFileSync(new URL("./scripts/modules.json", import.meta.url), "utf8")) as { modules: string[] };

export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      ...Object.fromEntries(modules.map((m) => [`${m}/index`, `src/${m}/index.ts`])),
      // The worker thread of simulatePortfolioAsync (#12): loaded by path, not an entry point of the package.
      "financing/portfolioWorker": "src/financing/_lib/portfolioWorker.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    // No source maps (#16): dist/ is unminified JavaScript with the source's names, so a stack
    // trace is readable as it is; maps without the sources were 35 % of the package and pointed at
    // files that are not shipped, and with the sources they would more than double it.
    sourcemap: false,
    clean: true,
    target: "node20",
    treeshake: true,
    splitting: true,
    // The duckdb subpath resolves its optional peer dependency with createRequire(import.meta.url):
    // the shim gives the CJS build an import.meta.url (only files that use it get the shim).
    shims: true,
    // Never bundled: an optional peer dependency of the duckdb subpath only.
    external: ["@duckdb/node-api"],
    // date-fns is bundled (#10, cold import): the period library uses two of its functions
    // (getISOWeek, getISOWeekYear, ~2 KB with their helpers), and loading them from the package
    // at run time cost a resolution through date-fns' 199 KB package.json exports map plus 8
    // modules, ~15 % of the root entry point's cold import. The code is date-fns' own (MIT).
    noExternal: [/^date-fns(\/|$)/],
  },
  {
    // The browser bundle of the docs playground (docs/site/playground/, copied into the site by
    // scripts/site.ts): the whole root entry point with decimal.js and date-fns inlined, one ES
    // module, no Node built-ins. Not part of the npm package (outside dist/).
    entry: { "marketplace-economics": "src/index.ts" },
    outDir: "build/browser",
    format: ["esm"],
    platform: "browser",
    target: "es2022",
    noExternal: [/.*/],
    dts: false,
    sourcemap: false,
    clean: true,
    minify: true,
    treeshake: true,
    splitting: false,
  },
]);
