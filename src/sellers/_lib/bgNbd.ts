/**
 * Internal machinery of the BG/NBD and Gamma-Gamma models (#17): reading and compressing
 * repeat-purchase summaries, the log-likelihoods, and the model's closed forms, all in float64
 * (see ./special.ts for why).
 */
import { rangeError, toFiniteNumber, toInteger, toRecord, typeError } from "../../_lib/validate.js";
import { ErrorCode } from "../../errors.js";
import { hyp2f1, lnBeta, lnGamma, logAddExp } from "./special.js";
import { toIterableInput } from "./core.js";

/** Largest time (recency, age, horizon) accepted, in the caller's unit. */
export const MAX_MODEL_TIME = 1e9;
/** Largest repeat-purchase count accepted. */
export const MAX_FREQUENCY = 1e9;
/** Most distinct (frequency, recency, T) rows kept while fitting. */
export const MAX_DISTINCT_ROWS = 10_000_000;

/** One validated, possibly weighted, repeat-purchase summary. */
export interface RfmRow {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  count: number;
}

function toTime(value: unknown, fn: string, arg: string, positive: boolean): number {
  if (value == null) typeError(fn, arg, ErrorCode.MISSING_VALUE, "is required", value, `a number ${positive ? ">" : "≥"} 0 and ≤ ${MAX_MODEL_TIME}`);
  if (typeof value !== "number") typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a number", value, `a number ${positive ? ">" : "≥"} 0 and ≤ ${MAX_MODEL_TIME}`);
  const v = toFiniteNumber(value, fn, arg);
  if ((positive ? !(v > 0) : v < 0) || v > MAX_MODEL_TIME)
    rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `must be ${positive ? ">" : "≥"} 0 and ≤ ${MAX_MODEL_TIME}`, value, `a number ${positive ? ">" : "≥"} 0 and ≤ ${MAX_MODEL_TIME}`);
  return v === 0 ? 0 : v;
}

/**
 * Read `{ frequency, recency, T }` (and `count` when `weighted`): frequency an integer ≥ 0,
 * 0 ≤ recency ≤ T, T > 0, recency 0 when frequency is 0.
 */
export function readRfm(value: unknown, fn: string, arg: string, weighted: boolean): RfmRow {
  const r = toRecord(value, fn, arg);
  let frequency: unknown;
  let recency: unknown;
  let age: unknown;
  let count: unknown;
  try {
    frequency = r["frequency"];
    recency = r["recency"];
    age = r["T"];
    count = weighted ? r["count"] : undefined;
  } catch {
    typeError(fn, arg, ErrorCode.INVALID_TYPE, "could not be read (its getter threw)", undefined, "a summary { frequency, recency, T }");
  }
  const x = toInteger(frequency, fn, `${arg}.frequency`, 0, MAX_FREQUENCY);
  const tx = toTime(recency, fn, `${arg}.recency`, false);
  const T = toTime(age, fn, `${arg}.T`, true);
  if (tx > T) rangeError(fn, `${arg}.recency`, ErrorCode.OUT_OF_RANGE, `must not exceed T (${T})`, recency, "0 ≤ recency ≤ T: the last repeat purchase happens within the observation period");
  if (x === 0 && tx !== 0) rangeError(fn, `${arg}.recency`, ErrorCode.OUT_OF_RANGE, "must be 0 when frequency is 0", recency, "recency 0 for a seller (customer) with no repeat purchase");
  const c = count === undefined ? 1 : toInteger(count, fn, `${arg}.count`, 1, Number.MAX_SAFE_INTEGER);
  return { x, tx, T, count: c };
}

