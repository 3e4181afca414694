import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationError, ValidationTypeError } from "../errors.js";
import { getThirdPartySellerShare } from "./getThirdPartySellerShare.js";

describe("getThirdPartySellerShare", () => {
  it("returns the published share for a year (2018 letter: 2017 56 %, 2018 58 %)", () => {
    expect(getThirdPartySellerShare(2017).toString()).toBe("0.56");
    expect(getThirdPartySellerShare(2018).toString()).toBe("0.58");
    expect(getThirdPartySellerShare(1999).toString()).toBe("0.03");
  });

  describe("edge cases", () => {
    it("throws OUT_OF_RANGE for a year outside 1999–2018", () => {
      expect(() => getThirdPartySellerShare(1998)).toThrow(ValidationError);
      expect(() => getThirdPartySellerShare(2019)).toThrowErrorMatchingInlineSnapshot(
        `[ValidationError: getThirdPartySellerShare: year must be a published year, received 2019 (allowed: an integer from 1999 to 2018)]`,
      );
      try {
        getThirdPartySellerShare(2030);
      } catch (e) {
        expect((e as ValidationError).code).toBe(ErrorCode.OUT_OF_RANGE);
      }
    });
    it.each([
      [2017.5, ErrorCode.NOT_INTEGER, ValidationError],
      [Number.NaN, ErrorCode.INVALID_NUMBER, ValidationError],
      [Number.POSITIVE_INFINITY, ErrorCode.INVALID_NUMBER, ValidationError],
      ["2017", ErrorCode.INVALID_TYPE, ValidationTypeError],
      [null, ErrorCode.MISSING_VALUE, ValidationTypeError],
      [undefined, ErrorCode.MISSING_VALUE, ValidationTypeError],
    ])("throws for %s", (year, code, cls) => {
      let err: unknown;
      try {
        getThirdPartySellerShare(year as never);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(cls);
      expect((err as ValidationError).code).toBe(code);
    });
  });
});
