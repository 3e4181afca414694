import { inspect } from "node:util";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { ConvergenceError, CurrencyMismatchError, ErrorCode, MarketplaceEconomicsError, ValidationError, ValidationTypeError, isMarketplaceEconomicsError } from "./errors.js";

const samples = () => ({
  base: new MarketplaceEconomicsError("f", ErrorCode.UNDEFINED_RESULT, "no such figure"),
  validation: new ValidationError("f", ErrorCode.OUT_OF_RANGE, "x", "x must be ≥ 0, received -1 (allowed: ≥ 0)", "≥ 0"),
  type: new ValidationTypeError("f", ErrorCode.INVALID_TYPE, "x", "x must be a number", "a number"),
  currency: new CurrencyMismatchError("f", "USD", "EUR"),
  convergence: new ConvergenceError("f", ErrorCode.NOT_CONVERGED, "gave up after 50 iterations", { iterations: 50, lastEstimate: 0.1 }),
});

describe("errors", () => {
  it("every class is instanceof MarketplaceEconomicsError and of its built-in base", () => {
    const { validation: v, type: t, currency: c, convergence: k } = samples();
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
    expect(c.message).toBe("add: cannot combine USD with EUR (allowed: amounts in one currency; convert first)");
    expect(new CurrencyMismatchError("sum", "USD", "EUR", "amounts[2]").message).toBe("sum: cannot combine USD with EUR (allowed: amounts in one currency; convert first); amounts[2]");
    const v = new ValidationError("money", ErrorCode.INVALID_NUMBER, "amount", "amount must be a finite number", "a number");
    expect(v).toMatchObject({ code: "INVALID_NUMBER", fn: "money", argument: "amount", expected: "a number", message: "money: amount must be a finite number" });
  });
  it("serialises to JSON with name, code, fn, message and the details of its class (#10)", () => {
    // Before 0.2.0 toJSON() dropped the details; issue #10 asks that it keep them.
    const s = samples();
    const json = (e: unknown) => JSON.parse(JSON.stringify(e)) as unknown;
    expect(json(s.base)).toEqual({ name: "MarketplaceEconomicsError", code: "UNDEFINED_RESULT", fn: "f", message: "f: no such figure" });
    expect(json(s.validation)).toEqual({
      name: "ValidationError",
      code: "OUT_OF_RANGE",
      fn: "f",
      message: "f: x must be ≥ 0, received -1 (allowed: ≥ 0)",
      argument: "x",
      expected: "≥ 0",
    });
    expect(json(s.type)).toEqual({ name: "ValidationTypeError", code: "INVALID_TYPE", fn: "f", message: "f: x must be a number", argument: "x", expected: "a number" });
    expect(json(s.currency)).toEqual({
      name: "CurrencyMismatchError",
      code: "CURRENCY_MISMATCH",
      fn: "f",
      message: "f: cannot combine USD with EUR (allowed: amounts in one currency; convert first)",
      currencies: ["USD", "EUR"],
    });
    expect(json(s.convergence)).toEqual({ name: "ConvergenceError", code: "NOT_CONVERGED", fn: "f", message: "f: gave up after 50 iterations", iterations: 50, lastEstimate: 0.1 });
    const full = new ConvergenceError("irr", ErrorCode.NO_SIGN_CHANGE, "no sign change", { iterations: 7, lastEstimate: -0.25, residual: 3 });
    expect(Object.keys(full.toJSON())).toEqual(["name", "code", "fn", "message", "iterations", "lastEstimate", "residual"]);
    expect(full.toJSON()).toEqual({ name: "ConvergenceError", code: "NO_SIGN_CHANGE", fn: "irr", message: "irr: no sign change", iterations: 7, lastEstimate: -0.25, residual: 3 });
  });
  it("recognises errors from another copy of the library (ESM/CJS dual package) by brand", () => {
    const foreign = Object.create(RangeError.prototype) as object;
    Object.defineProperty(foreign, Symbol.for("marketplace-economics/error-family"), { value: ["MarketplaceEconomicsError", "ValidationError"] });
    expect(foreign).toBeInstanceOf(ValidationError);
    expect(foreign).toBeInstanceOf(MarketplaceEconomicsError);
    expect(foreign).not.toBeInstanceOf(ConvergenceError);
    expect(isMarketplaceEconomicsError(foreign)).toBe(true);
  });
  it("has unique codes whose values equal their keys", () => {
    for (const [k, v] of Object.entries(ErrorCode)) expect(v).toBe(k);
    expect(new Set(Object.values(ErrorCode)).size).toBe(Object.keys(ErrorCode).length);
  });
  it("ErrorCode is frozen and has CONFLICTING_OPTIONS and MULTIPLE_ROOTS", () => {
    expect(Object.isFrozen(ErrorCode)).toBe(true);
    expect(() => {
      (ErrorCode as Record<string, string>)["OUT_OF_RANGE"] = "X";
    }).toThrow(TypeError);
    expect(ErrorCode.OUT_OF_RANGE).toBe("OUT_OF_RANGE");
    expect(ErrorCode.CONFLICTING_OPTIONS).toBe("CONFLICTING_OPTIONS");
    expect(ErrorCode.MULTIPLE_ROOTS).toBe("MULTIPLE_ROOTS");
  });
  it("class names, instance names and constructors are the public names", () => {
    const s = samples();
    const expected = [
      [MarketplaceEconomicsError, s.base, "MarketplaceEconomicsError"],
      [ValidationError, s.validation, "ValidationError"],
      [ValidationTypeError, s.type, "ValidationTypeError"],
      [CurrencyMismatchError, s.currency, "CurrencyMismatchError"],
      [ConvergenceError, s.convergence, "ConvergenceError"],
    ] as const;
    for (const [cls, e, name] of expected) {
      expect(cls.name).toBe(name);
      expect(e.name).toBe(name);
      expect(e.constructor).toBe(cls);
      expect(String(e).startsWith(`${name}: f: `)).toBe(true);
      expect(inspect(e).startsWith(`${name}: f: `)).toBe(true);
    }
  });
});

