// API report of the public surface: etc/marketplace-economics.api.md, committed, so a change to
// the exported API shows up as a reviewed diff (the role of api-extractor's report, built with
// the TypeScript compiler API straight from src/: no build, no dist/ needed).
//
// For every entry point in package.json "exports" (".", "./money", ...), resolved to its source
// barrel through scripts/modules.json, the report lists every exported name, sorted, with its kind
// and its full declaration as TypeScript's declaration emit writes it (JSDoc comments removed,
// `import("…").` qualifiers dropped so that moving a private file does not change the report).
// A declaration is printed once, under the subpath that exports it; the root section lists each
// name with the subpath it comes from, and prints in full only what no subpath exports.
//
//   node scripts/api-report.mjs           (npm run api:update) writes the report
//   node scripts/api-report.mjs --check   (npm run api:check) exits 1 with a diff when it is stale
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const REPORT = "etc/marketplace-economics.api.md";

const KIND = [
  [ts.SyntaxKind.FunctionDeclaration, "function"],
  [ts.SyntaxKind.ClassDeclaration, "class"],
  [ts.SyntaxKind.InterfaceDeclaration, "interface"],
  [ts.SyntaxKind.TypeAliasDeclaration, "type"],
  [ts.SyntaxKind.EnumDeclaration, "enum"],
  [ts.SyntaxKind.VariableStatement, "const"],
  [ts.SyntaxKind.ModuleDeclaration, "namespace"],
];
const kindOf = (node) => {
  const k = KIND.find(([sk]) => sk === node.kind)?.[1] ?? ts.SyntaxKind[node.kind];
  if (k === "const" && !(node.declarationList.flags & ts.NodeFlags.Const)) return node.declarationList.flags & ts.NodeFlags.Let ? "let" : "var";
  return k;
};

function declaredNames(stmt) {
  if (ts.isVariableStatement(stmt)) return stmt.declarationList.declarations.map((d) => (ts.isIdentifier(d.name) ? d.name.text : undefined)).filter(Boolean);
  return stmt.name && ts.isIdentifier(stmt.name) ? [stmt.name.text] : [];
}

/**
 * Names a declaration (in emitted .d.ts `file`) refers to that come from this package's own
 * files: declared in the same .d.ts, imported from a relative path, or `import("./…").Name`.
 * Type parameters, globals and other packages' names (Decimal) are not included.
 */
function internalReferences(stmt, file) {
  const local = new Set(file.statements.flatMap(declaredNames));
  const relativeImports = new Set();
  for (const s of file.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || !s.moduleSpecifier.text.startsWith(".")) continue;
    const c = s.importClause;
    if (c?.name) relativeImports.add(c.name.text);
    if (c?.namedBindings && ts.isNamedImports(c.namedBindings)) for (const e of c.namedBindings.elements) relativeImports.add(e.name.text);
  }
  const found = new Set();
  const leftmost = (n) => (ts.isQualifiedName(n) ? leftmost(n.left) : ts.isPropertyAccessExpression(n) ? leftmost(n.expression) : n);
  const visit = (node, typeParams) => {
    let scope = typeParams;
    if (node.typeParameters) scope = new Set([...scope, ...node.typeParameters.map((t) => t.name.text)]);
    if (ts.isInferTypeNode(node)) scope.add(node.typeParameter.name.text);
    if (ts.isMappedTypeNode(node)) scope = new Set([...scope, node.typeParameter.name.text]);
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node) || ts.isTypeQueryNode(node)) {
      const id = leftmost(ts.isTypeReferenceNode(node) ? node.typeName : ts.isTypeQueryNode(node) ? node.exprName : node.expression);
      if (ts.isIdentifier(id) && !scope.has(id.text) && (local.has(id.text) || relativeImports.has(id.text))) found.add(id.text);
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal) && node.argument.literal.text.startsWith(".") && node.qualifier) {
      const id = leftmost(node.qualifier);
      if (ts.isIdentifier(id)) found.add(id.text);
    }
    ts.forEachChild(node, (c) => visit(c, scope));
  };
  visit(stmt, new Set());
  return found;
}

