import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { ValidationError } from "../errors.js";
import { yearFraction } from "../time/yearFraction.js";
import type { DayCountConvention } from "../time/types.js";
import { xirr } from "./xirr.js";
import { xirrRoots } from "./xirrRoots.js";
import { xnpv } from "./xnpv.js";

// Microsoft Excel XIRR / XNPV documentation example
const FLOWS = [
  { date: "2008-01-01", amount: -10000 },
  { date: "2008-03-01", amount: 2750 },
  { date: "2008-10-30", amount: 4250 },
  { date: "2009-02-15", amount: 3250 },
  { date: "2009-04-01", amount: 2750 },
];
const ALL: readonly DayCountConvention[] = ["ACT/365F", "ACT/360", "30/360", "30E/360", "ACT/ACT-ISDA", "ACT/365.25", "ACT/364", "30E+/360"];

/** Σ aᵢ (1 + r)^(-yearFraction(d₀, dᵢ)) in 50 digits: the definition, independent of xnpv. */
function reference(r: Decimal.Value, dc: DayCountConvention): Decimal {
  const H = Decimal.clone({ precision: 50 });
  let s = new H(0);
  for (const f of FLOWS) s = s.plus(new H(f.amount).times(new H(r).plus(1).pow(new H(yearFraction(FLOWS[0]!.date, f.date, dc)).neg())));
  return s;
}

describe("dayCount option of xnpv, xirr, xirrRoots (issue #15)", () => {
  it("defaults to ACT/365F (Excel: XNPV at 9 % = 2086.65, XIRR = 0.373362535)", () => {
    expect(xnpv("0.09", FLOWS).toFixed(2)).toBe("2086.65");
    expect(xnpv("0.09", FLOWS, { dayCount: "ACT/365F" }).toString()).toBe(xnpv("0.09", FLOWS).toString());
    expect(xirr(FLOWS, { dayCount: "ACT/365F" }).toString()).toBe(xirr(FLOWS).toString());
  });

  it.each(ALL)("xnpv under %s is Σ a·(1+r)^(-yearFraction) to 18 digits (yearFraction divides in 20 digits)", (dc) => {
    expect(xnpv("0.09", FLOWS, { dayCount: dc }).toSignificantDigits(18).toString()).toBe(reference("0.09", dc).toSignificantDigits(18).toString());
  });

  it.each(ALL)("xirr under %s zeroes that xnpv", (dc) => {
    const r = xirr(FLOWS, { dayCount: dc });
    expect(reference(r, dc).abs().toNumber()).toBeLessThan(1e-8);
    const roots = xirrRoots(FLOWS, { dayCount: dc });
    expect(roots).toHaveLength(1);
    expect(Math.abs(roots[0]!.toNumber() - r.toNumber())).toBeLessThan(1e-10);
  });

  it("ACT/360 and ACT/365F rates are related by (1 + r₃₆₀)^(1/360) = (1 + r₃₆₅)^(1/365)", () => {
    const r365 = xirr(FLOWS).toNumber();
    const r360 = xirr(FLOWS, { dayCount: "ACT/360" }).toNumber();
    expect(r360).toBeCloseTo((1 + r365) ** (360 / 365) - 1, 12);
  });

  it("30/360 puts the 28 February and 1 March of a 30/360 year three days apart", () => {
    // 2023-02-28 → 2023-03-01 is 3 days under 30/360: -100 then 100.1 gives 1.001^(360/3) - 1
    const f = [
      { date: "2023-02-28", amount: -100 },
      { date: "2023-03-01", amount: 100.1 },
    ];
    expect(xirr(f, { dayCount: "30/360" }).toFixed(12)).toBe(new Decimal("1.001").pow(120).minus(1).toFixed(12));
  });

  it("rejects an unknown day count with the list of allowed ones", () => {
    expect(() => xirr(FLOWS, { dayCount: "ACT/365L" as never })).toThrow(ValidationError);
    expect(() => xnpv("0.1", FLOWS, { dayCount: "BUS/252" as never })).toThrow(/^xnpv: options.dayCount must be one of the names listed, received "BUS\/252" \(allowed: "ACT\/365F", "ACT\/360"/);
    expect(() => xirrRoots(FLOWS, { dayCount: "actual" as never })).toThrow(/^xirrRoots: options.dayCount/);
  });

  it("yearFraction knows the conventions added for pyxirr parity", () => {
    // pyxirr DayCount ACT_365_25, ACT_364, THIRTY_E_PLUS_360
    expect(yearFraction("2024-01-01", "2025-01-01", "ACT/365.25").toString()).toBe(new Decimal(366).div(365.25).toString());
    expect(yearFraction("2024-01-01", "2024-12-30", "ACT/364").toString()).toBe("1");
    // 30E+/360: an end on the 31st moves to the 1st of the next month (2024-01-31 → 2024-03-31 is 61 days, 30E/360 says 60)
    expect(yearFraction("2024-01-31", "2024-03-31", "30E+/360").toString()).toBe(new Decimal(61).div(360).toString());
    expect(yearFraction("2024-01-31", "2024-03-31", "30E/360").toString()).toBe(new Decimal(60).div(360).toString());
    expect(yearFraction("2024-03-31", "2024-01-31", "30E+/360").toString()).toBe(new Decimal(-61).div(360).toString());
  });
});
