/**
 * The shared validation paths (#11): bounded numbers and amounts, Decimals from any copy and
 * impostors, arrays with holes, option objects, and a message builder that never throws.
 */
import { createRequire } from "node:module";
import { Decimal as UserDecimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { ValidationError, ValidationTypeError } from "../errors.js";
import { Decimal } from "./decimal.js";
import { AMOUNT_RANGE, describeValue, toAmount, toArray, toDecimal, toOptions } from "./validate.js";

const require = createRequire(import.meta.url);
const OtherCopy = (require("decimal.js") as { Decimal: typeof UserDecimal }).Decimal;

function caught(f: () => unknown): Error & { code?: string; argument?: string; fn?: string } {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("did not throw");
}

describe("toDecimal and toAmount", () => {
  it("rejects huge exponents instantly, stating the range", () => {
    for (const s of ["1e9000000000000000", "1e-9000000000000000", "1e1000", "1e-1001"]) {
      const e = caught(() => toDecimal(s, "f", "x"));
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.code).toBe("OUT_OF_RANGE");
      expect(e.message).toContain("1e-1000 to below 1e1000");
    }
    expect(caught(() => toDecimal(new UserDecimal("1e9000000000000000"), "f", "x")).code).toBe("OUT_OF_RANGE");
    expect(toDecimal(5e-324, "f", "x").toString()).toBe("5e-324");
    expect(toDecimal(1.7976931348623157e308, "f", "x").e).toBe(308);
  });

  it("amounts: magnitude below 1e30 and at most 40 decimal places", () => {
    expect(AMOUNT_RANGE.maxExponent).toBe(29);
    expect(toAmount(`${"9".repeat(30)}.${"9".repeat(40)}`, "f", "x").decimalPlaces()).toBe(40);
    const big = caught(() => toAmount("1e30", "money", "amount"));
    expect(big.message).toBe('money: amount is outside the supported amount range, received "1e30" (allowed: an amount with magnitude below 1e30 and at most 40 decimal places)');
    expect(caught(() => toAmount("1e-41", "f", "x")).code).toBe("OUT_OF_RANGE");
    expect(toAmount("-0", "f", "x").isZero()).toBe(true);
  });

  it("re-wraps every Decimal in the library's constructor", () => {
    const user = new UserDecimal("1.25");
    const d = toDecimal(user, "f", "x");
    expect(d).not.toBe(user);
    expect(d.constructor).toBe(Decimal);
    expect(UserDecimal.isDecimal(d)).toBe(true);
    const clone = UserDecimal.clone({ precision: 3 });
    expect(toDecimal(new clone("123456.789"), "f", "x").plus("0.001").toString()).toBe("123456.79");
  });

  it("accepts an instance of another decimal.js copy, digit for digit", () => {
    expect(toDecimal(new OtherCopy("-98765432109876543210.0123"), "f", "x").toFixed()).toBe("-98765432109876543210.0123");
    expect(toDecimal(new OtherCopy(0), "f", "x").toString()).toBe("0");
  });

  it("rejects a duck-typed Decimal with a typed error", () => {
    const ducks: unknown[] = [
      { d: [1], e: 0, s: 1, constructor: { name: "Decimal" }, toString: () => "1" },
      { d: [1], e: 0, s: 1, toStringTag: "[object Decimal]" },
      Object.assign(Object.create(UserDecimal.prototype) as object, { d: [12345678], e: 7, s: 1, constructor: UserDecimal }), // a word ≥ 1e7
      Object.assign(Object.create(UserDecimal.prototype) as object, { d: [1, 0], e: 7, s: 1, constructor: UserDecimal }), // trailing zero word
      Object.assign(Object.create(UserDecimal.prototype) as object, { d: [1], e: 3, s: 1, constructor: UserDecimal }), // e inconsistent with d
    ];
    for (const duck of ducks) {
      const e = caught(() => toDecimal(duck, "money", "amount"));
      expect(e).toBeInstanceOf(ValidationTypeError);
      expect(e.code).toBe("INVALID_TYPE");
      expect(e.message).toContain("claims to be a Decimal");
    }
    const getter = new UserDecimal(1);
    Object.defineProperty(getter, "d", {
      get: () => {
        throw new Error("boom");
      },
    });
    expect(caught(() => toDecimal(getter, "f", "x"))).toBeInstanceOf(ValidationTypeError);
  });
});

