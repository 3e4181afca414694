import type { Decimal } from "decimal.js";
import { describe, expectTypeOf, it } from "vitest";
import { getImpactReportFigure } from "./getImpactReportFigure.js";

describe("getImpactReportFigure", () => {
  it("narrows the value type by key", () => {
    expectTypeOf(getImpactReportFigure("smbShareOfSales").value).toEqualTypeOf<Decimal>();
    expectTypeOf(getImpactReportFigure("usSmbsSelling").value).toEqualTypeOf<number>();
    expectTypeOf(getImpactReportFigure("investmentInSmbServices").value).toEqualTypeOf<null>();
  });
  it("rejects unknown keys", () => {
    // @ts-expect-error not a figure key
    getImpactReportFigure("revenue");
  });
});