describe("isMarketplaceEconomicsError", () => {
  it("is true for every error class", () => {
    for (const e of Object.values(samples())) expect(isMarketplaceEconomicsError(e)).toBe(true);
  });
  it("is false for plain errors, primitives, plain objects and lookalikes", () => {
    const lookalike = Object.assign(new RangeError("money: bad"), { name: "ValidationError", code: "OUT_OF_RANGE", fn: "money" });
    const wrongBrand = Object.create(Error.prototype) as object;
    Object.defineProperty(wrongBrand, Symbol.for("marketplace-economics/error-family"), { value: "MarketplaceEconomicsError" });
    const otherFamily = {} as object;
    Object.defineProperty(otherFamily, Symbol.for("marketplace-economics/error-family"), { value: ["SomethingElse"] });
    const values: unknown[] = [new Error("x"), new RangeError("x"), new TypeError("x"), lookalike, wrongBrand, otherFamily, null, undefined, 0, "ValidationError", {}, { code: "OUT_OF_RANGE" }, ValidationError];
    for (const v of values) expect(isMarketplaceEconomicsError(v)).toBe(false);
  });
  it("narrows to MarketplaceEconomicsError", () => {
    const caught: unknown = samples().currency;
    if (!isMarketplaceEconomicsError(caught)) throw new Error("expected a library error");
    expect(caught.code).toBe("CURRENCY_MISMATCH");
    expect(caught.fn).toBe("f");
  });
  it("an ordinary subclass keeps instanceof by prototype", () => {
    class AppError extends ValidationError {}
    const e = new AppError("f", ErrorCode.OUT_OF_RANGE, "x", "x bad", "good");
    expect(e).toBeInstanceOf(AppError);
    expect(e).toBeInstanceOf(ValidationError);
    expect(samples().validation).not.toBeInstanceOf(AppError);
    expect(isMarketplaceEconomicsError(e)).toBe(true);
  });
});

