/**
 * Internal float64 matrix helpers for the jobs module (input-output analysis). Never exported
 * from the package.
 *
 * Matrices are validated into row-major `Float64Array`s; results are handed back as frozen
 * `number[][]`. Input-output coefficients are ratios of flows, not money, so float64 is used on
 * purpose (see the `leontiefInverse` docs for the tolerance policy).
 */
import { ErrorCode } from "../../errors.js";
import { rangeError, toFiniteNumber, toOptions, toRecord, typeError } from "../../_lib/validate.js";
import { finiteNumbers, MAX_SECTORS, toDenseArray } from "./validate.js";

/** A validated square matrix in row-major order. */
export interface JobsSquareMatrix {
  readonly n: number;
  readonly data: Float64Array;
}

/** Default relative tolerance of the Gauss–Jordan pivot test and of the sign test on the inverse. */
export const JOBS_DEFAULT_TOLERANCE = 1e-12;

/**
 * Validate a non-empty square matrix of finite numbers (`readonly (readonly number[])[]`): no
 * holes in the rows or in any row, every row of length n, n ≤ {@link MAX_SECTORS}.
 */
export function toSquareMatrix(value: unknown, fn: string, arg: string): JobsSquareMatrix {
  const rows = toDenseArray<unknown>(value, fn, arg, { nonEmpty: true, maxLength: MAX_SECTORS });
  const n = rows.length;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row)) typeError(fn, `${arg}[${i}]`, ErrorCode.INVALID_TYPE, "must be an array (a matrix row)", row, "an array of numbers");
    if (row.length !== n) {
      rangeError(fn, `${arg}[${i}]`, ErrorCode.DIMENSION_MISMATCH, `must have ${n} entries (the matrix must be square)`, row, `a row of length ${n}`);
    }
    const cells = toDenseArray<unknown>(row, fn, `${arg}[${i}]`, { maxLength: n });
    for (let j = 0; j < n; j++) data[i * n + j] = toFiniteNumber(cells[j], fn, `${arg}[${i}][${j}]`);
  }
  return { n, data };
}

/** Validate a vector of finite numbers of length `n`. */
export function toVector(value: unknown, fn: string, arg: string, n: number): Float64Array {
  const items = toDenseArray<unknown>(value, fn, arg, { maxLength: MAX_SECTORS + 1 });
  if (items.length !== n) {
    rangeError(fn, arg, ErrorCode.DIMENSION_MISMATCH, `must have ${n} entries (one per sector)`, value, `an array of length ${n}`);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = toFiniteNumber(items[i], fn, `${arg}[${i}]`);
  return out;
}

/** Throw unless every entry of a vector is ≥ 0. */
export function assertNonNegativeVector(data: Float64Array, fn: string, arg: string): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (v < 0) rangeError(fn, `${arg}[${i}]`, ErrorCode.OUT_OF_RANGE, "must be ≥ 0", v, "a number ≥ 0");
  }
}

/** Throw OUT_OF_RANGE for a negative coefficient. */
export function assertNonNegativeMatrix(a: JobsSquareMatrix, fn: string, arg: string): void {
  const { n, data } = a;
  for (let k = 0; k < data.length; k++) {
    const v = data[k] as number;
    if (v < 0) rangeError(fn, `${arg}[${Math.floor(k / n)}][${k % n}]`, ErrorCode.OUT_OF_RANGE, "must be ≥ 0", v, "a number ≥ 0");
  }
}

/** Throw NOT_PRODUCTIVE when a column of the technical-coefficient matrix sums to 1 or more. */
export function assertColumnSumsBelowOne(a: JobsSquareMatrix, fn: string, arg: string): void {
  const { n, data } = a;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += data[i * n + j] as number;
    if (s >= 1) {
      notProductive(fn, arg, `column ${j} sums to ${s} (≥ 1: the sector uses at least one unit of inputs per unit of output)`, s);
    }
  }
}

function notProductive(fn: string, arg: string, why: string, received: unknown): never {
  return rangeError(fn, arg, ErrorCode.NOT_PRODUCTIVE, `must be a productive input-output matrix: ${why}`, received, "non-negative coefficients with every column sum < 1");
}

/**
 * Invert `I − A` by Gauss–Jordan elimination with partial pivoting (float64, row-major).
 * Throws SINGULAR_MATRIX when a pivot is ≤ `tolerance × ‖I − A‖∞`.
 */
