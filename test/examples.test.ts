/**
 * Every script in examples/ runs against the built, packed package (not the source): it is
 * copied into the temporary consumer folder of test/setup/packedInstall.ts, where
 * "marketplace-economics" resolves to the tarball's dist/, and run with tsx (issue #7).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, inject, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
const examples = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".ts"));
/** Arguments that keep long examples short in tests. */
const ARGS: Record<string, string[]> = { "demo.ts": ["--sellers", "20000"], "order-log.ts": ["--rows", "300000"], "stress-test.ts": ["--advances", "500"] };
/** Examples that use an optional peer dependency run in the consumer that has it (#13). */
const NEEDS_PEERS = new Set(["order-log.ts"]);

describe("examples run against the packed package", () => {
  const plainDir = inject("consumerDir");
  const peersDir = inject("consumerWithPeersDir");
  it("has at least one example per module", () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });
  for (const file of examples) {
    it(`${file} runs, imports only the public package, and prints output`, () => {
      const dir = NEEDS_PEERS.has(file) ? peersDir : plainDir;
      const source = readFileSync(join(root, "examples", file), "utf8");
      expect(source).not.toMatch(/from "\.\.?\//);
      if (file !== "demo.ts") expect(source.split("\n").length, "examples stay under 60 lines").toBeLessThanOrEqual(60);
      copyFileSync(join(root, "examples", file), join(dir, file));
      const out = execFileSync(process.execPath, ["--import", tsxLoader, join(dir, file), ...(ARGS[file] ?? [])], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      expect(out.trim().length).toBeGreaterThan(0);
      expect(out).not.toMatch(/NaN|undefined|\[object Object\]/);
    }, 120_000);
  }
  it("demo.ts --sellers 10 runs on a marketplace too small to have a loan (#11: it crashed with a raw stack trace)", () => {
    copyFileSync(join(root, "examples", "demo.ts"), join(plainDir, "demo.ts"));
    const out = execFileSync(process.execPath, ["--import", tsxLoader, join(plainDir, "demo.ts"), "--sellers", "10"], { cwd: plainDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(out).toMatch(/Synthetic marketplace: 10 US SMB sellers/);
    expect(out).toMatch(/No worked financing offer/);
    expect(out).not.toMatch(/NaN|undefined|\[object Object\]|at .*\(/);
  }, 120_000);
});
