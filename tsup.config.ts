import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { rollup, type Plugin } from "rollup";
import { defineConfig } from "tsup";

// The module list lives in scripts/modules.json (npm run generate writes the barrels and the
// package.json exports from it); the build reads the same list so its entries cannot drift.
const { modules } = JSON.parse(readFileSync(new URL("./scripts/modules.json", import.meta.url), "utf8")) as { modules: string[] };

/** The entry points of the npm build (output name without extension → source file). */
const entry: Record<string, string> = {
  index: "src/index.ts",
  ...Object.fromEntries(modules.map((m) => [`${m}/index`, `src/${m}/index.ts`])),
  // The worker thread of simulatePortfolioAsync (#12): loaded by path, not an entry point of the package.
  "financing/portfolioWorker": "src/financing/_lib/portfolioWorker.ts",
};

/** A shared chunk at most this large (bytes) may be merged into the common chunk. */
const SMALL_CHUNK = 20_000;

/**
 * Fewer, larger chunks (#10, cold import). esbuild's code splitting makes one chunk per set of
 * entry points that use a piece of code, so the root entry point, which uses everything, loaded
 * 28 files; each file costs a resolution, a read and a module record (~0.2 ms in CJS, ~0.5 ms in
 * ESM, measured on the 2-core machine of bench/README.md) on top of compiling its code. After the build, rollup re-chunks
 * esbuild's ESM output (every esbuild chunk a module) and writes both formats from it: the small
 * chunks (≤ SMALL_CHUNK) that two or more subpaths share are merged into one common chunk, except
 * the ones `marketplace-economics/money` loads (the core that every module needs: validation,
 * errors, money helpers), so the smallest subpath loads the same code in the same files. Every other
 * esbuild chunk stays a chunk of its own (so a subpath never loads another module's public
 * functions), and each piece of code is still in exactly one file: the root and every subpath
 * share their classes and constants, in CJS as in ESM. The CJS files are rollup's CJS output of
 * the same graph (as before, when tsup converted each esbuild chunk with rollup).
 */
