import { describe, expect, it } from "vitest";
import { smallBusinessImpactReport2018 } from "./smallBusinessImpactReport2018.js";

const f = smallBusinessImpactReport2018.figures;

describe("smallBusinessImpactReport2018", () => {
  // Values from the press summaries of the May 2018 report (ChannelE2E, SmallBusiness.com,
  // The Washington Post 2018-05-04, OnlinehändlerNews 2018-05), cited in the data file.
  it("holds the report's headline values", () => {
    expect(f.smbShareOfSales.value.toString()).toBe("0.5");
    expect(f.usSmbsSelling.value).toBe(1_000_000);
    expect(f.usBusinessesStartedSelling.value).toBe(300_000);
    expect(f.smbsAboveOneMillionSales.value).toBe(20_000);
    expect(f.jobsCreated.value).toBe(900_000);
    expect(f.lendingToUsSmbs.value.toFixed()).toBe("1000000000");
    expect(f.yearsSinceSmbsInvited.value).toBe(20);
    expect(f.investmentInSmbServices.value).toBeNull();
  });

  it("keeps 'over' and 'approximately' as qualifiers", () => {
    expect(f.usSmbsSelling.qualifier).toBe("over");
    expect(f.lendingToUsSmbs.qualifier).toBe("over");
    expect(f.smbShareOfSales.qualifier).toBe("approximately");
    expect(f.investmentInSmbServices.qualifier).toBe("unquantified");
  });

  it("gives each figure a unit, a scope, source wording and at least one source", () => {
    for (const [key, fig] of Object.entries(f)) {
      expect(fig.id).toBe(key);
      expect(fig.unit).toMatch(/^(share|businesses|jobs|USD|years)$/);
      expect(["US", "worldwide"]).toContain(fig.scope.geography);
      expect(fig.sourceText.length).toBeGreaterThan(10);
      expect(fig.sources.length).toBeGreaterThan(0);
      for (const s of fig.sources) expect(s.url).toMatch(/^https:\/\//);
    }
  });

  it("scopes the 2017 counts to 2017 and the lending to the US", () => {
    expect(f.usBusinessesStartedSelling.scope.year).toBe(2017);
    expect(f.smbsAboveOneMillionSales.scope.year).toBe(2017);
    expect(f.lendingToUsSmbs.scope).toMatchObject({ geography: "US", year: 2017 });
  });

  it("is deeply frozen", () => {
    expect(Object.isFrozen(smallBusinessImpactReport2018)).toBe(true);
    expect(Object.isFrozen(smallBusinessImpactReport2018.figures)).toBe(true);
    expect(Object.isFrozen(f.jobsCreated)).toBe(true);
    expect(Object.isFrozen(f.jobsCreated.scope)).toBe(true);
    expect(Object.isFrozen(f.jobsCreated.sources)).toBe(true);
    expect(Object.isFrozen(f.jobsCreated.sources[0])).toBe(true);
  });

  it("serialises to JSON with Decimals as strings", () => {
    const json = JSON.parse(JSON.stringify(smallBusinessImpactReport2018)) as {
      figures: Record<string, { value: unknown }>;
    };
    expect(json.figures["smbShareOfSales"]?.value).toBe("0.5");
    expect(json.figures["lendingToUsSmbs"]?.value).toBe("1000000000");
    expect(json.figures["investmentInSmbServices"]?.value).toBeNull();
  });
});
