import { describe, expect, it } from "vitest";
import {
  ConvergenceError,
  CurrencyMismatchError,
  ErrorCode,
  MarketplaceEconomicsError,
  ValidationError,
  ValidationTypeError,
} from "./errors.js";

describe("errors", () => {
  it("every class is instanceof MarketplaceEconomicsError and of its built-in base", () => {
    const v = new ValidationError("f", ErrorCode.OUT_OF_RANGE, "x", "x must be ≥ 0, received -1 (allowed: ≥ 0)", "≥ 0");
    const t = new ValidationTypeError("f", ErrorCode.INVALID_TYPE, "x", "x must be a number", "a number");
    const c = new CurrencyMismatchError("f", "USD", "EUR");
    const k = new ConvergenceError("f", ErrorCode.NOT_CONVERGED, "gave up after 50 iterations", { iterations: 50, lastEstimate: 0.1 });
    for (const e of [v, t, c, k]) {
      expect(e).toBeInstanceOf(MarketplaceEconomicsError);
      expect(e).toBeInstanceOf(Error);
      expect(e.message.startsWith("f: ")).toBe(true);
    }
    expect(v).toBeInstanceOf(RangeError);
    expect(t).toBeInstanceOf(TypeError);
    expect(t).toBeInstanceOf(ValidationError);
    expect(c).toBeInstanceOf(TypeError);
    expect(v).not.toBeInstanceOf(ValidationTypeError);
    expect(v).not.toBeInstanceOf(ConvergenceError);
    expect(k).not.toBeInstanceOf(ValidationError);
    expect(new Error("x")).not.toBeInstanceOf(MarketplaceEconomicsError);
    expect(null).not.toBeInstanceOf(MarketplaceEconomicsError);
  });
  it("carries stable codes, the function name and details", () => {
    const k = new ConvergenceError("xirr", ErrorCode.NO_SIGN_CHANGE, "no sign change", { iterations: 3, lastEstimate: 0.5, residual: 12 });
    expect(k).toMatchObject({ code: "NO_SIGN_CHANGE", fn: "xirr", iterations: 3, lastEstimate: 0.5, residual: 12, name: "ConvergenceError" });
    const c = new CurrencyMismatchError("add", "USD", "EUR");
    expect(c.currencies).toEqual(["USD", "EUR"]);
    expect(c.code).toBe("CURRENCY_MISMATCH");
  });
  it("serialises to JSON with name, code, fn and message", () => {
    const v = new ValidationError("money", ErrorCode.INVALID_NUMBER, "amount", "amount must be a finite number", "a number");
    expect(JSON.parse(JSON.stringify(v))).toEqual({ name: "ValidationError", code: "INVALID_NUMBER", fn: "money", message: "money: amount must be a finite number" });
  });
  it("recognises errors from another copy of the library (ESM/CJS dual package) by brand", () => {
    const foreign = Object.create(RangeError.prototype) as object;
    Object.defineProperty(foreign, Symbol.for("marketplace-economics/error-family"), { value: ["MarketplaceEconomicsError", "ValidationError"] });
    expect(foreign).toBeInstanceOf(ValidationError);
    expect(foreign).toBeInstanceOf(MarketplaceEconomicsError);
    expect(foreign).not.toBeInstanceOf(ConvergenceError);
  });
  it("has unique codes whose values equal their keys", () => {
    for (const [k, v] of Object.entries(ErrorCode)) expect(v).toBe(k);
  });
});
