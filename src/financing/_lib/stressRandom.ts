/**
 * The counter-based random numbers of the stress test (#12, item 5). Each draw is a hash of
 * (seed, scenario, stream, index), not the next state of a sequence: the same seed gives the
 * same draw for a scenario whatever order the scenarios run in and however they are split
 * between workers. The hash is a chain of Chris Wellons' "lowbias32" integer finaliser
 * (hash-prospector, constants 0x7feb352d / 0x846ca68b), in 32-bit integer arithmetic
 * (`Math.imul`, shifts): exact and identical on every JavaScript engine. Never exported.
 */
import { normalQuantile } from "../../_lib/normal.js";

/** lowbias32: a bijective 32-bit mixer with low bias (hash-prospector). */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 32-bit hash of five 32-bit words. */
function hash5(seed: number, a: number, b: number, c: number, d: number): number {
  let h = mix32((seed ^ 0x9e3779b9) >>> 0);
  h = mix32((h ^ a) >>> 0);
  h = mix32(((h + 0x632be5ab) ^ b) >>> 0);
  h = mix32(((h + 0x2545f491) ^ c) >>> 0);
  return mix32((h ^ d ^ 0x85ebca6b) >>> 0);
}

/** Streams of draws (the `b` word of the hash). */
export const STREAM = Object.freeze({ common: 1, segment: 2, seller: 3, stop: 4 });

/**
 * A uniform number in (0, 1) with 53 random bits: ((k + 0.5) / 2^53), so never 0 or 1 and safe
 * for the normal quantile. `index` numbers the draws of one (scenario, stream, key).
 */
export function uniform(seed: number, scenario: number, stream: number, key: number, index = 0): number {
  const hi = hash5(seed, scenario >>> 0, stream, key >>> 0, (index * 2) >>> 0) >>> 5; // 27 bits
  const lo = hash5(seed, scenario >>> 0, stream, key >>> 0, (index * 2 + 1) >>> 0) >>> 6; // 26 bits
  return (hi * 67_108_864 + lo + 0.5) / 9_007_199_254_740_992;
}

/** A standard normal draw by inversion (the library's Acklam quantile) of {@link uniform}. */
export function normal(seed: number, scenario: number, stream: number, key: number): number {
  return normalQuantile(uniform(seed, scenario, stream, key));
}
