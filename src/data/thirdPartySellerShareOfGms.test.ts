import { describe, expect, it } from "vitest";
import { thirdPartySellerShareOfGms } from "./thirdPartySellerShareOfGms.js";

describe("thirdPartySellerShareOfGms", () => {
  // Table at the top of Jeff Bezos's 2018 letter to shareholders (aboutamazon.com, 2019-04-11).
  it("matches the 2018 letter's table year by year", () => {
    const pct = thirdPartySellerShareOfGms.map((p) => [p.year, p.share.times(100).toNumber()]);
    expect(pct).toEqual([
      [1999, 3],
      [2000, 3],
      [2001, 6],
      [2002, 17],
      [2003, 22],
      [2004, 25],
      [2005, 28],
      [2006, 28],
      [2007, 29],
      [2008, 30],
      [2009, 31],
      [2010, 34],
      [2011, 38],
      [2012, 42],
      [2013, 46],
      [2014, 49],
      [2015, 51],
      [2016, 54],
      [2017, 56],
      [2018, 58],
    ]);
  });

  it("is sorted, one point per year, never decreasing", () => {
    for (let i = 1; i < thirdPartySellerShareOfGms.length; i++) {
      const a = thirdPartySellerShareOfGms[i - 1]!;
      const b = thirdPartySellerShareOfGms[i]!;
      expect(b.year).toBe(a.year + 1);
      expect(b.share.greaterThanOrEqualTo(a.share)).toBe(true);
    }
  });

  it("cites the letter for every point", () => {
    for (const p of thirdPartySellerShareOfGms) {
      expect(p.source.url).toContain("2018-letter-to-shareholders");
      expect(p.source.wording).toContain(`${p.year} ${p.share.times(100).toNumber()}%`);
    }
    expect(Object.isFrozen(thirdPartySellerShareOfGms)).toBe(true);
    expect(Object.isFrozen(thirdPartySellerShareOfGms[5])).toBe(true);
  });
});
