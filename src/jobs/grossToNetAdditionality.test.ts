import { describe, expect, it } from "vitest";
import { grossToNetAdditionality } from "./grossToNetAdditionality.js";

// English Partnerships, Additionality Guide, 3rd ed. (2008), ch. 5:
// AI = [GI (1-L)(1-Dp)(1-S) M] - [GI* (1-L*)(1-Dp*)(1-S*) M*].
describe("grossToNetAdditionality", () => {
  it("applies every adjustment in turn and subtracts the deadweight reference case", () => {
    const r = grossToNetAdditionality({ gross: 1000, leakage: "0.1", displacement: "0.25", substitution: 0, multiplier: "1.5", deadweight: "0.2" });
    expect(r.intervention.map((s) => [s.adjustment, s.factor.toString(), s.value.toString()])).toEqual([
      ["gross", "1", "1000"],
      ["leakage", "0.9", "900"],
      ["displacement", "0.75", "675"],
      ["substitution", "1", "675"],
      ["multiplier", "1.5", "1012.5"],
    ]);
    expect(r.referenceCase.at(-1)!.value.toString()).toBe("202.5");
    // = 1000 × 0.9 × 0.75 × 1 × 0.8 × 1.5, the multiplicative form
    expect(r.net.toString()).toBe("810");
    expect(r.ratio.toString()).toBe("0.81");
  });

  it("takes a reference case with its own adjustments", () => {
    const referenceCase = { gross: 300, leakage: "0.2", displacement: "0.5", substitution: 0, multiplier: "1.2" };
    const r = grossToNetAdditionality({ gross: 1000, leakage: 0, displacement: 0, substitution: "0.1", multiplier: 1, referenceCase });
    // 1000 × 0.9 = 900; 300 × 0.8 × 0.5 × 1.2 = 144; net 756
    expect(r.net.toString()).toBe("756");
  });

  it("can be negative when the reference case exceeds the intervention", () => {
    const r = grossToNetAdditionality({ gross: 10, leakage: 0, displacement: 0, substitution: 0, multiplier: 1, referenceCase: { gross: 20, leakage: 0, displacement: 0, substitution: 0, multiplier: 1 } });
    expect(r.net.toString()).toBe("-10");
  });

  describe("edge cases", () => {
    it("rejects shares outside 0-1 (a percentage typo), a multiplier below 1 and both deadweight forms", () => {
      expect(() => grossToNetAdditionality({ gross: 1, leakage: 10, displacement: 0, substitution: 0, multiplier: 1 })).toThrow(/grossToNetAdditionality: leakage must be a share from 0 to 1/);
      expect(() => grossToNetAdditionality({ gross: 1, leakage: 0, displacement: 0, substitution: 0, multiplier: "0.5" })).toThrow(/multiplier must be from 1 to 100/);
      expect(() =>
        grossToNetAdditionality({
          gross: 1,
          leakage: 0,
          displacement: 0,
          substitution: 0,
          multiplier: 1,
          deadweight: 0,
          referenceCase: { gross: 0, leakage: 0, displacement: 0, substitution: 0, multiplier: 1 },
        }),
      ).toThrow(expect.objectContaining({ code: "CONFLICTING_OPTIONS" }));
    });
  });
});
