/**
 * Internal: exact present value of many dated amounts in scaled integers (BigInt), for xnpv.
 * Never exported from the package.
 *
 * decimal.js spends about 2 µs on each 40-digit operation, so a million flows took tens of
 * seconds. Here every amount is an exact integer multiple of 10^-S (S = the most decimals any
 * amount has), same-day amounts are summed exactly, and Horner's scheme runs from the latest day
 * in binary fixed point with B = 256 fractional bits: acc ← ⌊acc·Wⱼ / 2^B⌋ + sumⱼ·2^B, with
 * Wⱼ = round(v^(tⱼ₊₁ - tⱼ) · 2^B) computed once per distinct gap in 80-digit decimal. Each step
 * truncates less than one unit of 2^-B, each W is within 1e-80 relative, so after n steps the
 * error is below n·2^-256 of the largest term: far below the 28 significant digits returned.
 * Amounts whose exponent makes the integers huge (beyond 10^±400) are left to the decimal path.
 */
import { Decimal } from "../../_lib/decimal.js";

const B = 256n;
const ONE = 1n << B;
let W80: typeof Decimal | undefined;

function w80(): typeof Decimal {
  W80 ??= Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
  return W80;
}

/** Mantissa digits and decimal exponent of a finite number or Decimal: value = m · 10^e. */
function split(text: string): { m: bigint; e: number } {
  const lower = text.toLowerCase();
  const ei = lower.indexOf("e");
  let mant = ei < 0 ? lower : lower.slice(0, ei);
  let e = ei < 0 ? 0 : Number(lower.slice(ei + 1));
  const dot = mant.indexOf(".");
  if (dot >= 0) {
    e -= mant.length - dot - 1;
    mant = mant.slice(0, dot) + mant.slice(dot + 1);
  }
  return { m: BigInt(mant), e };
}

/** The largest |decimal exponent| this path accepts (else the caller computes in Decimal). */
const MAX_EXP = 400;

/**
 * Σ amountsᵢ · v^(kᵢ) exactly enough for 28 digits, or `undefined` when an amount's exponent is
 * outside ±400 (then the caller uses decimal arithmetic).
 *
 * @param texts - exact decimal text of each amount, in ascending day order
 * @param keys - per amount its time in whole units (kᵢ ascending, k₀ ≥ 0)
 * @param rate - the discount rate per year (> -1)
 * @param D - units per year: v = (1 + rate)^(-1/D) per unit
 */
export function exactNpv(texts: readonly string[], keys: ArrayLike<number>, rate: Decimal, D: number): Decimal | undefined {
  const n = texts.length;
  const ms = new Array<bigint>(n);
  const es = new Int32Array(n);
  let S = 0;
  for (let i = 0; i < n; i++) {
    const { m, e } = split(texts[i]!);
    if (!(Math.abs(e) <= MAX_EXP)) return undefined;
    ms[i] = m;
    es[i] = e;
    if (-e > S) S = -e;
  }
  const H = w80();
  const v = new H(rate.toString()).plus(1).pow(new H(-1).div(D));
  const wCache = new Map<number, bigint>();
  const twoB = new H(2).pow(Number(B));
  const W = (gap: number): bigint => {
    let w = wCache.get(gap);
    if (w === undefined) {
      w = BigInt(v.pow(gap).times(twoB).toDecimalPlaces(0).toFixed(0));
      wCache.set(gap, w);
    }
    return w;
  };
  const pow10 = new Map<number, bigint>();
  const scale = (i: number): bigint => {
    const z = es[i]! + S;
    if (z === 0) return ms[i]!;
    let p = pow10.get(z);
    if (p === undefined) {
      p = 10n ** BigInt(z);
      pow10.set(z, p);
    }
    return ms[i]! * p;
  };
  let acc = 0n;
  let next = 0;
  let started = false;
  for (let i = n - 1; i >= 0;) {
    const k = keys[i]!;
    let sum = scale(i);
    let j = i - 1;
    while (j >= 0 && keys[j] === k) sum += scale(j--);
    i = j;
    if (started && next !== k) acc = (acc * W(next - k)) >> B;
    acc += sum << B;
    next = k;
    started = true;
  }
  if (next !== 0) acc = (acc * W(next)) >> B;
  // acc / (2^B · 10^S), in 80 digits (exact to far more than the 28 digits returned)
  return new H(acc.toString()).div(new H(ONE.toString())).div(new H(10).pow(S));
}
