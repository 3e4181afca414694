import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { accumulateMarketplace } from "./accumulateMarketplace.js";
import { finalizeMarketplace } from "./finalizeMarketplace.js";
import { marketplaceAccumulatorFromJSON } from "./marketplaceAccumulatorFromJSON.js";
import { mergeMarketplaceAccumulators } from "./mergeMarketplaceAccumulators.js";
import type { MinorUnitSale } from "./types.js";

// Shards computed in separate processes (#13): each child runs a small script with tsx, builds its
// shard from the library's source and prints the state as JSON; the parent merges the states.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
const lib = pathToFileURL(fileURLToPath(new URL("../index.ts", import.meta.url))).href;
const dir = mkdtempSync(join(tmpdir(), "me-shards-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A deterministic log: 3,000 sales of 97 sellers over 2016-2018, with refunds and bigints. */
const SHARED = `
export function sale(i) {
  const seller = (i * 7919) % 97;
  const minor = ((i * 104729) % 500000) - (i % 23 === 0 ? 600000 : 0);
  return { sellerId: "s" + seller, date: new Date(Date.UTC(2016, 0, 1 + ((i * 31) % 1000))), amountMinor: i % 2 ? minor : BigInt(minor), units: i % 5 };
}
export const segmentOf = (s) => ["smb", "large", "first-party"][Number(s.sellerId.slice(1)) % 3];
export const options = { currency: "USD", period: "month", sellerInterval: { start: "2017-01-01", end: "2018-01-01" }, thresholds: [5000000], brackets: [100000, 1000000], topK: [1, 5] };
`;
writeFileSync(join(dir, "shared.mjs"), SHARED);
writeFileSync(
  join(dir, "shard.mts"),
  `import { accumulateMarketplace } from ${JSON.stringify(lib)};
import { sale, segmentOf, options } from "./shared.mjs";
const [k, n] = process.argv.slice(2).map(Number);
function* mine() { for (let i = k; i < 3000; i += n) yield sale(i); }
process.stdout.write(JSON.stringify(accumulateMarketplace(mine(), segmentOf, options)));
`,
);

describe("shards in separate processes", () => {
  it("merge to exactly the single-pass result", async () => {
    const { sale, segmentOf, options } = (await import(pathToFileURL(join(dir, "shared.mjs")).href)) as {
      sale: (i: number) => MinorUnitSale;
      segmentOf: (s: MinorUnitSale) => string;
      options: Parameters<typeof accumulateMarketplace>[2];
    };
    const all = Array.from({ length: 3000 }, (_, i) => sale(i));
    const one = accumulateMarketplace(all, segmentOf, options);
    const states = [0, 1, 2].map((k) => execFileSync(process.execPath, ["--import", tsxLoader, join(dir, "shard.mts"), String(k), "3"], { cwd: dir, encoding: "utf8" }));
    const merged = mergeMarketplaceAccumulators(...states.reverse().map((s) => marketplaceAccumulatorFromJSON(s)));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(one));
    expect(JSON.stringify(finalizeMarketplace(merged))).toBe(JSON.stringify(finalizeMarketplace(one)));
    // and the figures are the log's: sellers with a record in 2017
    const in2017 = new Set(all.filter((s) => (s.date as Date).getUTCFullYear() === 2017).map((s) => s.sellerId));
    expect(finalizeMarketplace(merged).sellers.sellers).toBe(in2017.size);
    expect(in2017.size).toBeGreaterThan(10);
  }, 60_000);
});