describe("toArray", () => {
  it("rejects a hole with a typed error naming the index", () => {
    // eslint-disable-next-line no-sparse-arrays
    const e = caught(() => toArray([1, , 3], "giniCoefficient", "values"));
    expect(e).toBeInstanceOf(ValidationTypeError);
    expect(e.code).toBe("MISSING_VALUE");
    expect(e.argument).toBe("values[1]");
    expect(e.message).toBe("giniCoefficient: values[1] is a hole in a sparse array, received undefined (allowed: an array without holes (every index from 0 to length - 1 set))");
    expect(caught(() => toArray(new Array(2), "f", "xs")).argument).toBe("xs[0]");
  });

  it("returns a plain copy and turns a throwing getter into a typed error", () => {
    const src = [1, 2];
    const out = toArray<number>(src, "f", "xs");
    expect(out).toEqual([1, 2]);
    expect(out).not.toBe(src);
    const bad = [1, 2];
    Object.defineProperty(bad, 1, {
      get: () => {
        throw new Error("boom");
      },
    });
    expect(caught(() => toArray(bad, "f", "xs")).argument).toBe("xs[1]");
    const trap = new Proxy([1], {
      get: () => {
        throw new Error("trap");
      },
    });
    expect(caught(() => toArray(trap, "f", "xs"))).toBeInstanceOf(ValidationTypeError);
  });
});

describe("toOptions", () => {
  const KEYS = ["granularity", "from"] as const;
  it("undefined is no options; null and non-objects throw", () => {
    expect(toOptions(undefined, "f", "options", KEYS)).toEqual({});
    const e = caught(() => toOptions(null, "f", "options", KEYS));
    expect(e).toBeInstanceOf(ValidationTypeError);
    expect(e.message).toBe('f: options must be an options object or undefined, received null (allowed: an object with the keys "granularity", "from", or undefined)');
    expect(caught(() => toOptions([], "f", "options", KEYS))).toBeInstanceOf(ValidationTypeError);
    expect(caught(() => toOptions(new Date(0), "f", "options", KEYS))).toBeInstanceOf(ValidationTypeError);
  });

  it("unknown keys throw, listing the allowed keys, with a near-miss or rename hint", () => {
    const e = caught(() => toOptions({ granularty: "day" }, "f", "options", KEYS));
    expect(e.code).toBe("UNKNOWN_OPTION");
    expect(e.message).toBe('f: options has an unknown key "granularty" (allowed keys: "granularity", "from"; did you mean "granularity"?)');
    expect(caught(() => toOptions({ period: "day" }, "f", "options", KEYS, { since: "0.2.0", names: { period: "granularity" } })).message).toContain('renamed to "granularity" in 0.2.0');
  });

  it("reads each key once into a frozen copy without undefined keys", () => {
    let reads = 0;
    const o = toOptions(
      {
        get granularity() {
          reads++;
          return "day";
        },
        from: undefined,
      },
      "f",
      "options",
      KEYS,
    );
    expect(o).toEqual({ granularity: "day" });
    expect(reads).toBe(1);
    expect(Object.isFrozen(o)).toBe(true);
    expect(Object.hasOwn(o, "from")).toBe(false);
    const e = caught(() =>
      toOptions(
        {
          get from() {
            throw new Error("boom");
          },
        },
        "f",
        "options",
        KEYS,
      ),
    );
    expect(e.argument).toBe("options.from");
  });
});

describe("describeValue never throws", () => {
  it("describes hostile values in a few words", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    const throwing = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error("trap");
        },
        has: () => {
          throw new Error("trap");
        },
      },
    );
    const cases: [unknown, string][] = [
      [new Proxy(new Date(0), {}), "a Date-like object that is not a Date (a Proxy?)"],
      [Symbol("x"), "a Symbol(x)"],
      [10n ** 50n, "1000000000000000000000000000000000000...n"],
      [cyclic, "an object"],
      [-0, "-0"],
      [new Date(Number.NaN), "Invalid Date"],
      [new UserDecimal("1e9000000000000000"), "Decimal(1e+9000000000000000)"],
      [new UserDecimal(Number.NaN), "Decimal(NaN)"],
      [{ d: [1], e: 0, s: 1 }, "an object that claims to be a Decimal but is not a decimal.js instance"],
      [throwing, "an object that claims to be a Decimal but is not a decimal.js instance"],
      [[1, 2], "an array of length 2"],
    ];
    for (const [v, text] of cases) expect(describeValue(v)).toBe(text);
    const getter = {
      get toStringTag() {
        throw new Error("boom");
      },
    };
    expect(() => describeValue(getter)).not.toThrow();
  });
});
