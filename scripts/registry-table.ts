/**
 * Writes the coverage table of the disclosure rules registry into docs/guides/sales-based-financing.md,
 * between the markers `<!-- registry-table:start -->` and `<!-- registry-table:end -->`, from
 * `listDisclosureRules()` (the data in src/financing/_lib/registryData.ts). Run
 * `npx tsx scripts/registry-table.ts` after changing the data; test/registry-table.test.ts fails
 * when the guide's table differs from the data.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { listDisclosureRules, type DisclosureRule, type DisclosureRuleSource } from "../src/financing/listDisclosureRules.js";

export const START = "<!-- registry-table:start -->";
export const END = "<!-- registry-table:end -->";
export const GUIDE = fileURLToPath(new URL("../docs/guides/sales-based-financing.md", import.meta.url));

const mark = (src: DisclosureRuleSource): string => (src.verified ? "" : " †");
const kinds = (r: DisclosureRule): string => (r.productKinds.includes("term-loan") ? "all (sales-based, term loans)" : "sales-based only");
const money = (v: string | null): string => (v === null ? "unknown" : `$${Number(v).toLocaleString("en-US")}`);
const yesNo = (v: boolean | null): string => (v === null ? "unknown" : v ? "yes" : "no");

/** The Markdown table (with its footnote), one row per registry entry. */
export function renderRegistryTable(rules: readonly DisclosureRule[] = listDisclosureRules()): string {
  const lines = [
    "| state | law | disclosures from | products covered | up to | APR shown | APR display | APR tolerance | renewal (double dipping) | opt-in audit |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rules
      .map((r) =>
        [
          r.name,
          r.law,
          r.effectiveFrom + mark(r.effectiveFromSource),
          kinds(r) + mark(r.productKindsSource),
          money(r.maxAmount) + mark(r.maxAmountSource),
          yesNo(r.aprRequired) + mark(r.aprSource),
          r.aprDisplay === null ? (r.aprRequired === false ? "—" : "not read") : `${r.aprDisplay.rule} (${r.aprDisplay.section})`,
          r.aprTolerance === null ? "—" : `\`"${r.aprTolerance.regime}"\` (${r.aprTolerance.section})${r.aprTolerance.verified ? "" : " †"}`,
          r.renewal === null ? "—" : r.renewal.section,
          r.optInAudit === null ? "—" : `every ${r.optInAudit.everyMonths} months (${r.optInAudit.section})`,
        ].join(" | "),
      )
      .map((row) => `| ${row} |`),
    "",
    "† not verified against the statute or regulation text: read only in a secondary summary, or not read (the registry entry's `note` says which).",
  ];
  return lines.join("\n");
}

/** The guide with the table between the markers replaced. */
export function withTable(guide: string, table: string = renderRegistryTable()): string {
  const a = guide.indexOf(START);
  const b = guide.indexOf(END);
  if (a < 0 || b < a) throw new Error(`registry-table: markers ${START} … ${END} not found in the guide`);
  return `${guide.slice(0, a + START.length)}\n${table}\n${guide.slice(b)}`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GUIDE, withTable(readFileSync(GUIDE, "utf8")));
  console.log("registry-table: wrote the coverage table into docs/guides/sales-based-financing.md");
}
