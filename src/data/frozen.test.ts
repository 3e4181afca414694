/** The published figures are frozen all the way down (#10: readonly + frozen results everywhere). */
import { describe, expect, it } from "vitest";
import { unfrozenPaths } from "../../test/support/frozen.js";
import { getImpactReportFigure } from "./getImpactReportFigure.js";
import { smallBusinessImpactReport2018 } from "./smallBusinessImpactReport2018.js";
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
