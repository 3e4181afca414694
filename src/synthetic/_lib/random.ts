/**
 * Internal seeded randomness for the synthetic marketplace: 32-bit hashing, the xoshiro128**
 * generator, and a keyed permutation of [0, n) (a Feistel network with cycle walking) used for
 * stratified (Latin-hypercube) sampling. Never exported from the package.
 *
 * Everything is integer arithmetic on 32-bit words (Math.imul, >>>), so results are identical on
 * every JavaScript engine.
 */

/** "lowbias32" integer hash (C. Wellons, hash-prospector): a bijective 32-bit mixer. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash of (seed, a, b) to a 32-bit unsigned integer. */
export function hash32(seed: number, a: number, b = 0): number {
  let h = mix32((seed ^ 0x9e3779b9) >>> 0);
  h = mix32((h ^ a) >>> 0);
  h = mix32((h + Math.imul(b ^ 0x85ebca6b, 0xc2b2ae35)) >>> 0);
  return h;
}

/** splitmix32 output function for an already-advanced state (state += 0x9e3779b9 per step). */
function splitmixOut(state: number): number {
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const TWO_POW_32 = 4294967296;

/**
 * xoshiro128** 1.1 (D. Blackman and S. Vigna, https://prng.di.unimi.it/xoshiro128starstar.c):
 * 128-bit state, 32-bit outputs, period 2^128 − 1.
 */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Seed from four state words (not all zero), or from one word expanded with splitmix32. */
  constructor(seed: number, s1?: number, s2?: number, s3?: number) {
    if (s1 !== undefined && s2 !== undefined && s3 !== undefined) {
      this.s0 = seed >>> 0;
      this.s1 = s1 >>> 0;
      this.s2 = s2 >>> 0;
      this.s3 = s3 >>> 0;
    } else {
      let st = seed | 0;
      st = (st + 0x9e3779b9) | 0;
      this.s0 = splitmixOut(st);
      st = (st + 0x9e3779b9) | 0;
      this.s1 = splitmixOut(st);
      st = (st + 0x9e3779b9) | 0;
      this.s2 = splitmixOut(st);
      st = (st + 0x9e3779b9) | 0;
      this.s3 = splitmixOut(st);
    }
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r;
  }

  /** Uniform float in the open interval (0, 1) (never 0, never 1). */
  next(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  /** Uniform integer in [0, n) for n ≤ 2^32 (multiply-shift; bias < n / 2^32). */
  nextInt(n: number): number {
    return Math.floor((this.nextUint32() / TWO_POW_32) * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A keyed pseudo-random permutation of [0, n): a 4-round balanced Feistel network on the
 * smallest even bit width covering n, with cycle walking (re-encrypt until the value falls in
 * range). Bijective for any n ≥ 1, O(1) memory, about 1–4 network passes per call.
 */
export function createPermutation(n: number, key: number): (i: number) => number {
  if (n <= 1) return () => 0;
  let bits = Math.max(2, Math.ceil(Math.log2(n)));
  if (bits % 2 === 1) bits += 1;
  const half = bits / 2;
  const mask = half === 16 ? 0xffff : (1 << half) - 1;
  const k0 = hash32(key, 1);
  const k1 = hash32(key, 2);
  const k2 = hash32(key, 3);
  const k3 = hash32(key, 4);
  const round = (r: number, k: number): number => mix32((r ^ k) >>> 0) & mask;
  const encrypt = (x: number): number => {
    let l = Math.floor(x / (mask + 1));
    let r = x & mask;
    let t = l ^ round(r, k0);
    l = r;
    r = t;
    t = l ^ round(r, k1);
    l = r;
    r = t;
    t = l ^ round(r, k2);
    l = r;
    r = t;
    t = l ^ round(r, k3);
    l = r;
    r = t;
    return l * (mask + 1) + r;
  };
  return (i: number): number => {
    let y = encrypt(i);
    while (y >= n) y = encrypt(y);
    return y;
  };
}
