// @ts-check
/**
 * The local typedoc plugin of the documentation site (typedoc.config.mjs, #16):
 *
 * 1. Every `@throws` starts with `{@link ErrorClass}` (or says `never`); a JSDoc-style
 *    `@throws {ErrorClass}`, whose type TypeDoc drops from the page, is a warning (so the build fails).
 * 2. Each module page gets its one-line summary and "See the guide" links (docs/site/modules.json).
 * 3. In the guides and pages (project documents), an inline code span that is exactly an exported
 *    name, optionally followed by `()` or a call (`xirr`, `xirr(flows)`), links to its reference
 *    page; fenced code blocks are left alone.
 * 4. Back links: every function, class or variable that a guide links to gets a "See" section
 *    listing those guides.
 */
import { readFileSync } from "node:fs";
import { Comment, CommentTag, ContainerReflection, Converter, DocumentReflection, Reflection, ReflectionKind } from "typedoc";

const moduleInfo = JSON.parse(readFileSync(new URL("../docs/site/modules.json", import.meta.url), "utf8"));

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    /** @type {Map<string, import("typedoc").Reflection>} */
    const byName = new Map();
    for (const r of project.getReflectionsByKind(ReflectionKind.Function | ReflectionKind.Class | ReflectionKind.Variable | ReflectionKind.Interface | ReflectionKind.TypeAlias)) {
      if (r.parent?.kindOf(ReflectionKind.Module | ReflectionKind.Project) && !byName.has(r.name)) byName.set(r.name, r);
    }
    /** @type {Map<string, DocumentReflection>} */
    const documents = new Map();
    for (const d of project.getReflectionsByKind(ReflectionKind.Document)) if (d instanceof DocumentReflection) documents.set(d.name, d);

    /** @param {string} text @param {import("typedoc").Reflection} target */
    const link = (text, target, tag = "@link") => /** @type {import("typedoc").InlineTagDisplayPart} */ ({ kind: "inline-tag", tag, text, target });

    // 0. Links by bare name across modules: with one entry point per module, `{@link ValidationError}`
    //    in a financing comment is not in scope; every public name is unique across the library
    //    (CONTRIBUTING), so a bare `Name` or `Name.member` resolves to that export.
    /** @param {import("typedoc").CommentDisplayPart[]} parts */
    const linkByName = (parts) => {
      for (const part of parts) {
        if (part.kind !== "inline-tag" || !part.tag.startsWith("@link") || typeof part.target === "string" || part.target instanceof Reflection) continue;
        const m = /^\s*([A-Za-z_$][\w$]*)(?:\.([A-Za-z_$][\w$]*))?\s*(?:\|\s*(.*))?$/s.exec(part.text);
        const top = m ? byName.get(m[1] ?? "") : undefined;
        if (!m || !top) continue;
        const member = m[2] && top instanceof ContainerReflection ? top.getChildByName(m[2]) : undefined;
        if (m[2] && !member) continue;
        part.target = member ?? top;
        if (m[3]) part.text = m[3].trim();
      }
    };
    // 0b. The project's issue references ("(#12)", "(#10, #11)") mean nothing to a reader of the
    //     site: they stay in the sources and the changelog, not on the API pages.
    /** @param {import("typedoc").CommentDisplayPart[]} parts */
    const dropIssueRefs = (parts) => {
      for (const part of parts) if (part.kind === "text") part.text = part.text.replace(/ ?\((?:issue )?#\d+(?:,\s*#\d+)*\)/g, "");
    };
    for (const r of Object.values(project.reflections)) {
      if (r.comment) {
        linkByName(r.comment.summary);
        dropIssueRefs(r.comment.summary);
        for (const tag of r.comment.blockTags) {
          linkByName(tag.content);
          dropIssueRefs(tag.content);
        }
      }
      if (r instanceof DocumentReflection) linkByName(r.content);
    }

    // 1. Throws sections: every `@throws` names its class as `{@link ErrorClass}` (TypeDoc drops a
    //    JSDoc-style `{ErrorClass}` type from the rendered tag, so that form would lose the class),
    //    or says `never`; anything else is a warning (so the build fails).
    for (const r of project.getReflectionsByKind(ReflectionKind.All)) {
      const comments = [r.comment, ...("signatures" in r && Array.isArray(r.signatures) ? r.signatures.map((s) => s.comment) : [])];
      for (const c of comments) {
        for (const tag of c?.blockTags ?? []) {
          if (tag.tag !== "@throws") continue;
          const first = tag.content.find((p) => p.kind !== "text" || p.text.trim() !== "");
          const ok = first !== undefined && ((first.kind === "inline-tag" && first.tag === "@link") || (first.kind === "text" && /^\s*never\b/.test(first.text)));
          if (!ok)
            app.logger.warn(
              `@throws on ${r.getFriendlyFullName()} must start with {@link ErrorClass} (or "never"): ${tag.content
                .map((p) => p.text)
                .join("")
                .slice(0, 60)}`,
            );
        }
      }
    }

    // 2. Module summaries and guides.
    for (const mod of project.getReflectionsByKind(ReflectionKind.Module)) {
      const info = moduleInfo[mod.name];
      if (!info) continue;
      /** @type {import("typedoc").CommentDisplayPart[]} */
      const parts = [{ kind: "text", text: `${info.summary}\n\nImport from \`marketplace-economics/${mod.name}\` or from the root, \`marketplace-economics\`.` }];
      const guides = info.guides.map((/** @type {string} */ t) => documents.get(t)).filter(Boolean);
      if (guides.length > 0) {
        parts.push({ kind: "text", text: "\n\nSee the guide: " });
        guides.forEach((/** @type {DocumentReflection} */ g, /** @type {number} */ i) => {
          if (i > 0) parts.push({ kind: "text", text: ", " });
          parts.push(link(g.name, g));
        });
        parts.push({ kind: "text", text: "." });
      }
      if (mod.name === "errors" || !mod.comment) mod.comment = new Comment(parts);
    }

    // 3. Guides link their code spans to the reference; 4. the reference links back.
    /** @type {Map<import("typedoc").Reflection, Set<DocumentReflection>>} */
    const backLinks = new Map();
    for (const doc of documents.values()) {
      doc.content = doc.content.map((part) => {
        if (part.kind !== "code" || part.text.startsWith("```")) return part;
        const m = /^`([A-Za-z_$][\w$]*)(\(.*\))?`$/.exec(part.text);
        const target = m ? byName.get(m[1] ?? "") : undefined;
        if (!m || !target) return part;
        if (target.kindOf(ReflectionKind.Function | ReflectionKind.Class | ReflectionKind.Variable)) {
          if (!backLinks.has(target)) backLinks.set(target, new Set());
          backLinks.get(target)?.add(doc);
        }
        return link(part.text.slice(1, -1), target, "@linkcode");
      });
    }
    for (const [target, docs] of backLinks) {
      const owner = "signatures" in target && Array.isArray(target.signatures) && target.signatures[0] ? target.signatures[0] : target;
      if (!owner.comment) continue;
      /** @type {import("typedoc").CommentDisplayPart[]} */
      const parts = [{ kind: "text", text: "Guides: " }];
      [...docs].forEach((d, i) => {
        if (i > 0) parts.push({ kind: "text", text: ", " });
        parts.push(link(d.name, d));
      });
      owner.comment.blockTags.push(new CommentTag("@see", parts));
    }
  });
}
