import { describe, expectTypeOf, it } from "vitest";
import {
  ConvergenceError,
  CurrencyMismatchError,
  ErrorCode,
  MarketplaceEconomicsError,
  ValidationError,
  ValidationTypeError,
  isMarketplaceEconomicsError,
  type ConvergenceErrorJSON,
  type CurrencyMismatchErrorJSON,
  type MarketplaceEconomicsErrorJSON,
  type ValidationErrorJSON,
} from "./errors.js";

describe("errors types", () => {
  it("isMarketplaceEconomicsError narrows unknown to MarketplaceEconomicsError", () => {
    const e: unknown = null;
    if (isMarketplaceEconomicsError(e)) {
      expectTypeOf(e).toEqualTypeOf<MarketplaceEconomicsError>();
      expectTypeOf(e.code).toEqualTypeOf<ErrorCode>();
      expectTypeOf(e.fn).toEqualTypeOf<string>();
    }
    expectTypeOf(isMarketplaceEconomicsError).parameter(0).toEqualTypeOf<unknown>();
  });
  it("every class's toJSON returns its own JSON shape", () => {
    expectTypeOf<ReturnType<MarketplaceEconomicsError["toJSON"]>>().toEqualTypeOf<MarketplaceEconomicsErrorJSON>();
    expectTypeOf<ReturnType<ValidationError["toJSON"]>>().toEqualTypeOf<ValidationErrorJSON>();
    expectTypeOf<ReturnType<ValidationTypeError["toJSON"]>>().toEqualTypeOf<ValidationErrorJSON>();
    expectTypeOf<ReturnType<CurrencyMismatchError["toJSON"]>>().toEqualTypeOf<CurrencyMismatchErrorJSON>();
    expectTypeOf<ReturnType<ConvergenceError["toJSON"]>>().toEqualTypeOf<ConvergenceErrorJSON>();
    expectTypeOf<ValidationErrorJSON["argument"]>().toEqualTypeOf<string>();
    expectTypeOf<CurrencyMismatchErrorJSON["currencies"]>().toEqualTypeOf<readonly [string, string]>();
    expectTypeOf<ConvergenceErrorJSON["iterations"]>().toEqualTypeOf<number>();
  });
  it("instances keep their detail fields and are Errors", () => {
    expectTypeOf<ValidationError>().toMatchTypeOf<Error>();
    expectTypeOf<ValidationError["argument"]>().toEqualTypeOf<string>();
    expectTypeOf<ConvergenceError["lastEstimate"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CurrencyMismatchError["currencies"]>().toEqualTypeOf<readonly [string, string]>();
  });
  it("ErrorCode is a readonly union of its literal codes, CONFLICTING_OPTIONS included", () => {
    expectTypeOf(ErrorCode.CONFLICTING_OPTIONS).toEqualTypeOf<"CONFLICTING_OPTIONS">();
    expectTypeOf<"CONFLICTING_OPTIONS">().toMatchTypeOf<ErrorCode>();
    expectTypeOf<"NOT_A_CODE">().not.toMatchTypeOf<ErrorCode>();
    // @ts-expect-error ErrorCode is frozen (readonly)
    ErrorCode.OUT_OF_RANGE = "OUT_OF_RANGE";
  });
  it("constructor signatures are the public ones", () => {
    expectTypeOf(ValidationError).constructorParameters.toEqualTypeOf<[fn: string, code: ErrorCode, argument: string, message: string, expected: string]>();
    expectTypeOf(CurrencyMismatchError).constructorParameters.toEqualTypeOf<[fn: string, expected: string, received: string, hint?: string]>();
    expectTypeOf(MarketplaceEconomicsError).constructorParameters.toEqualTypeOf<[fn: string, code: ErrorCode, message: string]>();
  });
});
