import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationError, ValidationTypeError, CurrencyMismatchError } from "../errors.js";
import { money } from "../money/money.js";
import { unfrozenPaths } from "../../test/support/frozen.js";
import { defaultSyntheticCalibration } from "./defaultSyntheticCalibration.js";
import { syntheticMarketplace } from "./syntheticMarketplace.js";

const take = <T>(it: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  for (const x of it) {
    if (out.length >= n) break;
    out.push(x);
  }
  return out;
};

describe("syntheticMarketplace", () => {
  describe("determinism", () => {
    it("same seed → same sellers, sales, aggregates and loans", () => {
      const a = syntheticMarketplace({ seed: 1, sellers: 3_000 });
      const b = syntheticMarketplace({ seed: 1, sellers: 3_000 });
      expect(JSON.stringify([...a.sellers()])).toBe(JSON.stringify([...b.sellers()]));
      expect(JSON.stringify([...a.sales({ granularity: "month" })])).toBe(JSON.stringify([...b.sales({ granularity: "month" })]));
      expect(JSON.stringify(a.aggregates())).toBe(JSON.stringify(b.aggregates()));
      expect(JSON.stringify(a.loans())).toBe(JSON.stringify(b.loans()));
    });

    it("different seed → different sellers and totals", () => {
      const a = syntheticMarketplace({ seed: 1, sellers: 3_000 });
      const b = syntheticMarketplace({ seed: 2, sellers: 3_000 });
      expect(JSON.stringify(take(a.sellers(), 50))).not.toBe(JSON.stringify(take(b.sellers(), 50)));
      expect(a.aggregates().sales.smb.amount.equals(b.aggregates().sales.smb.amount)).toBe(false);
      // …but the calibrated counts are the same (stratified sampling).
      expect(a.aggregates().newSmbCount).toBe(b.aggregates().newSmbCount);
      expect(a.aggregates().smbsAboveThreshold).toBe(b.aggregates().smbsAboveThreshold);
    });

    it("replays: a seller looked up by id equals the one streamed, in any order", () => {
      const m = syntheticMarketplace({ seed: 9, sellers: 500 });
      const all = [...m.sellers()];
      for (const s of [all[499], all[0], all[250], all.at(-1), all.at(-2)]) {
        expect(JSON.stringify(m.seller(s!.id))).toBe(JSON.stringify(s));
      }
      const annual = [...m.sales({ granularity: "year" })];
      const one = annual.find((s) => s.sellerId === "smb-123")!;
      expect(JSON.stringify(m.salesOf("smb-123", { granularity: "year" }))).toBe(JSON.stringify([one]));
    });

    it("sellers() can be iterated twice with identical results", () => {
      const m = syntheticMarketplace({ seed: 3, sellers: 200 });
      expect(JSON.stringify([...m.sellers()])).toBe(JSON.stringify([...m.sellers()]));
    });
  });

  describe("shape", () => {
    const m = syntheticMarketplace({ seed: 42, sellers: 1_000 });

    it("has SMBs, large sellers and one first-party account", () => {
      expect(m.smbCount).toBe(1_000);
      expect(m.largeSellerCount).toBe(2);
      expect(m.sellerCount).toBe(1_003);
      const ids = [...m.sellers()].map((s) => s.id);
      expect(ids[0]).toBe("smb-0001");
      expect(ids.slice(-3)).toEqual(["large-1", "large-2", "first-party"]);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it("sellers are frozen, dated, in the US, with employees and USD turnover", () => {
      for (const s of take(m.sellers(), 100)) {
        expect(Object.isFrozen(s)).toBe(true);
        expect(s.joinedOn.getTime() % 86_400_000).toBe(0);
        expect(s.joinedOn.getTime()).toBeLessThan(Date.UTC(2018, 0, 1));
        expect(s.country).toBe("US");
        expect(s.employees).toBeGreaterThanOrEqual(1);
        expect(s.employees).toBeLessThan(250);
        expect(s.annualTurnover.currency).toBe("USD");
        expect(["micro", "small", "medium"]).toContain(s.sizeClass);
      }
    });

    it("sales are within the year, positive, in whole cents, dated on or after the join day", () => {
      const joined = new Map([...m.sellers()].map((s) => [s.id, s.joinedOn.getTime()]));
      const bad: string[] = [];
      let n = 0;
      for (const s of m.sales({ granularity: "day", segment: "smb" })) {
        n++;
        const t = s.date.getTime();
        const ok = t >= Math.max(Date.UTC(2017, 0, 1), joined.get(s.sellerId)!) && t < Date.UTC(2018, 0, 1) && t % 86_400_000 === 0 && s.amount.amount.greaterThan(0) && s.amount.amount.decimalPlaces() <= 2;
        if (!ok && bad.length < 5) bad.push(JSON.stringify(s));
      }
      expect(n).toBeGreaterThan(100_000);
      expect(bad).toEqual([]);
    });

    it("per-seller annual totals equal the sum of the seller's monthly sales", () => {
      const totals = take(m.sellerTotals(), 40);
      for (const t of totals) {
        const monthly = m.salesOf(t.sellerId, { granularity: "month" });
        const sum = monthly.reduce((a, s) => a.plus(s.amount.amount), money(0, "USD").amount);
        expect(sum.equals(t.annualSales.amount)).toBe(true);
        expect(monthly.reduce((a, s) => a + (s.units ?? 0), 0)).toBe(t.units);
      }
    });

    it("new sellers sell nothing before they join", () => {
      const t = [...m.sellerTotals()].find((x) => x.isNew && x.joinedOn.getUTCMonth() >= 3)!;
      const first = m.salesOf(t.sellerId, { granularity: "day" })[0]!;
      expect(first.date.getTime()).toBeGreaterThanOrEqual(t.joinedOn.getTime());
    });

    it("toJSON gives the seed, size, calibration and model (Decimals as strings)", () => {
      const j = JSON.parse(JSON.stringify(m)) as Record<string, unknown>;
      expect(j["seed"]).toBe(42);
      expect(j["smbCount"]).toBe(1_000);
      expect((j["calibration"] as Record<string, unknown>)["newSellerShare"]).toBe("0.3");
      expect((j["model"] as Record<string, unknown>)["thirdPartyShareOfSales"]).toBe("0.56");
    });

    it("uses the year's third-party share from the 2018 letter (2018: 0.58)", () => {
      const y = syntheticMarketplace({ seed: 1, sellers: 500, year: 2018 });
      expect(y.model.thirdPartyShareOfSales.toString()).toBe("0.58");
      expect(y.aggregates().thirdPartyShareOfSales.toDecimalPlaces(6).toString()).toBe("0.58");
      expect(y.period.start.toISOString()).toBe("2018-01-01T00:00:00.000Z");
    });

    it("honours calibration overrides (countries, SMB share, new-seller share)", () => {
      const c = syntheticMarketplace({
        seed: 5,
        sellers: 2_000,
        calibration: {
          smbShareOfSales: "0.4",
          newSellerShare: 0.1,
          countries: [
            { country: "us", weight: 3 },
            { country: "DE", weight: 1 },
          ],
        },
      });
      const a = c.aggregates();
      expect(a.smbShareOfSales.toDecimalPlaces(6).toNumber()).toBe(0.4);
      expect(a.newSmbCount).toBe(200);
      expect(a.smbCountryCounts["US"]! + a.smbCountryCounts["DE"]!).toBe(2_000);
      expect(a.smbCountryCounts["DE"]!).toBeGreaterThan(400);
      expect(a.smbCountryCounts["DE"]!).toBeLessThan(600);
    });

    it("works with a single seller", () => {
      const one = syntheticMarketplace({ seed: 0, sellers: 1 });
      expect(one.largeSellerCount).toBe(0);
      expect([...one.sellers()].map((s) => s.id)).toEqual(["smb-1", "first-party"]);
      expect(one.aggregates().smbShareOfSales.toDecimalPlaces(6).toNumber()).toBe(0.5);
    });
  });

  describe("edge cases", () => {
    const codeOf = (f: () => unknown): [unknown, string | undefined] => {
      try {
        f();
      } catch (e) {
        return [e, (e as ValidationError).code];
      }
      return [undefined, undefined];
    };

    it.each([
      [{ seed: -1, sellers: 10 }, ValidationError, ErrorCode.OUT_OF_RANGE],
      [{ seed: 1.5, sellers: 10 }, ValidationError, ErrorCode.NOT_INTEGER],
      [{ seed: Number.NaN, sellers: 10 }, ValidationError, ErrorCode.INVALID_NUMBER],
      [{ seed: "1", sellers: 10 }, ValidationTypeError, ErrorCode.INVALID_TYPE],
      [{ sellers: 10 }, ValidationTypeError, ErrorCode.MISSING_VALUE],
      [{ seed: 1, sellers: 0 }, ValidationError, ErrorCode.OUT_OF_RANGE],
      [{ seed: 1, sellers: Number.POSITIVE_INFINITY }, ValidationError, ErrorCode.INVALID_NUMBER],
      [{ seed: 1, sellers: 10, year: 1990 }, ValidationError, ErrorCode.OUT_OF_RANGE],
      [{ seed: 1, sellers: 10, calibration: { nope: 1 } }, ValidationError, ErrorCode.UNKNOWN_OPTION],
      [{ seed: 1, sellers: 10, calibration: { smbShareOfSales: 1 } }, ValidationError, ErrorCode.OUT_OF_RANGE],
      [{ seed: 1, sellers: 10, calibration: { smbShareOfSales: "abc" } }, ValidationError, ErrorCode.INVALID_NUMBER],
      [{ seed: 1, sellers: 10, calibration: { smbShareOfSales: 0.6 } }, ValidationError, ErrorCode.OUT_OF_RANGE],
      [{ seed: 1, sellers: 10, calibration: { seasonality: [1, 2, 3] } }, ValidationError, ErrorCode.DIMENSION_MISMATCH],
      [{ seed: 1, sellers: 10, calibration: { seasonality: Array(12).fill(0) } }, ValidationError, ErrorCode.OUT_OF_RANGE],
      [{ seed: 1, sellers: 10, calibration: { salesThreshold: money("1000000", "EUR") } }, CurrencyMismatchError, ErrorCode.CURRENCY_MISMATCH],
      [{ seed: 1, sellers: 10, calibration: { salesThreshold: { amount: "1", currency: "XXXX" } } }, ValidationError, ErrorCode.UNKNOWN_CURRENCY],
      [{ seed: 1, sellers: 10, calibration: { marketplaceOpenedOn: "2017-06-01" } }, ValidationError, ErrorCode.INVALID_DATE_ORDER],
      [{ seed: 1, sellers: 10, calibration: { marketplaceOpenedOn: new Date(Number.NaN) } }, ValidationError, ErrorCode.INVALID_DATE],
      [{ seed: 1, sellers: 10, calibration: { loanHoldbackRate: "0.1234567" } }, ValidationError, ErrorCode.OUT_OF_RANGE],
      [{ seed: 1, sellers: 10, calibration: null }, ValidationTypeError, ErrorCode.MISSING_VALUE],
      [null, ValidationTypeError, ErrorCode.MISSING_VALUE],
    ])("throws for %j", (options, cls, code) => {
      const [err, c] = codeOf(() => syntheticMarketplace(options as never));
      expect(err).toBeInstanceOf(cls);
      expect(c).toBe(code);
    });

    it("names the function and the argument in messages", () => {
      expect(() => syntheticMarketplace({ seed: 1, sellers: 0 })).toThrowErrorMatchingInlineSnapshot(
        `[ValidationError: syntheticMarketplace: sellers must be an integer from 1 to 50000000, received 0 (allowed: an integer from 1 to 50000000)]`,
      );
    });

    it("rejects unknown seller ids and bad sales options", () => {
      const m = syntheticMarketplace({ seed: 1, sellers: 10 });
      expect(() => m.seller("smb-11")).toThrow(ValidationError);
      expect(() => m.seller("smb-1")).toThrow(ValidationError); // ids are zero-padded: "smb-01"
      expect(() => m.seller("")).toThrow(ValidationError);
      expect(() => m.salesOf(42 as never)).toThrow(ValidationTypeError);
      expect(() => [...m.sales({ granularity: "week" as never })]).toThrow(ValidationError);
      expect(m.seller("smb-01").id).toBe("smb-01");
    });
  });

  describe("#11: no shared mutable state, strict options", () => {
    const codeOf = (f: () => unknown): [unknown, string | undefined] => {
      try {
        f();
      } catch (e) {
        return [e, (e as ValidationError).code];
      }
      return [undefined, undefined];
    };
    const fingerprint = (seed: number): string => {
      const m = syntheticMarketplace({ seed, sellers: 200 });
      return JSON.stringify([m, m.aggregates(), [...m.sellers()].slice(-3), m.salesOf("first-party", { granularity: "year" })]);
    };

    it("the default calibration holds no Date and is frozen all the way down, Decimals included", () => {
      expect(defaultSyntheticCalibration.marketplaceOpenedOn).toBe("1998-01-01T00:00:00.000Z");
      expect(Object.values(defaultSyntheticCalibration).some((v) => v instanceof Date)).toBe(false);
      expect(unfrozenPaths(defaultSyntheticCalibration)).toEqual([]);
      expect(Object.isFrozen(defaultSyntheticCalibration.newSellerShare)).toBe(true);
    });

    it("writing to the exported default (issue 11's setUTCFullYear reproducer, a Decimal's digits) changes no later marketplace", () => {
      const before = fingerprint(42);
      const d = defaultSyntheticCalibration as unknown as Record<string, unknown>;
      expect(() => {
        d["marketplaceOpenedOn"] = new Date(Date.UTC(2016, 0, 1));
      }).toThrow(TypeError);
      expect(() => {
        (defaultSyntheticCalibration.salesLogSd as unknown as { d: number[] }).d[0] = 9;
      }).toThrow(TypeError);
      expect(() => {
        (defaultSyntheticCalibration.salesThreshold.amount as unknown as { s: number }).s = -1;
      }).toThrow(TypeError);
      expect(fingerprint(42)).toBe(before);
    });

    it("a returned join date is the caller's copy: changing it changes no later result", () => {
      const m = syntheticMarketplace({ seed: 3, sellers: 20 });
      const first = m.seller("first-party");
      expect(first.joinedOn.toISOString()).toBe("1998-01-01T00:00:00.000Z");
      first.joinedOn.setUTCFullYear(2016);
      expect(m.seller("first-party").joinedOn.toISOString()).toBe("1998-01-01T00:00:00.000Z");
      expect(m.calibration.marketplaceOpenedOn).toBe("1998-01-01T00:00:00.000Z");
    });

    it("an override date is stored as the ISO string of its UTC day (JSON as in 0.1.0)", () => {
      const m = syntheticMarketplace({ seed: 1, sellers: 10, calibration: { marketplaceOpenedOn: new Date(Date.UTC(2001, 5, 6, 13, 30)) } });
      expect(m.calibration.marketplaceOpenedOn).toBe("2001-06-06T00:00:00.000Z");
      expect(m.seller("first-party").joinedOn.getTime()).toBe(Date.UTC(2001, 5, 6));
      expect(syntheticMarketplace({ seed: 1, sellers: 10, calibration: { marketplaceOpenedOn: "2001-06-06" } }).calibration.marketplaceOpenedOn).toBe("2001-06-06T00:00:00.000Z");
    });

    it.each([
      [{ seed: 1, sellers: 10, sellerz: 5 }, "options.sellerz"],
      [{ seed: 1, sellers: 10, calibration: { marketplaceOpenedon: "2000-01-01" } }, "calibration.marketplaceOpenedon"],
    ])("rejects the unknown key of %j with UNKNOWN_OPTION", (options, arg) => {
      const [err, c] = codeOf(() => syntheticMarketplace(options as never));
      expect(err).toBeInstanceOf(ValidationError);
      expect(c).toBe(ErrorCode.UNKNOWN_OPTION);
      expect((err as ValidationError).argument).toBe(arg);
      expect((err as ValidationError).fn).toBe("syntheticMarketplace");
    });

    it("rejects a Date or an array as the calibration, and unknown or null sales options", () => {
      expect(codeOf(() => syntheticMarketplace({ seed: 1, sellers: 10, calibration: new Date(Number.NaN) as never }))[1]).toBe(ErrorCode.INVALID_TYPE);
      expect(codeOf(() => syntheticMarketplace({ seed: 1, sellers: 10, calibration: [] as never }))[1]).toBe(ErrorCode.INVALID_TYPE);
      const m = syntheticMarketplace({ seed: 1, sellers: 10 });
      expect(codeOf(() => [...m.sales({ granularity: "day", segmnt: "smb" } as never)])[1]).toBe(ErrorCode.UNKNOWN_OPTION);
      expect(codeOf(() => m.salesOf("smb-01", null as never))[0]).toBeInstanceOf(ValidationTypeError);
    });
  });
});