export function leontiefInverseData(a: JobsSquareMatrix, tolerance: number, fn: string, arg: string): Float64Array {
  const { n, data } = a;
  const w = 2 * n;
  const m = new Float64Array(n * w);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < n; j++) {
      const v = (i === j ? 1 : 0) - (data[i * n + j] as number);
      m[i * w + j] = v;
      rowSum += Math.abs(v);
    }
    m[i * w + n + i] = 1;
    if (rowSum > norm) norm = rowSum;
  }
  const threshold = tolerance * norm;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(m[k * w + k] as number);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(m[i * w + k] as number);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > threshold)) {
      rangeError(fn, arg, ErrorCode.SINGULAR_MATRIX, `must give an invertible I − A: pivot ${k} is ${best} (≤ ${threshold})`, best, `a matrix whose I − A has pivots > ${tolerance} × ‖I − A‖∞`);
    }
    if (p !== k) {
      for (let j = 0; j < w; j++) {
        const t = m[k * w + j] as number;
        m[k * w + j] = m[p * w + j] as number;
        m[p * w + j] = t;
      }
    }
    const kr = k * w;
    const inv = 1 / (m[kr + k] as number);
    for (let j = k; j < w; j++) m[kr + j] = (m[kr + j] as number) * inv;
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const ir = i * w;
      const f = m[ir + k] as number;
      if (f === 0) continue;
      for (let j = k; j < w; j++) m[ir + j] = (m[ir + j] as number) - f * (m[kr + j] as number);
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out.set(m.subarray(i * w + n, i * w + w), i * n);
  return out;
}

/**
 * Throw NOT_PRODUCTIVE when an entry of the inverse is below `−tolerance × max|L|`; negative
 * round-off above that bound is set to 0 (in place).
 */
export function assertNonNegativeInverse(out: Float64Array, n: number, tolerance: number, fn: string, arg: string): void {
  let maxAbs = 0;
  for (let k = 0; k < out.length; k++) maxAbs = Math.max(maxAbs, Math.abs(out[k] as number));
  const negBound = tolerance * maxAbs;
  for (let k = 0; k < out.length; k++) {
    const v = out[k] as number;
    if (v < 0) {
      if (v < -negBound) notProductive(fn, arg, `entry [${Math.floor(k / n)}][${k % n}] of (I − A)⁻¹ is ${v} (< 0)`, v);
      out[k] = 0;
    }
  }
}

/**
 * Validate A and return its Leontief inverse: non-negative entries, invertible I − A
 * (SINGULAR_MATRIX: a pivot at or below the tolerance, NaN from huge entries, or an inverse that
 * overflows float64), column sums < 1 and a non-negative inverse (NOT_PRODUCTIVE).
 */
export function checkedLeontiefInverse(a: JobsSquareMatrix, tolerance: number, fn: string, arg: string): Float64Array {
  assertNonNegativeMatrix(a, fn, arg);
  const inv = leontiefInverseData(a, tolerance, fn, arg);
  assertColumnSumsBelowOne(a, fn, arg);
  for (let k = 0; k < inv.length; k++) {
    if (!Number.isFinite(inv[k] as number)) {
      rangeError(fn, arg, ErrorCode.SINGULAR_MATRIX, "must give an invertible I − A: the inverse overflows float64 (near-singular)", inv[k], "a matrix whose column sums stay clearly below 1");
    }
  }
  assertNonNegativeInverse(inv, a.n, tolerance, fn, arg);
  return inv;
}

/** Throw OUT_OF_RANGE unless every number of a result vector is finite. */
export function assertFiniteResult(values: Float64Array, fn: string, what: string): void {
  finiteNumbers(values, fn, what);
}

/** y = M x for a row-major n×n matrix. */
export function matVec(m: Float64Array, n: number, x: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += (m[i * n + j] as number) * (x[j] as number);
    y[i] = s;
  }
  return y;
}

/** Frozen `number[][]` from row-major data. */
export function toFrozenRows(data: Float64Array, n: number): readonly (readonly number[])[] {
  const rows: (readonly number[])[] = [];
  for (let i = 0; i < n; i++) rows.push(Object.freeze(Array.from(data.subarray(i * n, (i + 1) * n))));
  return Object.freeze(rows);
}

/**
 * The n+1 × n+1 matrix of the model closed with respect to households (Miller & Blair 2009,
 * § 2.5 and § 6.2.2): A bordered by the household column `households.consumption` (purchases
 * per unit of household income), the household row `households.laborIncome` (labour income per
 * unit of output) and the corner `households.householdToHousehold` (default 0), all validated
 * (≥ 0, one entry per sector; argument names `households.*`).
 */
export function closedHouseholdMatrix(a: JobsSquareMatrix, households: unknown, fn: string): JobsSquareMatrix {
  const n = a.n;
  const h = toOptions(toRecord(households, fn, "households"), fn, "households", ["laborIncome", "consumption", "householdToHousehold"]);
  const row = toVector(h["laborIncome"], fn, "households.laborIncome", n);
  assertNonNegativeVector(row, fn, "households.laborIncome");
  const col = toVector(h["consumption"], fn, "households.consumption", n);
  assertNonNegativeVector(col, fn, "households.consumption");
  const corner = h["householdToHousehold"] === undefined ? 0 : toFiniteNumber(h["householdToHousehold"], fn, "households.householdToHousehold");
  const m = n + 1;
  const data = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) data[i * m + j] = a.data[i * n + j] as number;
    data[i * m + n] = col[i] as number;
    data[n * m + i] = row[i] as number;
  }
  data[n * m + n] = corner;
  return { n: m, data };
}
