/**
 * The pure parts of the release script (scripts/release.ts): the version bump and the CHANGELOG
 * rewrite. Versions follow SemVer 2.0.0 (§ 6–8: bumping a part resets the lower parts to 0); the
 * CHANGELOG layout is Keep a Changelog 1.1.0 (an `## [Unreleased]` section on top, released
 * sections `## [x.y.z] - YYYY-MM-DD`, compare links at the bottom).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { nextVersion, RELEASE_CHECKS, releaseChangelog } from "../scripts/release.js";

const root = new URL("..", import.meta.url).pathname;
const script = join(root, "scripts", "release.ts");
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;

describe("nextVersion", () => {
  it("bumps patch, minor and major, resetting the lower parts (SemVer § 6–8)", () => {
    expect(nextVersion("0.1.0", "patch")).toBe("0.1.1");
    expect(nextVersion("0.1.9", "minor")).toBe("0.2.0");
    expect(nextVersion("0.9.3", "major")).toBe("1.0.0");
    expect(nextVersion("1.2.3", "patch")).toBe("1.2.4");
  });
  it("accepts an explicit x.y.z greater than the current version", () => {
    expect(nextVersion("0.1.0", "0.2.0")).toBe("0.2.0");
    expect(nextVersion("0.1.0", "0.1.10")).toBe("0.1.10");
    expect(nextVersion("0.9.0", "0.10.0")).toBe("0.10.0");
  });
  it("rejects an explicit version that is not greater, and malformed input", () => {
    expect(() => nextVersion("0.2.0", "0.2.0")).toThrow("must be greater than the current version 0.2.0");
    expect(() => nextVersion("0.2.0", "0.1.9")).toThrow("must be greater");
    expect(() => nextVersion("0.2.0", "1.0")).toThrow('received "1.0"');
    expect(() => nextVersion("0.2.0", "01.0.0")).toThrow("x.y.z");
    expect(() => nextVersion("0.2.0", "1.0.0-rc.1")).toThrow("no pre-release");
    expect(() => nextVersion("0.2.0", "huge")).toThrow("patch, minor, major or x.y.z");
    expect(() => nextVersion("0.2.0-beta", "patch")).toThrow("the current version");
  });
});

const BEFORE = `# Changelog

Intro.

## [Unreleased]

0.2.0: the inside reorganised.

### Added
- \`isMarketplaceEconomicsError\` (#10).

### Changed
- periods are "day" | "week" | "month" (#10).
  - \`{ granularity: "daily" }\` → \`{ granularity: "day" }\`

### Fixed

### Removed

## [0.1.0] - 2026-11-25

### Added
- First release.
`;

describe("releaseChangelog", () => {
  it("moves Unreleased under the new version heading, drops empty subsections, leaves a fresh empty Unreleased", () => {
    expect(releaseChangelog(BEFORE, "0.2.0", "2026-12-01")).toBe(`# Changelog

Intro.

## [Unreleased]

## [0.2.0] - 2026-12-01

0.2.0: the inside reorganised.

### Added
- \`isMarketplaceEconomicsError\` (#10).

### Changed
- periods are "day" | "week" | "month" (#10).
  - \`{ granularity: "daily" }\` → \`{ granularity: "day" }\`

## [0.1.0] - 2026-11-25

### Added
- First release.
`);
  });
  it("updates Keep a Changelog compare links when present", () => {
    const text = `# Changelog

## [Unreleased]
### Fixed
- a bug.

## [0.1.0] - 2026-11-25
- First.

[Unreleased]: https://example.org/me/compare/v0.1.0...HEAD
[0.1.0]: https://example.org/me/releases/tag/v0.1.0
`;
    const out = releaseChangelog(text, "0.1.1", "2026-12-02");
    expect(out).toContain("## [Unreleased]\n\n## [0.1.1] - 2026-12-02\n\n### Fixed\n- a bug.\n\n## [0.1.0] - 2026-11-25");
    expect(out).toContain("[Unreleased]: https://example.org/me/compare/v0.1.1...HEAD\n[0.1.1]: https://example.org/me/compare/v0.1.0...v0.1.1\n[0.1.0]: https://example.org/me/releases/tag/v0.1.0\n");
  });
  it("a released changelog cannot be released again without a new entry", () => {
    const once = releaseChangelog(BEFORE, "0.2.0", "2026-12-01");
    expect(() => releaseChangelog(once, "0.2.1", "2026-12-02")).toThrow("has no entry to release");
    expect(() => releaseChangelog(BEFORE, "0.1.0", "2026-12-01")).toThrow("already has a section for 0.1.0");
  });
  it("refuses a changelog without Unreleased, and a malformed date", () => {
    expect(() => releaseChangelog("# Changelog\n\n## [0.1.0] - 2026-11-25\n- x\n", "0.1.1", "2026-12-01")).toThrow("no `## [Unreleased]` section");
    expect(() => releaseChangelog(BEFORE, "0.2.0", "1 Dec 2026")).toThrow("YYYY-MM-DD");
  });
});

/** A throw-away package (package.json, CHANGELOG.md, a git repository) to run the script in. */
function scratchPackage(commit: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "me-release-"));
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "scratch", version: "0.1.0", private: true }, null, 2)}\n`);
  writeFileSync(join(dir, "CHANGELOG.md"), BEFORE);
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=release test", "-c", "user.email=release@test.invalid", ...args], { cwd: dir, stdio: "pipe" });
  git("init", "-q");
  if (commit) {
    git("add", ".");
    git("commit", "-q", "-m", "scratch");
  }
  return dir;
}
const release = (dir: string, ...args: string[]): string => execFileSync(process.execPath, ["--import", tsxLoader, script, ...args], { cwd: dir, encoding: "utf8", stdio: "pipe" });

describe("npm run release", () => {
  it("--dry-run writes nothing and lists every check, the version bump, the CHANGELOG move and the tag", () => {
    const dir = scratchPackage(true);
    try {
      const out = release(dir, "minor", "--dry-run");
      for (const check of RELEASE_CHECKS) expect(out).toContain(`[dry run] would run npm run ${check}`);
      expect(out).toContain("would set the version 0.1.0 → 0.2.0 in package.json and package-lock.json");
      expect(out).toMatch(/would move CHANGELOG.md's \[Unreleased\] to "## \[0\.2\.0\] - \d{4}-\d{2}-\d{2}"/);
      expect(out).toContain('would commit "release: 0.2.0" (package.json, package-lock.json, CHANGELOG.md) and tag v0.2.0');
      expect(out).not.toContain("not clean");
      expect(readFileSync(join(dir, "CHANGELOG.md"), "utf8")).toBe(BEFORE);
      expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))).toMatchObject({ version: "0.1.0" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("refuses a dirty work tree before running anything (a dry run says so)", () => {
    const dir = scratchPackage(false);
    try {
      expect(() => release(dir, "patch")).toThrow(/the work tree is not clean; commit or remove these first:\n\?\? CHANGELOG.md/);
      expect(release(dir, "patch", "--dry-run")).toContain("[dry run] the work tree is not clean, a real run would stop here");
      expect(readFileSync(join(dir, "CHANGELOG.md"), "utf8")).toBe(BEFORE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("rejects a missing or unknown argument", () => {
    expect(() => release(root, "--dry-run")).toThrow(/usage: npm run release/);
    expect(() => release(root, "minor", "--dryrun")).toThrow(/unknown flag --dryrun/);
  });
});
