import { describe, expect, it } from "vitest";
import { irr } from "./irr.js";
import { irrRoots } from "./irrRoots.js";
import { xirr } from "./xirr.js";

// Audit regression: two roots inside one step of the root grid (r = 10 % and 10.1 %) were
// reported as NO_SIGN_CHANGE. -1 + 2.201/(1+r) - 1.2111/(1+r)² = 0 ⇔ (1+r) ∈ {1.1, 1.101}.
describe("roots closer than the search grid", () => {
  it("irrRoots finds both roots 0.1 and 0.101", () => {
    const roots = irrRoots([-1, 2.201, -1.2111]).map((r) => r.toNumber());
    expect(roots).toHaveLength(2);
    expect(roots[0]).toBeCloseTo(0.1, 9);
    expect(roots[1]).toBeCloseTo(0.101, 9);
  });
  it("irr and xirr return the root nearest the guess instead of throwing", () => {
    expect(irr([-1, 2.201, -1.2111]).toNumber()).toBeCloseTo(0.1, 9);
    const flows = [
      { date: "2001-01-01", amount: -1 },
      { date: "2002-01-01", amount: 2.201 },
      { date: "2003-01-01", amount: -1.2111 },
    ];
    expect(xirr(flows).toNumber()).toBeCloseTo(0.1, 6);
  });
  it("reports a double root once", () => {
    // -1 + 2.2/(1+r) - 1.21/(1+r)² = -(1 - 1.1/(1+r))²: a double root at r = 10 %
    const roots = irrRoots([-1, 2.2, -1.21]).map((r) => r.toNumber());
    expect(roots).toHaveLength(1);
    expect(roots[0]).toBeCloseTo(0.1, 6);
  });
});
