/**
 * `npm run release -- <patch|minor|major|x.y.z> [--dry-run]`: cut a release (CONTRIBUTING.md
 * "Releasing").
 *
 * 1. refuses a dirty work tree (a release is exactly a commit that exists);
 * 2. runs the checks CI runs: lint, typecheck, api:check, test (which builds), coverage, docs,
 *    check:package, and refuses if they changed a tracked file;
 * 3. bumps the version in package.json and package-lock.json (`npm version --no-git-tag-version`);
 * 4. moves the `## [Unreleased]` section of CHANGELOG.md to `## [x.y.z] - <UTC date>`, leaving a
 *    fresh empty `## [Unreleased]` (and updates Keep a Changelog compare links, if any);
 * 5. commits those three files as `release: x.y.z` and tags `vx.y.z` (annotated).
 *
 * Publishing stays a separate, deliberate step (`git push --follow-tags`, then `npm publish`).
 * With `--dry-run` nothing is run or written: it prints each step, the new version and the
 * CHANGELOG heading it would write. The pure parts (nextVersion, releaseChangelog) are tested in
 * test/release.test.ts.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** The checks a release runs, in order: the npm scripts CI runs (`.ci/run`); `test` builds dist/ first. */
export const RELEASE_CHECKS = ["lint", "typecheck", "api:check", "test", "coverage", "docs", "check:package"] as const;

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function parse(version: string, what: string): [number, number, number] {
  const m = SEMVER.exec(version);
  if (!m) throw new Error(`${what} must be a version x.y.z (no pre-release or build suffix), received ${JSON.stringify(version)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * The version after `current` for a bump: `"patch"`, `"minor"`, `"major"` (SemVer 2.0.0 § 6–8:
 * lower parts reset to 0) or an explicit `x.y.z`, which must be greater than `current`.
 */
export function nextVersion(current: string, bump: string): string {
  const [major, minor, patch] = parse(current, "the current version");
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  if (bump === "patch") return `${major}.${minor}.${patch + 1}`;
  const next = parse(bump, "the release (patch, minor, major or x.y.z)");
  const order = next[0] - major || next[1] - minor || next[2] - patch;
  if (order <= 0) throw new Error(`the release ${bump} must be greater than the current version ${current}`);
  return bump;
}

/**
 * CHANGELOG.md (Keep a Changelog 1.1.0) with its `## [Unreleased]` section released as
 * `## [version] - date`: the section's text moves under the new heading (empty `###` subsections
 * dropped) and a fresh, empty `## [Unreleased]` stays on top. Compare links at the bottom, if
 * present (`[Unreleased]: <repo>/compare/v0.1.0...HEAD`), gain the new version.
 *
 * @throws Error when there is no Unreleased section, it has no entry, or the version is already there
 */
export function releaseChangelog(text: string, version: string, date: string): string {
  parse(version, "the version");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`the date must be YYYY-MM-DD, received ${JSON.stringify(date)}`);
  const lines = text.split("\n");
  const start = lines.findIndex((l) => /^## \[Unreleased\]\s*$/i.test(l));
  if (start === -1) throw new Error("CHANGELOG.md has no `## [Unreleased]` section");
  if (lines.some((l) => l.startsWith(`## [${version}]`))) throw new Error(`CHANGELOG.md already has a section for ${version}`);
  let end = lines.findIndex((l, i) => i > start && (/^## /.test(l) || /^\[[^\]]+\]:\s/.test(l)));
  if (end === -1) end = lines.length;
  const body = dropEmptySubsections(lines.slice(start + 1, end));
  if (!body.some((l) => /^\s*[-*] /.test(l))) throw new Error("the `## [Unreleased]` section of CHANGELOG.md has no entry to release");
  while (body.length > 0 && body[0]!.trim() === "") body.shift();
  while (body.length > 0 && body[body.length - 1]!.trim() === "") body.pop();
  const tail = updateLinks(lines.slice(end), version);
  return [...lines.slice(0, start), "## [Unreleased]", "", `## [${version}] - ${date}`, "", ...body, "", ...tail].join("\n");
}

/** Removes `### Heading` lines whose subsection has no content line before the next heading. */
function dropEmptySubsections(body: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    if (/^### /.test(line)) {
      let j = i + 1;
      while (j < body.length && body[j]!.trim() === "") j++;
      if (j >= body.length || /^#{2,3} /.test(body[j]!)) {
        i = j - 1;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

/** `[Unreleased]: R/compare/vA...HEAD` → `[Unreleased]: R/compare/vX...HEAD` plus `[X]: R/compare/vA...vX`. */
function updateLinks(tail: readonly string[], version: string): string[] {
  return tail.flatMap((line) => {
    const m = /^\[Unreleased\]:\s*(\S+\/compare\/)(v?)([^.\s]+\.[^.\s]+\.[^.\s]+)\.\.\.HEAD\s*$/i.exec(line);
    if (!m) return [line];
    const [, base, v, previous] = m;
    return [`[Unreleased]: ${base}${v}${version}...HEAD`, `[${version}]: ${base}${v}${previous}...${v}${version}`];
  });
}

function sh(cmd: string, args: readonly string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

function main(argv: readonly string[]): void {
  const root = process.cwd(); // npm run sets it to the package root
  const dryRun = argv.includes("--dry-run");
  const positional = argv.filter((a) => a !== "--dry-run");
  const unknown = positional.filter((a) => a.startsWith("-"));
  if (positional.length !== 1 || unknown.length > 0) {
    throw new Error(`usage: npm run release -- <patch|minor|major|x.y.z> [--dry-run]${unknown.length ? ` (unknown flag ${unknown.join(", ")})` : ""}`);
  }
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const version = nextVersion(pkg.version, positional[0]!);
  const date = new Date().toISOString().slice(0, 10);
  const changelogPath = join(root, "CHANGELOG.md");
  const changelog = releaseChangelog(readFileSync(changelogPath, "utf8"), version, date);
  const say = (s: string): void => console.log(`${dryRun ? "[dry run] would " : ""}${s}`);

  const dirty = sh("git", ["status", "--porcelain"], root).trim();
  if (dirty !== "") {
    if (!dryRun) throw new Error(`the work tree is not clean; commit or remove these first:\n${dirty}`);
    console.log(`[dry run] the work tree is not clean, a real run would stop here:\n${dirty}`);
  }
  for (const check of RELEASE_CHECKS) {
    say(`run npm run ${check}`);
    if (!dryRun) execFileSync("npm", ["run", check], { cwd: root, stdio: "inherit" });
  }
  if (!dryRun) {
    const changed = sh("git", ["status", "--porcelain"], root).trim();
    if (changed !== "") throw new Error(`the checks changed tracked files; commit the regenerated files first:\n${changed}`);
  }
  say(`set the version ${pkg.version} → ${version} in package.json and package-lock.json`);
  if (!dryRun) sh("npm", ["version", version, "--no-git-tag-version"], root);
  say(`move CHANGELOG.md's [Unreleased] to "## [${version}] - ${date}", with a fresh empty [Unreleased]`);
  if (!dryRun) writeFileSync(changelogPath, changelog);
  say(`commit "release: ${version}" (package.json, package-lock.json, CHANGELOG.md) and tag v${version}`);
  if (!dryRun) {
    sh("git", ["commit", "-m", `release: ${version}`, "--", "package.json", "package-lock.json", "CHANGELOG.md"], root);
    sh("git", ["tag", "-a", `v${version}`, "-m", `marketplace-economics ${version}`], root);
    console.log(`released ${version}: push with \`git push --follow-tags\`, then \`npm publish\``);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`release: ${(e as Error).message}`);
    process.exit(1);
  }
}