/** Entry points: package.json export subpath → source barrel (repo-relative). */
export function entryPoints(root) {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const { modules } = JSON.parse(readFileSync(join(root, "scripts", "modules.json"), "utf8"));
  const entries = [];
  for (const subpath of Object.keys(pkg.exports ?? {})) {
    if (subpath === "./package.json") continue;
    const mod = subpath === "." ? "" : subpath.slice(2);
    if (mod && !modules.includes(mod)) throw new Error(`package.json exports ${subpath}, which scripts/modules.json does not list (run npm run generate)`);
    entries.push({ subpath, name: mod ? `marketplace-economics/${mod}` : "marketplace-economics", file: mod ? `src/${mod}/index.ts` : "src/index.ts" });
  }
  return entries;
}

/**
 * Builds the report text for the repository at `root`. Pure with respect to the file system
 * except for reading it; throws when declaration emit reports errors.
 */
export function buildReport(root) {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  const entries = entryPoints(root);
  const options = {
    ...parsed.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: false,
    sourceMap: false,
    outDir: join(root, ".api-report-out"),
    rootDir: root,
    removeComments: true,
    stripInternal: false,
    skipLibCheck: true,
  };
  delete options.paths;
  delete options.baseUrl;
  const program = ts.createProgram({ rootNames: entries.map((e) => join(root, e.file)), options });
  const checker = program.getTypeChecker();

  // Declaration emit of every source file, in memory, keyed by the source file's path.
  const dts = new Map();
  const emitted = program.emit(
    undefined,
    (fileName, text, _bom, _onError, sources) => {
      for (const sf of sources ?? []) dts.set(resolve(sf.fileName), ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true));
    },
    undefined,
    true,
  );
  const emitErrors = emitted.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (emitErrors.length) throw new Error(`declaration emit failed:\n${ts.formatDiagnostics(emitErrors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" })}`);

  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  const clean = (text) =>
    text
      .replace(/import\("[^"]*"\)\./g, "")
      .replace(/^export declare /, "")
      .replace(/^export /, "")
      .replace(/^declare /, "");

  /** Every export of `file`: name → { kind, text, refs (package-internal names it references) }. */
  function exportsOf(file) {
    const sf = program.getSourceFile(join(root, file));
    if (!sf) throw new Error(`${file} is not part of the program`);
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    const out = new Map();
    for (const exp of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
      const target = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
      const decls = target.declarations ?? [];
      const emittedFile = decls[0] ? dts.get(resolve(decls[0].getSourceFile().fileName)) : undefined;
      const parts = [];
      const kinds = new Set();
      const refs = new Set();
      if (emittedFile) {
        for (const stmt of emittedFile.statements) {
          if (!declaredNames(stmt).includes(target.getName())) continue;
          kinds.add(kindOf(stmt));
          for (const r of internalReferences(stmt, emittedFile)) refs.add(r);
          let text = clean(printer.printNode(ts.EmitHint.Unspecified, stmt, emittedFile));
          if (exp.getName() !== target.getName()) text = `// exported as ${exp.getName()}\n${text}`;
          parts.push(text);
        }
      }
      if (parts.length === 0) {
        // Not a top-level declaration of a source file (e.g. from a dependency): describe its type.
        const type = checker.getTypeOfSymbol(target);
        kinds.add("re-export");
        parts.push(`${exp.getName()}: ${checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation)}`);
      }
      out.set(exp.getName(), { kind: [...kinds].join(" + "), text: parts.join("\n"), refs });
    }
    return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  const sections = entries.map((e) => ({ ...e, exports: exportsOf(e.file) }));
  const owner = new Map(); // name → subpath that prints it
  for (const s of sections) if (s.subpath !== ".") for (const name of s.exports.keys()) if (!owner.has(name)) owner.set(name, s.name);

  const lines = [
    "# API report: marketplace-economics",
    "",
    "<!-- Generated by scripts/api-report.mjs: do not edit, run `npm run api:update` and review the diff. -->",
    "",
    "Every exported name of every entry point, with its kind and its declaration as emitted in the",
    "package's `.d.ts` files (comments removed). CI (`npm run api:check`) fails when this file differs",
    "from the source: change the API, run `npm run api:update`, review the diff, commit it.",
    "",
  ];
  for (const s of sections) {
    lines.push(`## ${s.name}`, "", `Entry point \`${s.subpath}\` (\`${s.file}\`): ${s.exports.size} exports.`, "");
    if (s.subpath === ".") {
      const own = [];
      lines.push("| name | kind | declared under |", "| --- | --- | --- |");
      for (const [name, e] of s.exports) {
        lines.push(`| ${name} | ${e.kind} | ${owner.get(name) ?? "this entry point only"} |`);
        if (!owner.has(name)) own.push([name, e]);
      }
      lines.push("");
      if (own.length) {
        lines.push("Declarations exported by the root entry point only:", "");
        for (const [name, e] of own) lines.push(`### ${name} (${e.kind})`, "", "```ts", e.text, "```", "");
      }
      continue;
    }
    for (const [name, e] of s.exports) {
      if (owner.get(name) !== s.name) {
        lines.push(`### ${name} (${e.kind}): see ${owner.get(name)}`, "");
        continue;
      }
      lines.push(`### ${name} (${e.kind})`, "", "```ts", e.text, "```", "");
    }
  }
  // api-extractor's "forgotten export": a public declaration that names a type users cannot import.
  const exported = new Set(sections.flatMap((s) => [...s.exports.keys()]));
  const forgotten = new Map();
  for (const s of sections) for (const [name, e] of s.exports) for (const r of e.refs) if (!exported.has(r)) forgotten.set(r, [...(forgotten.get(r) ?? []), name]);
  lines.push("## Referenced but not exported", "");
  if (forgotten.size === 0) lines.push("None: every type a public declaration names is itself exported.", "");
  else {
    lines.push("Public declarations name these types, which no entry point exports (export them or inline them):", "");
    for (const [r, users] of [...forgotten].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      lines.push(
        `- \`${r}\`, used by ${[...new Set(users)]
          .sort()
          .map((u) => `\`${u}\``)
          .join(", ")}`,
      );
    lines.push("");
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

function diff(have, want) {
  const dir = mkdtempSync(join(tmpdir(), "api-report-"));
  try {
    writeFileSync(join(dir, "committed.api.md"), have);
    writeFileSync(join(dir, "source.api.md"), want);
    const r = spawnSync("diff", ["-u", "--label", `${REPORT} (committed)`, "--label", `${REPORT} (from src/)`, join(dir, "committed.api.md"), join(dir, "source.api.md")], { encoding: "utf8" });
    if (r.error) {
      const a = have.split("\n"),
        b = want.split("\n");
      const i = a.findIndex((l, k) => l !== b[k]);
      return `first difference at line ${i + 1}:\n- ${a[i] ?? ""}\n+ ${b[i] ?? ""}`;
    }
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(argv) {
  const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
  const path = join(root, REPORT);
  const want = buildReport(root);
  const have = existsSync(path) ? readFileSync(path, "utf8") : "";
  if (argv.includes("--check")) {
    if (have === want) {
      console.log(`api-report --check: ${REPORT} matches the source`);
      return 0;
    }
    console.error(`api-report --check: the exported API differs from ${REPORT}.\nIf the change is intended, run \`npm run api:update\`, review the diff and commit it.\n`);
    console.error(diff(have, want));
    return 1;
  }
  if (have === want) {
    console.log(`api-report: ${REPORT} is up to date`);
    return 0;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, want);
  console.log(`api-report: wrote ${REPORT} (review the diff with git diff ${REPORT})`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
