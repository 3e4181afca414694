/** The published figures are frozen all the way down (#10: readonly + frozen results everywhere). */
import { describe, expect, it } from "vitest";
import { unfrozenPaths } from "../../test/support/frozen.js";
import { getImpactReportFigure } from "./getImpactReportFigure.js";
import { smallBusinessImpactReport2018 } from "./smallBusinessImpactReport2018.js";
import { getThirdPartySellerShare } from "./getThirdPartySellerShare.js";
import { thirdPartySellerShareOfGms } from "./thirdPartySellerShareOfGms.js";

describe("data is frozen all the way down", () => {
  it("smallBusinessImpactReport2018, its figures, scopes and sources", () => {
    expect(unfrozenPaths(smallBusinessImpactReport2018)).toEqual([]);
  });
  it("getImpactReportFigure returns a frozen figure", () => {
    expect(unfrozenPaths(getImpactReportFigure("jobsCreated"))).toEqual([]);
  });
  it("thirdPartySellerShareOfGms and its observations", () => {
    expect(unfrozenPaths(thirdPartySellerShareOfGms)).toEqual([]);
  });
});

describe("#11: no shared mutable state in published data", () => {
  it("the Decimal values are frozen too, so a caller cannot change a later call's result", () => {
    const share = getThirdPartySellerShare(2018);
    expect(Object.isFrozen(share)).toBe(true);
    expect(() => {
      (share as unknown as { s: number }).s = -1;
    }).toThrow(TypeError);
    expect(() => {
      (share as unknown as { d: number[] }).d[0] = 9;
    }).toThrow(TypeError);
    expect(getThirdPartySellerShare(2018).toString()).toBe("0.58"); // 2018 letter to shareholders: 58 %
    const v = getImpactReportFigure("smbShareOfSales").value;
    expect(() => {
      (v as unknown as { e: number }).e = 5;
    }).toThrow(TypeError);
    expect(getImpactReportFigure("smbShareOfSales").value.toString()).toBe("0.5");
  });
  it("frozen Decimals still compute (operations return new values)", () => {
    const share = getThirdPartySellerShare(2018);
    expect(share.times(100).toString()).toBe("58");
    expect(share.plus(1).toDecimalPlaces(1).toString()).toBe("1.6");
  });
  it("getThirdPartySellerShare rejects a non-integer or unpublished year with a typed error", () => {
    expect(() => getThirdPartySellerShare(Number.NaN)).toThrow(expect.objectContaining({ fn: "getThirdPartySellerShare" }));
    expect(() => getThirdPartySellerShare(1e308)).toThrow(expect.objectContaining({ fn: "getThirdPartySellerShare" }));
    expect(() => getImpactReportFigure(null as never)).toThrow(expect.objectContaining({ fn: "getImpactReportFigure" }));
  });
});
