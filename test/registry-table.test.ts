// The registry coverage table of docs/guides/sales-based-financing.md is generated from the data
// (scripts/registry-table.ts); this fails when the guide and the data differ (#14).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { END, GUIDE, START, renderRegistryTable, withTable } from "../scripts/registry-table.js";

describe("registry coverage table", () => {
  it("in the guide matches the registry data (regenerate: npx tsx scripts/registry-table.ts)", () => {
    const guide = readFileSync(GUIDE, "utf8");
    expect(guide).toContain(START);
    expect(guide).toContain(END);
    expect(withTable(guide)).toBe(guide);
  });
  it("has one row per state and marks unverified facts", () => {
    const table = renderRegistryTable();
    expect(table.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| state") && !l.startsWith("| ---"))).toHaveLength(10);
    expect(table).toContain("| Texas |");
    expect(table).toContain("unknown †");
  });
});
