// @ts-check
/**
 * typedoc configuration of the documentation site (`npm run docs`, #16). The API reference has
 * one page per module, read from scripts/modules.json (the one module list) so a new module is
 * documented without editing this file; functions come first on every page, each listed with its
 * one-line summary. The hand-written pages are typedoc "project documents": the landing page
 * (docs/site/index.md), the guides and reference pages of docs/guides/*.md, and CHANGELOG.md. The local plugin
 * scripts/typedoc-plugin.mjs links error classes in Throws sections, links the guides' code spans
 * to the reference and the reference back to the guides, and gives each module its summary.
 */
import { readFileSync } from "node:fs";
import { URL } from "node:url";

const { modules } = JSON.parse(readFileSync(new URL("./scripts/modules.json", import.meta.url), "utf8"));

/** @type {Partial<import("typedoc").TypeDocOptions>} */
const config = {
  $schema: "https://typedoc.org/schema.json",
  name: "marketplace-economics",
  entryPoints: [...modules.map((m) => `src/${m}/index.ts`), "src/errors.ts"],
  entryPointStrategy: "resolve",
  out: "docs/api",
  readme: "docs/site/index.md",
  projectDocuments: ["docs/guides/*.md", "CHANGELOG.md"],
  plugin: ["./scripts/typedoc-plugin.mjs"],
  customCss: "./docs/site/site.css",
  includeVersion: true,
  excludePrivate: true,
  excludeInternal: true,
  excludeExternals: true,
  sortEntryPoints: false,
  sort: ["kind", "alphabetical"],
  kindSortOrder: [
    "Document",
    "Project",
    "Module",
    "Namespace",
    "Function",
    "Class",
    "Variable",
    "Interface",
    "TypeAlias",
    "Enum",
    "EnumMember",
    "Constructor",
    "Property",
    "Accessor",
    "Method",
    "Parameter",
    "TypeParameter",
    "TypeLiteral",
    "CallSignature",
    "ConstructorSignature",
    "IndexSignature",
    "GetSignature",
    "SetSignature",
    "Reference",
  ],
  groupOrder: ["Functions", "Classes", "Variables", "Interfaces", "Type Aliases", "*"],
  categorizeByGroup: true,
  useFirstParagraphOfCommentAsSummary: true,
  highlightLanguages: ["bash", "console", "css", "html", "javascript", "json", "jsonc", "json5", "yaml", "tsx", "typescript", "python", "sql"],
  searchInComments: true,
  searchInDocuments: true,
  navigation: { includeCategories: false, includeGroups: true, includeFolders: false },
  // "#playground" is a marker that scripts/site.ts rewrites into a path relative to each page.
  navigationLinks: { Playground: "#playground" },
  // Only links with a scheme or "www." are linkified: with fuzzy links on, a bare file name such as
  // README.md became a link to http://README.md (".md" is a top-level domain). scripts/site.ts
  // checks that no such link is left.
  markdownItLoader(parser) {
    parser.linkify.set({ fuzzyLink: false });
  },
  headings: { readme: false, document: false },
  validation: { notExported: true, invalidLink: true, notDocumented: true, rewrittenLink: true },
  requiredToBeDocumented: ["Function", "Class", "Interface", "TypeAlias", "Variable", "Enum"],
  treatWarningsAsErrors: true,
  treatValidationWarningsAsErrors: true,
  githubPages: true,
  disableSources: true,
  externalSymbolLinkMappings: {
    "decimal.js": { Decimal: "https://mikemcl.github.io/decimal.js/", "*": "https://mikemcl.github.io/decimal.js/" },
    "date-fns": { "*": "https://date-fns.org/docs/" },
  },
};

export default config;
