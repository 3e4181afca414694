import { describe, expect, it } from "vitest";
import { applicableDisclosureRules } from "./applicableDisclosureRules.js";
import { listDisclosureRules } from "./listDisclosureRules.js";
import { money } from "../money/money.js";
import { ValidationError } from "../errors.js";

const q = (jurisdiction: string, productKind: "sales-based-advance" | "term-loan" | "revenue-share-loan", amount: string, date = "2025-10-01") => ({
  jurisdiction,
  productKind,
  amount: money(amount, "USD"),
  date,
});

describe("applicableDisclosureRules", () => {
  // N.Y. Fin. Serv. Law § 802(g): "an individual commercial financing transaction in an amount over
  // two million five hundred thousand dollars" is exempt.
  it("covers New York offers up to $2,500,000 and not above (FSL § 802(g))", () => {
    expect(applicableDisclosureRules(q("NY", "sales-based-advance", "2500000")).covered).toBe(true);
    const over = applicableDisclosureRules(q("NY", "sales-based-advance", "2500000.01"));
    expect([over.covered, over.aprRequired, over.requiredFigures]).toEqual([false, false, []]);
  });

  // Utah Code § 7-27-102(11): "a commercial financing transaction of more than $1,000,000" is exempt;
  // § 7-27-202(2) lists no APR.
  it("gives Utah's $1,000,000 limit and no APR (Utah Code §§ 7-27-102(11), 7-27-202(2))", () => {
    const ut = applicableDisclosureRules(q("UT", "term-loan", "1000000"));
    expect([ut.covered, ut.aprRequired, ut.verified]).toEqual([true, false, true]);
    expect(ut.requiredFigures).toEqual(["fundingProvided", "disbursementAmount", "totalRepayment", "financeCharge", "payment", "prepayment"]);
    expect(applicableDisclosureRules(q("UT", "term-loan", "1000001")).covered).toBe(false);
  });

  // Conn. Gen. Stat. § 36a-861(1): commercial financing = sales-based financing not exceeding $250,000.
  it("covers only sales-based financing up to $250,000 in Connecticut (§ 36a-861(1)), with the renewal section § 36a-864", () => {
    const ct = applicableDisclosureRules(q("CT", "sales-based-advance", "250000"));
    expect([ct.covered, ct.renewalSection]).toEqual([true, "Conn. Gen. Stat. § 36a-864"]);
    expect(applicableDisclosureRules(q("CT", "term-loan", "1000")).covered).toBe(false);
  });

  it("says California requires an APR (§§ 914, 940) and flags its $500,000 limit as unverified", () => {
    const ca = applicableDisclosureRules(q("CA", "term-loan", "12000"));
    expect([ca.covered, ca.aprRequired, ca.verified]).toEqual([true, true, false]);
    expect(ca.unverified[0]).toMatch(/^amount limit \(Cal. Fin. Code § 22800/);
  });

  it("answers covered: null when the amount limit is unknown (Texas)", () => {
    const tx = applicableDisclosureRules(q("TX", "sales-based-advance", "10000"));
    expect([tx.covered, tx.aprRequired]).toEqual([null, null]);
  });

  it("is frozen and the registry lists ten states, each citing its sections", () => {
    const r = applicableDisclosureRules(q("NY", "term-loan", "1000"));
    expect(Object.isFrozen(r) && Object.isFrozen(r.rule) && Object.isFrozen(r.requiredFigures)).toBe(true);
    const rules = listDisclosureRules();
    expect(rules).toHaveLength(10);
    for (const rule of rules) {
      for (const src of [rule.effectiveFromSource, rule.productKindsSource, rule.maxAmountSource, rule.aprSource, rule.figuresSource]) {
        expect(src.section.length).toBeGreaterThan(3);
        if (!src.verified) expect(src.note).toBeDefined();
      }
    }
    expect(Object.isFrozen(rules[0]!.requiredFigures)).toBe(true);
  });

  it("names each state's APR tolerance regime for checkAprTolerance: California § 955(a), New York § 600.4(a), none read elsewhere", () => {
    const tol = Object.fromEntries(listDisclosureRules().map((r) => [r.jurisdiction, r.aprTolerance?.regime ?? null]));
    expect(tol).toEqual({ CA: "california", NY: "new-york", UT: null, VA: null, GA: null, FL: null, CT: null, KS: null, MO: null, TX: null });
    expect(applicableDisclosureRules(q("NY", "term-loan", "1000")).rule.aprTolerance).toEqual({ regime: "new-york", section: "23 NYCRR § 600.4(a)(1)–(3)", verified: true });
  });

  describe("edge cases", () => {
    it("throws for an unknown jurisdiction, naming the allowed codes", () => {
      expect(() => applicableDisclosureRules(q("ZZ", "term-loan", "1"))).toThrow(/^applicableDisclosureRules: query.jurisdiction .*"CA"/);
    });
    it("throws for a date before the law took effect, naming the effective date", () => {
      expect(() => applicableDisclosureRules(q("CA", "term-loan", "1", "2022-12-08"))).toThrow(/^applicableDisclosureRules: query.date is before California's law .* took effect on 2022-12-09/);
      expect(applicableDisclosureRules(q("CA", "term-loan", "1", "2022-12-09")).covered).toBe(true);
    });
    it("throws for a non-USD amount, a zero amount, an unknown kind and an unknown key", () => {
      expect(() => applicableDisclosureRules({ ...q("NY", "term-loan", "1"), amount: money("1", "EUR") })).toThrow(/query.amount.currency/);
      expect(() => applicableDisclosureRules({ ...q("NY", "term-loan", "1"), amount: 0 })).toThrow(ValidationError);
      expect(() => applicableDisclosureRules({ ...q("NY", "term-loan", "1"), productKind: "factoring" as never })).toThrow(/query.productKind/);
      expect(() => applicableDisclosureRules({ ...q("NY", "term-loan", "1"), state: "NY" } as never)).toThrow(/unknown key "state"/);
    });
  });
});
