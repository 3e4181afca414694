// ESLint flat config: typescript-eslint recommended everywhere, and the TSDoc template
// (CONTRIBUTING.md) enforced with eslint-plugin-jsdoc on exported declarations in src/.
import js from "@eslint/js";
import jsdoc from "eslint-plugin-jsdoc";
import tseslint from "typescript-eslint";
import { libBoundary } from "./scripts/eslint-lib-boundary.js";

export default tseslint.config(
  { ignores: ["dist/**", "build/**", "docs/**", "coverage/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.object.name='Decimal'][callee.property.name='set']", message: "Decimal.set() changes global state: use a private Decimal.clone()." }],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Named exports only (CONTRIBUTING.md)." },
        { selector: "CallExpression[callee.object.name='Decimal'][callee.property.name='set']", message: "Decimal.set() changes global state: use a private Decimal.clone()." },
      ],
    },
  },
  {
    // The library computes with its own decimal.js constructors (src/_lib/decimal.ts, #11): a
    // user's Decimal.set() on the shared decimal.js copy must change nothing. Types may still come
    // from decimal.js (`import type`).
    files: ["src/**/*.ts"],
    ignores: ["src/**/*.test.ts", "src/**/*.test-d.ts", "src/_lib/decimal.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: [{ name: "decimal.js", message: "Import { Decimal } from src/_lib/decimal.ts (the library's private clone); only `import type` from decimal.js.", allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/**/*.test.ts", "src/**/*.test-d.ts", "src/**/_lib/**"],
    plugins: { jsdoc },
    settings: { jsdoc: { mode: "typescript" } },
    rules: {
      "jsdoc/require-jsdoc": [
        "error",
        { publicOnly: true, require: { FunctionDeclaration: true, ClassDeclaration: true }, contexts: ["TSInterfaceDeclaration", "TSTypeAliasDeclaration", "ExportNamedDeclaration > VariableDeclaration"] },
      ],
      "jsdoc/require-description": ["error", { contexts: ["ExportNamedDeclaration > FunctionDeclaration", "ExportNamedDeclaration > ClassDeclaration"] }],
      "jsdoc/require-example": ["error", { contexts: ["ExportNamedDeclaration > FunctionDeclaration"], exemptedBy: ["internal"] }],
      "jsdoc/require-param": ["error", { contexts: ["ExportNamedDeclaration > FunctionDeclaration"], checkDestructured: false }],
      "jsdoc/require-param-description": "error",
      "jsdoc/require-hyphen-before-param-description": "error",
      "jsdoc/require-returns": ["error", { contexts: ["ExportNamedDeclaration > FunctionDeclaration"] }],
      "jsdoc/check-param-names": ["error", { checkDestructured: false }],
      "jsdoc/no-undefined-types": "off",
    },
  },
  {
    // The written boundary (CONTRIBUTING.md "Layout"): src/_lib/ is shared; src/<module>/_lib/ is
    // that module's private machinery and nothing outside src/<module>/ may import it.
    files: ["src/**/*.ts", "test/**/*.ts", "bench/**/*.ts", "examples/**/*.ts", "scripts/**/*.ts"],
    plugins: { local: { rules: { "lib-boundary": libBoundary } } },
    rules: { "local/lib-boundary": "error" },
  },
  {
    files: ["src/**/*.test.ts", "src/**/*.test-d.ts", "test/**/*.ts", "bench/**/*.ts", "examples/**/*.ts", "scripts/**/*.mjs"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-expressions": "off" },
  },
  {
    files: ["scripts/**/*.mjs", "scripts/**/*.js", "*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
