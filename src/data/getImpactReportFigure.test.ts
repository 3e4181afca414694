import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationError, ValidationTypeError } from "../errors.js";
import { getImpactReportFigure } from "./getImpactReportFigure.js";
import { smallBusinessImpactReport2018 } from "./smallBusinessImpactReport2018.js";

describe("getImpactReportFigure", () => {
  it("returns the figure object of the report", () => {
    expect(getImpactReportFigure("jobsCreated")).toBe(smallBusinessImpactReport2018.figures.jobsCreated);
    expect(getImpactReportFigure("usBusinessesStartedSelling").value).toBe(300_000);
  });

  describe("edge cases", () => {
    it("throws UNKNOWN_OPTION for an unknown key", () => {
      expect(() => getImpactReportFigure("nope" as never)).toThrow(ValidationError);
      try {
        getImpactReportFigure("toString" as never);
      } catch (e) {
        expect((e as ValidationError).code).toBe(ErrorCode.UNKNOWN_OPTION);
      }
    });
    it("throws a ValidationTypeError for a non-string key", () => {
      expect(() => getImpactReportFigure(1 as never)).toThrow(ValidationTypeError);
    });
  });
});