describe("errors in a bundled build (esbuild, as tsup bundles dist/)", () => {
  // Issue #11: stack traces of the built package printed `_ValidationError` because esbuild
  // renamed classes that refer to themselves. Bundle this file in both formats, load both copies
  // and check names, printed stacks and instanceof / the guard across the two copies.
  async function bundle(format: "esm" | "cjs"): Promise<string> {
    const r = await build({
      entryPoints: [fileURLToPath(new URL("./errors.ts", import.meta.url))],
      bundle: true,
      write: false,
      format,
      platform: "node",
      target: "node20",
      logLevel: "silent",
    });
    return r.outputFiles[0]?.text ?? "";
  }
  type Lib = typeof import("./errors.js");
  async function load(): Promise<{ esm: Lib; cjs: Lib }> {
    const esmCode = await bundle("esm");
    const esm = (await import(`data:text/javascript;base64,${Buffer.from(esmCode).toString("base64")}`)) as Lib;
    const mod = { exports: {} as Lib };
    new Function("module", "exports", await bundle("cjs"))(mod, mod.exports);
    return { esm, cjs: mod.exports };
  }
  it("keeps the public class names and prints them in stacks", async () => {
    const { esm, cjs } = await load();
    for (const lib of [esm, cjs]) {
      for (const name of ["MarketplaceEconomicsError", "ValidationError", "ValidationTypeError", "CurrencyMismatchError", "ConvergenceError"] as const) {
        expect(lib[name].name).toBe(name);
      }
      const e = new lib.ValidationError("money", lib.ErrorCode.INVALID_NUMBER, "amount", "amount must be a decimal number", "a number");
      expect(inspect(e).split("\n")[0]).toBe("ValidationError: money: amount must be a decimal number");
      expect(e.stack?.split("\n")[0]).toBe("ValidationError: money: amount must be a decimal number");
    }
  });
  it("stays tree-shakable: a consumer of ValidationError alone bundles no other error class", async () => {
    const r = await build({
      stdin: {
        contents: 'import { ValidationError } from "./errors.ts"; console.log(new ValidationError("f", "OUT_OF_RANGE", "x", "m", "e"));',
        resolveDir: fileURLToPath(new URL(".", import.meta.url)),
        loader: "ts",
      },
      bundle: true,
      write: false,
      format: "esm",
      minify: true,
      platform: "node",
      logLevel: "silent",
    });
    const text = r.outputFiles[0]?.text ?? "";
    expect(text).toContain("ValidationError");
    for (const name of ["ConvergenceError", "CurrencyMismatchError", "ValidationTypeError"]) expect(text, name).not.toContain(name);
  });
  it("instanceof and isMarketplaceEconomicsError hold across the ESM and CJS copies", async () => {
    const { esm, cjs } = await load();
    const fromCjs = new cjs.ValidationTypeError("f", cjs.ErrorCode.INVALID_TYPE, "x", "x must be a number", "a number");
    const fromEsm = new esm.CurrencyMismatchError("f", "USD", "EUR");
    expect(fromCjs).toBeInstanceOf(esm.ValidationTypeError);
    expect(fromCjs).toBeInstanceOf(esm.ValidationError);
    expect(fromCjs).toBeInstanceOf(ValidationError);
    expect(fromCjs).not.toBeInstanceOf(esm.CurrencyMismatchError);
    expect(fromEsm).toBeInstanceOf(cjs.CurrencyMismatchError);
    expect(fromEsm).toBeInstanceOf(cjs.MarketplaceEconomicsError);
    expect(fromEsm).toBeInstanceOf(MarketplaceEconomicsError);
    expect(esm.isMarketplaceEconomicsError(fromCjs)).toBe(true);
    expect(cjs.isMarketplaceEconomicsError(fromEsm)).toBe(true);
    expect(isMarketplaceEconomicsError(fromCjs)).toBe(true);
    expect(cjs.isMarketplaceEconomicsError(new Error("x"))).toBe(false);
    expect(Object.isFrozen(cjs.ErrorCode)).toBe(true);
  });
});