/** Compress summaries into distinct rows with counts (one pass; an array or any sync iterable). */
export function compressRfm(value: unknown, fn: string, arg: string): { rows: RfmRow[]; total: number } {
  const source = toIterableInput<unknown>(value, fn, arg, "repeat-purchase summaries { frequency, recency, T }");
  const byKey = new Map<string, RfmRow>();
  let i = 0;
  let total = 0;
  for (const item of source) {
    const row = readRfm(item, fn, `${arg}[${i}]`, true);
    i += 1;
    total += row.count;
    if (!Number.isSafeInteger(total)) rangeError(fn, `${arg}[${i - 1}].count`, ErrorCode.OUT_OF_RANGE, "makes the total count exceed 2^53 − 1", row.count, "smaller counts");
    const key = `${row.x}|${row.tx}|${row.T}`;
    const hit = byKey.get(key);
    if (hit !== undefined) hit.count += row.count;
    else {
      if (byKey.size >= MAX_DISTINCT_ROWS)
        rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `has more than ${MAX_DISTINCT_ROWS} distinct (frequency, recency, T) rows`, i, "fewer distinct rows (round recency and T to days or weeks)");
      byKey.set(key, { ...row });
    }
  }
  if (total === 0) rangeError(fn, arg, ErrorCode.EMPTY_INPUT, "must hold at least one summary", value, "one or more { frequency, recency, T } records");
  return { rows: [...byKey.values()], total };
}

/** BG/NBD parameters. */
export interface BgParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * ln L of one summary (Fader, Hardie & Lee 2005, eq. 6):
 * L = B(a, b + x)/B(a, b) · Γ(r + x)/Γ(r) · α^r · [(α + T)^−(r+x) + δ(x>0) · a/(b + x − 1) · (α + tₓ)^−(r+x)]
 * rewritten with B(a, b + x)/B(a, b) = Γ(a + b)Γ(b + x)/(Γ(b)Γ(a + b + x)) and, for x > 0,
 * B(a + 1, b + x − 1)/B(a, b) = that × a/(b + x − 1).
 */
export function bgLogLikelihood(p: BgParams, rows: readonly RfmRow[]): number {
  const { r, alpha, a, b } = p;
  const lnGr = lnGamma(r);
  const lnAlpha = Math.log(alpha);
  const lnGab = lnGamma(a + b);
  const lnGb = lnGamma(b);
  const lnA = Math.log(a);
  let sum = 0;
  for (const row of rows) {
    const { x, tx, T } = row;
    const a1 = lnGamma(r + x) - lnGr + r * lnAlpha;
    const a2 = lnGab + lnGamma(b + x) - lnGb - lnGamma(a + b + x);
    const a3 = -(r + x) * Math.log(alpha + T);
    const term = x > 0 ? logAddExp(a3, lnA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx)) : a3;
    sum += row.count * (a1 + a2 + term);
  }
  return sum;
}

/** P(alive | x, tₓ, T) (Fader, Hardie & Lee 2005, eq. 12; the note "Computing P(alive)" 2008). */
export function bgProbabilityAlive(p: BgParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const lnRatio = Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(lnRatio));
}

/** `undefined` when the ₂F₁ series does not converge. */
export function bgExpected(p: BgParams, t: number): number | undefined {
  const { r, alpha, a, b } = p;
  if (t === 0) return 0;
  const z = t / (alpha + t);
  const f = hyp2f1(r, b, a + b - 1, z);
  if (f === undefined) return undefined;
  // 1 − (α/(α+t))^r ₂F₁(…): computed as −expm1(r ln(α/(α+t)) + ln ₂F₁) to keep small t exact.
  const bracket = -Math.expm1(r * Math.log(alpha / (alpha + t)) + Math.log(f));
  return ((a + b - 1) / (a - 1)) * bracket;
}

/** E[Y(t) | x, tₓ, T] (Fader, Hardie & Lee 2005, eq. 10); `undefined` when ₂F₁ does not converge. */
export function bgConditionalExpected(p: BgParams, x: number, tx: number, T: number, t: number): number | undefined {
  const { r, alpha, a, b } = p;
  if (t === 0) return 0;
  const z = t / (alpha + T + t);
  const f = hyp2f1(r + x, b + x, a + b + x - 1, z);
  if (f === undefined) return undefined;
  const bracket = -Math.expm1((r + x) * Math.log((alpha + T) / (alpha + T + t)) + Math.log(f));
  const numerator = ((a + b + x - 1) / (a - 1)) * bracket;
  if (x === 0) return numerator;
  const lnRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return numerator / (1 + Math.exp(lnRatio));
}

