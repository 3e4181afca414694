import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationError, ValidationTypeError } from "../errors.js";
import { leontiefInverse } from "./leontiefInverse.js";

/*
 * Miller, R. E. & Blair, P. D., "Input-Output Analysis: Foundations and Extensions", 2nd ed.
 * (Cambridge UP, 2009), ch. 2, §2.3.1 (hypothetical two-sector example, "Approach I"):
 *   Z = [[150, 500], [200, 100]], x = [1000, 2000]  →  A = [[.15, .25], [.20, .05]]
 *   (I − A)⁻¹ = [[1.254, .330], [.264, 1.122]] (three decimals, as printed).
 * Derived here in closed form: det(I − A) = .85 × .95 − .25 × .20 = .7575, so
 *   L = (1/.7575) [[.95, .25], [.20, .85]].
 */
const A = [
  [0.15, 0.25],
  [0.2, 0.05],
];

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
}

describe("leontiefInverse", () => {
  it("reproduces the Miller & Blair ch. 2 two-sector inverse", () => {
    const L = leontiefInverse(A);
    expect(L.map((r) => r.map((v) => v.toFixed(3)))).toEqual([
      ["1.254", "0.330"],
      ["0.264", "1.122"],
    ]);
    const det = 0.7575;
    expect(L[0]?.[0]).toBeCloseTo(0.95 / det, 14);
    expect(L[0]?.[1]).toBeCloseTo(0.25 / det, 14);
    expect(L[1]?.[0]).toBeCloseTo(0.2 / det, 14);
    expect(L[1]?.[1]).toBeCloseTo(0.85 / det, 14);
  });

  it("gives Miller & Blair's new outputs x = L f for f = [600, 1500]", () => {
    // M&B §2.3.1: x = [1247.52, 1841.58]; exact: 945/.7575 and 1395/.7575.
    const L = leontiefInverse(A);
    const x = L.map((r) => (r[0] as number) * 600 + (r[1] as number) * 1500);
    expect(x.map((v) => v.toFixed(2))).toEqual(["1247.52", "1841.58"]);
  });

  it("reproduces the three-sector model closed with respect to households (M&B §2.5)", () => {
    // Ā adds the household row [.30, .25, .05] and column [.05, .40, .05]. Our float result,
    // checked against the cofactor inverse, is printed to three decimals; these are the values
    // we recall from M&B §2.5 (not checked against a stored copy of the book).
    const L = leontiefInverse([
      [0.15, 0.25, 0.05],
      [0.2, 0.05, 0.4],
      [0.3, 0.25, 0.05],
    ]);
    expect(L.map((r) => r.map((v) => v.toFixed(3)))).toEqual([
      ["1.365", "0.425", "0.251"],
      ["0.527", "1.348", "0.595"],
      ["0.570", "0.489", "1.289"],
    ]);
  });

  it("returns the identity for a zero matrix and 1/(1−a) for a 1×1 matrix", () => {
    expect(
      leontiefInverse([
        [0, 0],
        [0, 0],
      ]),
    ).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(leontiefInverse([[0.2]])[0]?.[0]).toBeCloseTo(1.25, 15);
  });

  it("returns frozen rows and does not mutate its argument", () => {
    const input = A.map((r) => [...r]);
    const L = leontiefInverse(input);
    expect(Object.isFrozen(L)).toBe(true);
    expect(Object.isFrozen(L[0])).toBe(true);
    expect(input).toEqual(A);
  });

  it("accepts numeric strings and Decimals as coefficients", () => {
    const L = leontiefInverse([
      ["0.15", "0.25"],
      ["0.2", "0.05"],
    ] as never);
    expect(L[0]?.[0]?.toFixed(3)).toBe("1.254");
  });

  describe("edge cases", () => {
    it("throws DIMENSION_MISMATCH for a non-square matrix", () => {
      const e = catchError(() => leontiefInverse([[0.1, 0.2], [0.3]]));
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).code).toBe(ErrorCode.DIMENSION_MISMATCH);
      expect((e as ValidationError).argument).toBe("technicalCoefficients[1]");
      expect((e as Error).message).toMatchInlineSnapshot(
        `"leontiefInverse: technicalCoefficients[1] must have 2 entries (the matrix must be square), received an array of length 1 (allowed: a row of length 2)"`,
      );
      expect((catchError(() => leontiefInverse([[0.1, 0.2]])) as ValidationError).code).toBe(ErrorCode.DIMENSION_MISMATCH);
    });

    it("throws NOT_PRODUCTIVE when a column sums to 1 or more", () => {
      const e = catchError(() =>
        leontiefInverse([
          [0.5, 0.1],
          [0.6, 0.1],
        ]),
      );
      expect((e as ValidationError).code).toBe(ErrorCode.NOT_PRODUCTIVE);
      expect((e as Error).message).toMatch(/^leontiefInverse: technicalCoefficients must be a productive input-output matrix: column 0 sums to 1\.1/);
    });

    it("throws SINGULAR_MATRIX when I − A cannot be inverted", () => {
      expect(
        (
          catchError(() =>
            leontiefInverse([
              [1, 0],
              [0, 0],
            ]),
          ) as ValidationError
        ).code,
      ).toBe(ErrorCode.SINGULAR_MATRIX);
      expect(
        (
          catchError(() =>
            leontiefInverse([
              [0.5, 0.5],
              [0.5, 0.5],
            ]),
          ) as ValidationError
        ).code,
      ).toBe(ErrorCode.SINGULAR_MATRIX);
    });

    it("throws OUT_OF_RANGE for a negative coefficient", () => {
      const e = catchError(() =>
        leontiefInverse([
          [0.1, -0.2],
          [0.1, 0.1],
        ]),
      );
      expect((e as ValidationError).code).toBe(ErrorCode.OUT_OF_RANGE);
      expect((e as ValidationError).argument).toBe("technicalCoefficients[0][1]");
    });

    it("throws for an empty matrix, a non-array and a bad tolerance", () => {
      expect((catchError(() => leontiefInverse([])) as ValidationError).code).toBe(ErrorCode.EMPTY_INPUT);
      expect(catchError(() => leontiefInverse("abc" as never))).toBeInstanceOf(ValidationTypeError);
      expect(catchError(() => leontiefInverse([1, 2] as never))).toBeInstanceOf(ValidationTypeError);
      expect((catchError(() => leontiefInverse(A, { tolerance: 0 })) as ValidationError).code).toBe(ErrorCode.OUT_OF_RANGE);
      expect((catchError(() => leontiefInverse(A, { tolerance: Number.NaN })) as ValidationError).code).toBe(ErrorCode.INVALID_NUMBER);
    });
  });
});
