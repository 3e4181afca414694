/**
 * vitest globalSetup: pack the built package (`npm pack`, exactly what would be published),
 * install the tarball into a temporary consumer folder, and hand its path to the tests that
 * exercise the package as a user would (test/package.test.ts, test/examples.test.ts).
 * Runtime dependencies are linked from this repo's node_modules so no network is needed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    consumerDir: string;
    /** A second consumer with the optional peer dependencies (@duckdb/node-api) installed too (#13). */
    consumerWithPeersDir: string;
  }
}

const root = new URL("../..", import.meta.url).pathname;

export default function setup(project: TestProject): () => void {
  if (!existsSync(join(root, "dist", "index.js"))) {
    throw new Error("dist/ is missing: run `npm run build` first (`npm test` does it for you)");
  }
  const dir = mkdtempSync(join(tmpdir(), "me-consumer-"));
  const out = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: root, encoding: "utf8" }).trim().split("\n").pop() ?? "";
  const pkgDir = join(dir, "node_modules", "marketplace-economics");
  mkdirSync(pkgDir, { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, out), "-C", pkgDir, "--strip-components=1"]);
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies)) {
    symlinkSync(join(root, "node_modules", dep), join(dir, "node_modules", dep), "dir");
  }
  // A consumer project of its own, ESM like the examples.
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  project.provide("consumerDir", dir);
  // The same tarball in a consumer that also has the optional peer dependencies (the first one
  // has none, so it proves the root and the other subpaths load without them).
  const peers = mkdtempSync(join(tmpdir(), "me-consumer-peers-"));
  const peerPkgDir = join(peers, "node_modules", "marketplace-economics");
  mkdirSync(peerPkgDir, { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, out), "-C", peerPkgDir, "--strip-components=1"]);
  const all = { ...pkg.dependencies, ...((pkg as { peerDependencies?: Record<string, string> }).peerDependencies ?? {}) };
  for (const dep of Object.keys(all)) {
    const target = join(peers, "node_modules", dep);
    mkdirSync(join(target, ".."), { recursive: true });
    symlinkSync(join(root, "node_modules", dep), target, "dir");
  }
  writeFileSync(join(peers, "package.json"), JSON.stringify({ name: "consumer-peers", private: true, type: "module" }));
  project.provide("consumerWithPeersDir", peers);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(peers, { recursive: true, force: true });
  };
}
