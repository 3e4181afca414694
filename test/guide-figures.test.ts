// Every figure quoted in the prose of the guides listed in scripts/guide-figures.ts is generated
// from the library between <!-- fig:name --> markers (#16): this fails when a guide differs from
// what the library computes (regenerate: npx tsx scripts/guide-figures.ts), when a marker names
// an unknown figure, and when such a guide's prose has a figure-like number outside the markers
// that is not one of its declared inputs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIGURES, GUIDES_DIR, INPUTS, markedFigures, proseFigures, withFigures } from "../scripts/guide-figures.js";

describe.each(Object.keys(FIGURES))("figures of docs/guides/%s", (guide) => {
  const text = readFileSync(`${GUIDES_DIR}${guide}`, "utf8");

  it("are what the library computes (regenerate: npx tsx scripts/guide-figures.ts)", () => {
    expect(withFigures(guide, text)).toBe(text);
  });

  it("are all used: every figure of the guide is marked in its text", () => {
    expect(new Set(markedFigures(text))).toEqual(new Set(Object.keys(FIGURES[guide] ?? {})));
  });

  it("leave no figure-like number in the prose outside the markers but the declared inputs", () => {
    const inputs = new Set(INPUTS[guide] ?? []);
    expect(proseFigures(text).filter((x) => !inputs.has(x))).toEqual([]);
  });
});

describe("the figure markers", () => {
  it("reject an unknown figure name", () => {
    expect(() => withFigures("seller-survival.md", "<!-- fig:no-such-figure -->1<!-- /fig -->")).toThrow(/unknown figure "no-such-figure"/);
  });

  it("recompute inline and block figures, keeping the layout of each", () => {
    expect(withFigures("seller-survival.md", "median <!-- fig:km-median -->0<!-- /fig --> days")).toBe("median <!-- fig:km-median -->135<!-- /fig --> days");
    expect(withFigures("seller-survival.md", "<!-- fig:ltv-horizons -->\nold\n<!-- /fig -->")).toBe(
      "<!-- fig:ltv-horizons -->\n| horizon (periods) | 1 | 2 | 3 |\n| --- | ---: | ---: | ---: |\n| LTV per acquired seller | $26.55 | $53.34 | $73.95 |\n<!-- /fig -->",
    );
  });

  it("find figure-like numbers in prose only", () => {
    expect(proseFigures("A $5.00 fee, 10 % and 1,000 sellers, 12 days, `0.5` in code, § 600.3.\n```ts\nx = 1.5;\n```\n<!-- fig:a -->2.5<!-- /fig -->")).toEqual(["$5.00", "10 %", "1,000"]);
  });

  it("skip version numbers, lists of section numbers and the generated registry table, not a figure after them", () => {
    expect(proseFigures("Before 0.2.0, §§ 600.3, 600.7 and 6.2-2231 applied; § 940, 36.24 % APR.")).toEqual(["36.24 %"]);
    expect(proseFigures("<!-- registry-table:start -->\n| CA | $500,000 |\n<!-- registry-table:end -->\nUp to $250,000.")).toEqual(["$250,000"]);
  });
});
