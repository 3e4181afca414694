// ESLint rule "local/lib-boundary": a module's private machinery in src/<module>/_lib/ may only be
// imported from inside src/<module>/; src/_lib/ (shared helpers) may not import any module's _lib/,
// and no _lib/ file may import another module's implementation files (public types only:
// `import type` from src/<module>/types.ts or a barrel). See CONTRIBUTING.md, "Layout".
import path from "node:path";

const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "src");

/** Module of a path under src/ ("tvm", "_lib" for src/_lib, "" for src/*.ts), or null outside src/. */
function moduleOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length === 1 ? "" : parts[0];
}
const inLib = (file) => path.relative(SRC, file).split(path.sep).includes("_lib");

export const libBoundary = {
  meta: {
    type: "problem",
    docs: { description: "forbid importing another module's _lib/ (the written internal boundary)" },
    schema: [],
    messages: {
      foreignLib: "'{{spec}}' is the private machinery of module '{{owner}}': import its public API (src/{{owner}}/<fn>.ts or types.ts) instead.",
      libValue: "'{{spec}}': a _lib/ file may use other modules' public types only (write `import type`), not their implementation.",
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const here = moduleOf(file);
    function check(node, spec, typeOnly) {
      if (typeof spec !== "string" || !spec.startsWith(".")) return;
      const target = path.resolve(path.dirname(file), spec);
      const owner = moduleOf(target);
      if (owner === null) return;
      const targetRel = path.relative(SRC, target).split(path.sep);
      const targetIsModuleLib = targetRel.length > 2 && targetRel[1] === "_lib";
      if (targetIsModuleLib && owner !== here) {
        context.report({ node, messageId: "foreignLib", data: { spec, owner } });
        return;
      }
      if (here !== null && inLib(file) && !typeOnly && owner !== here && owner !== "_lib" && owner !== "") {
        context.report({ node, messageId: "libValue", data: { spec } });
      }
    }
    return {
      ImportDeclaration(node) {
        const typeOnly = node.importKind === "type" || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));
        check(node, node.source.value, typeOnly);
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === "type");
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === "type");
      },
      ImportExpression(node) {
        if (node.source.type === "Literal") check(node, node.source.value, false);
      },
    };
  },
};
