// The written internal boundary (CONTRIBUTING.md "Layout") is enforced by the ESLint rule
// scripts/eslint-lib-boundary.js; these cases prove the rule fires and stays quiet where it should.
import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { libBoundary } from "../scripts/eslint-lib-boundary.js";

const cwd = fileURLToPath(new URL("..", import.meta.url));
const eslint = new ESLint({ cwd });
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "local/lib-boundary").map((m) => m.message);
}

describe("lint rule local/lib-boundary", () => {
  it("rejects importing another module's _lib/ from a module file", async () => {
    const errors = await boundaryErrors("src/share/fake.ts", 'import { solveRate } from "../tvm/_lib/solver.js";\nexport const f = solveRate;\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("private machinery of module 'tvm'");
  });
  it("rejects importing a module's _lib/ from src/_lib/ and from tests outside the module", async () => {
    expect(await boundaryErrors("src/_lib/fake.ts", 'import { x } from "../share/_lib/accumulator.js";\nexport const f = x;\n')).toHaveLength(1);
    expect(await boundaryErrors("test/fake.test.ts", 'import { x } from "../src/share/_lib/accumulator.js";\nexport const f = x;\n')).toHaveLength(1);
  });
  it("rejects value imports of another module's implementation from a _lib/ file, allows its types", async () => {
    expect(await boundaryErrors("src/share/_lib/fake.ts", 'import { money } from "../../money/money.js";\nexport const f = money;\n')).toHaveLength(1);
    expect(await boundaryErrors("src/share/_lib/fake.ts", 'import type { Money } from "../../money/types.js";\nexport type F = Money;\n')).toEqual([]);
  });
  it("allows a module's own _lib/, the shared src/_lib/ and errors.ts", async () => {
    const code = 'import { x } from "./_lib/accumulator.js";\nimport { toDecimal } from "../_lib/validate.js";\nimport { ErrorCode } from "../errors.js";\nexport const f = [x, toDecimal, ErrorCode];\n';
    expect(await boundaryErrors("src/share/fake.ts", code)).toEqual([]);
  });
  it("finds no violation in the repository", { timeout: 300_000 }, async () => {
    // Only the boundary rule, with the repository's own rule object (npm run lint runs it with
    // every other rule too): the full config over every file is minutes on a loaded 2-core machine.
    const boundaryOnly = new ESLint({
      cwd,
      overrideConfigFile: true,
      overrideConfig: [
        { ignores: ["dist/**", "build/**", "docs/**", "coverage/**", "node_modules/**"] },
        { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser }, plugins: { local: { rules: { "lib-boundary": libBoundary } } }, rules: { "local/lib-boundary": "error" } },
      ],
    });
    const results = await boundaryOnly.lintFiles(["src/**/*.ts", "test/**/*.ts", "bench/**/*.ts", "examples/**/*.ts"]);
    const hits = results.flatMap((r) => r.messages.filter((m) => m.ruleId === "local/lib-boundary").map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(hits).toEqual([]);
  });
});
