/**
 * Tree-shaking guard (STYLE.md § 17): a consumer that imports one function gets that function
 * and its helpers, not the whole library. Bundles one-import consumers of the packed package
 * with esbuild and checks a size ceiling and that other modules' code is absent.
 */
import { build } from "esbuild";
import { describe, expect, inject, it } from "vitest";

const OTHER_MODULES = ["leontiefInverse", "syntheticMarketplace", "simulateRepayment", "aprRegZ", "wilsonInterval", "classifyEnterpriseSize"];

async function bundle(dir: string, code: string): Promise<string> {
  const r = await build({
    stdin: { contents: code, resolveDir: dir, loader: "js" },
    bundle: true,
    write: false,
    format: "esm",
    minify: true,
    platform: "node",
    external: ["decimal.js", "date-fns"],
    logLevel: "silent",
  });
  return r.outputFiles[0]?.text ?? "";
}

describe("tree-shaking of the built package", () => {
  const dir = inject("consumerDir");
  it("a money-only consumer bundles under 10 KB and without other modules", async () => {
    const text = await bundle(dir, 'import { money, add } from "marketplace-economics"; console.log(add(money("1", "USD"), money("2", "USD")));');
    expect(text.length).toBeLessThan(10_000);
    for (const name of OTHER_MODULES) expect(text, name).not.toContain(name);
  });
  it("an xirr-only consumer of the tvm subpath bundles under 30 KB and without the financing, share or jobs code", async () => {
    const text = await bundle(dir, 'import { xirr } from "marketplace-economics/tvm"; console.log(xirr([{ date: "2024-01-01", amount: -1 }, { date: "2025-01-01", amount: 1.1 }]));');
    expect(text.length).toBeLessThan(30_000);
    for (const name of OTHER_MODULES.filter((n) => n !== "aprRegZ")) expect(text, name).not.toContain(name);
  });
  it("the whole library is much larger than a one-function consumer (the guard can fail)", async () => {
    const text = await bundle(dir, 'import * as all from "marketplace-economics"; console.log(Object.keys(all).length, all);');
    expect(text.length).toBeGreaterThan(100_000);
    expect(text).toContain("leontiefInverse");
  });
});