/** P(X(t) = n) (Fader, Hardie & Lee 2005, eq. 8). */
export function bgProbabilityOfPurchases(p: BgParams, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  const lnBab = lnBeta(a, b);
  const lnQ = Math.log(alpha / (alpha + t)); // ln(α/(α+t))
  const lnZ = t === 0 ? -Infinity : Math.log(t / (alpha + t));
  const nbd = (j: number): number => Math.exp(lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * lnQ + (j === 0 ? 0 : j * lnZ));
  const first = Math.exp(lnBeta(a, b + n) - lnBab) * nbd(n);
  if (n === 0) return first;
  let cdf = 0;
  for (let j = 0; j < n; j++) cdf += nbd(j);
  const tail = Math.max(0, 1 - cdf);
  return first + Math.exp(lnBeta(a + 1, b + n - 1) - lnBab) * tail;
}

/** Gamma-Gamma parameters. */
export interface GgParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** One Gamma-Gamma row: x repeat transactions (> 0) with average value m (> 0), weighted. */
export interface SpendRow {
  readonly x: number;
  readonly m: number;
  count: number;
}

/**
 * ln L of one (x, m̄ₓ) (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value", eq. 5):
 * ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln m̄ₓ + px ln x − (px + q) ln(γ + x m̄ₓ).
 */
export function ggLogLikelihood(g: GgParams, rows: readonly SpendRow[]): number {
  const { p, q, gamma } = g;
  const lnGq = lnGamma(q);
  const lnGamma0 = Math.log(gamma);
  let sum = 0;
  for (const row of rows) {
    const { x, m } = row;
    const px = p * x;
    sum += row.count * (lnGamma(px + q) - lnGamma(px) - lnGq + q * lnGamma0 + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(gamma + x * m));
  }
  return sum;
}

/** E(M | p, q, γ, m̄ₓ, x) = p (γ + x m̄ₓ) / (p x + q − 1) (Fader & Hardie 2013, eq. 6); q > 1. */
export function ggExpectedSpend(g: GgParams, x: number, m: number): number {
  return (g.p * (g.gamma + x * m)) / (g.p * x + g.q - 1);
}

/** Validate a parameter object `{ names… }` of positive finite numbers. */
export function readParams<K extends string>(value: unknown, fn: string, arg: string, names: readonly K[], kind: string): Readonly<Record<K, number>> {
  const r = toRecord(value, fn, arg);
  const out = {} as Record<K, number>;
  for (const k of names) {
    let v: unknown;
    try {
      v = r[k];
    } catch {
      typeError(fn, `${arg}.${k}`, ErrorCode.INVALID_TYPE, "could not be read (its getter threw)", undefined, "a number > 0");
    }
    if (typeof v !== "number") typeError(fn, `${arg}.${k}`, v == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a number", v, `a number > 0 (a ${kind} parameter)`);
    const n = toFiniteNumber(v, fn, `${arg}.${k}`);
    if (!(n > 0) || n > 1e12) rangeError(fn, `${arg}.${k}`, ErrorCode.OUT_OF_RANGE, "must be > 0 and ≤ 1e12", v, `a number > 0 (a ${kind} parameter)`);
    out[k] = n;
  }
  return out;
}

/** A model time (t, horizon) ≥ 0. */
export function toModelTime(value: unknown, fn: string, arg: string): number {
  return toTime(value, fn, arg, false);
}

/** A computed float that must be finite, else UNDEFINED_RESULT. */
export function finite(v: number | undefined, fn: string, what: string): number {
  if (v === undefined || !Number.isFinite(v)) {
    throw rangeErrorOf(fn, what);
  }
  return v;
}

function rangeErrorOf(fn: string, what: string): never {
  return rangeError(
    fn,
    "params",
    ErrorCode.UNDEFINED_RESULT,
    `give no finite ${what} for these inputs (the ₂F₁ series did not converge in ${20_000_000} terms, or a = 1)`,
    undefined,
    "parameters with a ≠ 1 and a horizon that is not extreme against α",
  );
}