async function rechunk(outDir: string): Promise<void> {
  const legal = (file: string): string[] => readFileSync(file, "utf8").match(/\/\*![\s\S]*?\*\//g) ?? [];
  const legalComments: Plugin = {
    name: "legal-comments",
    renderChunk(code, chunk) {
      const missing = [...new Set(Object.keys(chunk.modules).flatMap(legal))].filter((c) => !code.includes(c));
      return missing.length ? { code: `${code}${missing.join("\n")}\n`, map: null } : null;
    },
  };
  const dist = resolve(outDir);
  const input = Object.fromEntries(Object.keys(entry).map((name) => [name, join(dist, `${name}.js`)]));
  const imports = (file: string): string[] => [...readFileSync(file, "utf8").matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolve(dirname(file), m[1]!));
  // Which entry points load each esbuild chunk (transitively).
  const users = new Map<string, Set<string>>();
  for (const [name, file] of Object.entries(input)) {
    const seen = new Set<string>();
    const stack = [file];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      stack.push(...imports(f));
    }
    for (const f of seen) if (f !== file) users.set(f, (users.get(f) ?? new Set()).add(name));
  }
  const chunkName = (id: string): string | undefined => {
    const us = users.get(id);
    // An entry point, or an empty chunk (a types-only module) that rollup drops.
    if (!us || readFileSync(id, "utf8").trim() === "") return undefined;
    const subpaths = [...us].filter((u) => u !== "index");
    const common = subpaths.length >= 2 && !us.has("money/index") && statSync(id).size <= SMALL_CHUNK;
    // Named groups keep every other esbuild chunk apart (rollup would otherwise pull a manual
    // chunk's dependencies into it).
    return common ? "common" : relative(dist, id).replace(/\.js$/, "");
  };
  const bundle = await rollup({
    input,
    external: (id) => !id.startsWith(".") && !id.startsWith("/"),
    treeshake: true,
    preserveEntrySignatures: "exports-only",
    onwarn: (w) => {
      throw new Error(`re-chunking dist/: ${w.message}`);
    },
  });
  const tmp = mkdtempSync(join(tmpdir(), "me-rechunk-"));
  try {
    for (const [format, ext] of [
      ["es", "js"],
      ["cjs", "cjs"],
    ] as const) {
      await bundle.write({
        // Rollup drops a comment that trails a module's last statement: esbuild writes legal
        // comments there (date-fns' MIT notice), so they are put back at the end of the chunk.
        plugins: [legalComments],
        dir: tmp,
        format,
        interop: "auto",
        entryFileNames: `[name].${ext}`,
        chunkFileNames: `chunk-[hash].${ext}`,
        hashCharacters: "hex",
        manualChunks: chunkName,
      });
    }
    await bundle.close();
    // Replace esbuild's JavaScript (types untouched).
    const js = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.c?js$/.test(f) && statSync(join(dir, f)).isFile());
    for (const f of js(dist)) rmSync(join(dist, f));
    for (const f of js(tmp)) {
      mkdirSync(dirname(join(dist, f)), { recursive: true });
      copyFileSync(join(tmp, f), join(dist, f));
    }
    lazyCjsRoot(join(dist, "index.cjs"));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The CJS root entry point loads each module on first use (#10, cold import). `require` of the
 * root compiled every chunk of every module (~700 KB) before returning, 3.1–3.2x the
 * `/money` subpath on a quiet machine, against the ESM root's 2.4x; most of it is V8
 * compiling code the caller may never run. Rollup's `index.cjs` is rewritten so that each of its
 * chunks is `require`d when one of its exports is first read. Each export is an accessor that
 * keeps the value once read (enumerable and configurable; an assignment replaces the value, as
 * it did on rollup's `exports.x = …`), and `Object.keys` lists every export in the same order.
 * (Replacing the accessor by a data property on first read was measured: redefining ~170
 * properties of one object cost ~17 ms, as much as the whole eager load.) The chunks are the ones every
 * subpath loads, so classes stay shared. A `0 && (module.exports = { … })` line names the
 * exports for Node's cjs-module-lexer (as esbuild does). The ESM root is unchanged (ESM cannot
 * defer a static import). The build fails if rollup's file is not the expected list of
 * `var x = require(…)` / `require(…)` / `exports.a = x.a` lines.
 */
function lazyCjsRoot(file: string): void {
  const lines = readFileSync(file, "utf8").split("\n");
  const chunks: string[] = [];
  const exportsOf: [name: string, chunk: string, key: string][] = [];
  for (const line of lines) {
    let m: RegExpMatchArray | null;
    if (line === "" || line === "'use strict';") continue;
    if ((m = line.match(/^var (\w+) = require\('(\.\/[\w.-]+\.cjs)'\);$/))) {
      if (m[1] === "lazy" || m[1] === "def") throw new Error(`lazy CJS root: a chunk variable is named ${m[1]}`);
      chunks.push(`var ${m[1]} = lazy(function () { return require('${m[2]}'); });`);
    } else if (/^require\('[\w./-]+'\);$/.test(line))
      continue; // loaded for its side effects only: loaded by the chunks that use it
    else if ((m = line.match(/^exports\.(\w+) = (\w+)\.(\w+);$/))) exportsOf.push([m[1]!, m[2]!, m[3]!]);
    else throw new Error(`lazy CJS root: unexpected line in dist/index.cjs: ${line}`);
  }
  if (exportsOf.length === 0) throw new Error("lazy CJS root: dist/index.cjs exports nothing");
  const body = [
    "'use strict';",
    "",
    "// Each module's chunk is loaded on the first read of one of its exports (see tsup.config.ts).",
    "function lazy(load) { var m; return function () { return m === undefined ? (m = load()) : m; }; }",
    "function def(name, chunk, key) { var got = false, v; Object.defineProperty(exports, name, { enumerable: true, configurable: true, get: function () { if (!got) { v = chunk()[key || name]; got = true; } return v; }, set: function (x) { v = x; got = true; } }); }",
    ...chunks,
    "",
    ...exportsOf.map(([name, chunk, key]) => `def('${name}', ${chunk}${key === name ? "" : `, '${key}'`});`),
    "",
    "// The export names, for Node's cjs-module-lexer (never executed).",
    `0 && (module.exports = { ${exportsOf.map(([name]) => name).join(", ")} });`,
    "",
  ];
  writeFileSync(file, body.join("\n"));
}

export default defineConfig([
  {
    entry,
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
    // Fewer, larger chunks for both formats (see rechunk above).
    onSuccess: () => rechunk("dist"),
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
