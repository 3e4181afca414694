import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import { sellerSegments } from "./sellerSegments.js";

describe("sellerSegments", () => {
  // EU Recommendation 2003/361/EC, Annex Art. 2: medium < 250 staff and turnover ≤ €50M or balance sheet ≤ €43M.
  it("classifies each seller once with the EU SME definition", () => {
    const t = sellerSegments([
      { id: "a", employees: 249, annualTurnover: money("50000000", "EUR") },
      { id: "b", employees: 250, annualTurnover: money("1", "EUR") },
      { id: "c", employees: 10 },
    ]);
    expect(["a", "b", "c"].map((sellerId) => t.segmentOf({ sellerId }))).toEqual(["smb", "non-smb", "unclassified"]);
    expect(t.counts).toEqual({ smb: 1, "non-smb": 1, unclassified: 1 });
    expect([...t.entries()]).toEqual([
      ["a", "smb"],
      ["b", "non-smb"],
      ["c", "unclassified"],
    ]);
    expect(Object.isFrozen(t)).toBe(true);
  });

  it("uses the US SBA standard and custom labels", () => {
    // SBA_SIZE_STANDARDS_RETAIL: NAICS 454110 (electronic shopping) receipts ceiling (see src/sellers/SBA_SIZE_STANDARDS_RETAIL.ts).
    const t = sellerSegments([{ id: "x", naicsCode: "454110", annualTurnover: money("30000000", "USD") }], { standard: "US-SBA", labels: { smb: "SMB", other: "Large", unknown: "?" } });
    expect(t.segmentOf({ sellerId: "x" })).toBe("SMB");
    expect(t.segments).toEqual(["SMB", "Large", "?"]);
  });

  it("throws for a seller missing from the table unless asked otherwise", () => {
    expect(() => sellerSegments([{ id: "a", employees: 1 }]).segmentOf({ sellerId: "z" })).toThrow(ValidationError);
    expect(sellerSegments([{ id: "a", employees: 1 }], { missingSeller: "unknown" }).segmentOf({ sellerId: "z" })).toBe("unclassified");
  });

  it("names the row of a bad fact, under its own name", () => {
    expect(() =>
      sellerSegments([
        { id: "a", employees: 1 },
        { id: "b", employees: -1 },
      ]),
    ).toThrow("sellerSegments: sellers[1].employees must be an integer ≥ 0");
    expect(() => sellerSegments([{ id: "a", employees: 1, annualTurnover: money("1", "USD") }])).toThrow(CurrencyMismatchError);
    expect(() => sellerSegments([{ id: "a", employees: 1, annualTurnover: money("1", "USD") }])).toThrow(/^sellerSegments: /);
    expect(() => sellerSegments([{ id: "a" }, { id: "a" }])).toThrow("sellerSegments: sellers[1].id must be unique in the table");
    expect(() => sellerSegments([], { labels: { smb: "x", other: "x" } })).toThrow(ValidationError);
  });
});
