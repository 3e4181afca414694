/**
 * The library's one largest-remainder (Hamilton) apportionment core, used by money's
 * `allocate` (tie-break `"earlier-index"`), share's finalize (`largestRemainderShares`, tie-break
 * `"larger-weight"`) and available to any module on bigints or plain safe integers.
 *
 * Splits `units` (≥ 0) in proportion to non-negative integer `weights` (at least one > 0):
 * each part is first floored to ⌊units·wᵢ / W⌋ (W = Σw); the `units − Σ⌊…⌋` units left over
 * (fewer than the number of parts with a non-zero remainder) go one at a time to the parts with
 * the largest remainders units·wᵢ mod W. Parts always sum to `units`, each is within one unit of
 * its exact share, and a zero weight always gets zero.
 *
 * ## Tie-breaks (equal remainders)
 * - `"earlier-index"`: the earlier part first (dinero.js's `distribute`, money's `allocate`);
 * - `"larger-weight"`: the larger weight first, then the earlier part (share's finalize: a
 *   larger segment wins a tied last unit of share).
 *
 * ## References
 * Hamilton's method: M. L. Balinski, H. P. Young, *Fair Representation* (2001), ch. 2;
 * dinerojs/dinero.js `packages/core/src/utils/distribute.ts`.
 */
import { Decimal } from "./decimal.js";

/** How {@link largestRemainder} orders parts whose remainders are equal. */
export type RemainderTieBreak = "earlier-index" | "larger-weight";

function order(rems: readonly bigint[], weights: readonly bigint[], tieBreak: RemainderTieBreak): number[] {
  const idx: number[] = [];
  for (let i = 0; i < rems.length; i++) if ((rems[i] as bigint) > 0n) idx.push(i);
  return idx.sort((a, b) => {
    const ra = rems[a] as bigint;
    const rb = rems[b] as bigint;
    if (ra !== rb) return ra > rb ? -1 : 1;
    if (tieBreak === "larger-weight") {
      const wa = weights[a] as bigint;
      const wb = weights[b] as bigint;
      if (wa !== wb) return wa > wb ? -1 : 1;
    }
    return a - b;
  });
}

/**
 * Largest-remainder split of `units` by `weights` (bigints; see the module notes). The caller
 * guarantees `units ≥ 0`, every weight ≥ 0 and at least one weight > 0.
 *
 * @returns a new array of parts, one per weight, summing to `units`
 */
export function largestRemainder(units: bigint, weights: readonly bigint[], tieBreak: RemainderTieBreak = "earlier-index"): bigint[] {
  let total = 0n;
  for (const w of weights) total += w;
  const n = weights.length;
  const parts: bigint[] = new Array<bigint>(n);
  const rems: bigint[] = new Array<bigint>(n);
  let allocated = 0n;
  for (let i = 0; i < n; i++) {
    const numerator = units * (weights[i] as bigint);
    const q = numerator / total;
    parts[i] = q;
    rems[i] = numerator - q * total;
    allocated += q;
  }
  let left = units - allocated;
  if (left > 0n) {
    for (const i of order(rems, weights, tieBreak)) {
      if (left === 0n) break;
      parts[i] = (parts[i] as bigint) + 1n;
      left -= 1n;
    }
  }
  return parts;
}

/**
 * {@link largestRemainder} on plain numbers: `units` and `weights` are non-negative safe
 * integers. Exact: products that could pass 2^53 are computed with bigints. Writes the parts into
 * `out` (a new array by default) and returns it, so a hot loop can reuse one buffer.
 */
export function largestRemainderNumbers(units: number, weights: ArrayLike<number>, tieBreak: RemainderTieBreak = "earlier-index", out: number[] = new Array<number>(weights.length)): number[] {
  const n = weights.length;
  let total = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    total += w;
    if (w > max) max = w;
  }
  if (units * max > Number.MAX_SAFE_INTEGER || total > Number.MAX_SAFE_INTEGER) {
    const big: bigint[] = new Array<bigint>(n);
    for (let i = 0; i < n; i++) big[i] = BigInt(weights[i] as number);
    const parts = largestRemainder(BigInt(units), big, tieBreak);
    for (let i = 0; i < n; i++) out[i] = Number(parts[i]);
    return out;
  }
  const rems: number[] = new Array<number>(n);
  let allocated = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    const numerator = units * w;
    const q = Math.floor(numerator / total);
    out[i] = q;
    rems[i] = numerator - q * total;
    allocated += q;
  }
  let left = units - allocated;
  if (left > 0) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if ((rems[i] as number) > 0) idx.push(i);
    idx.sort((a, b) => (rems[b] as number) - (rems[a] as number) || (tieBreak === "larger-weight" ? (weights[b] as number) - (weights[a] as number) : 0) || a - b);
    for (const i of idx) {
      if (left === 0) break;
      out[i] = (out[i] as number) + 1;
      left -= 1;
    }
  }
  return out;
}

/**
 * Non-negative Decimals as integers sharing one power of ten (`["0.7", "0.35"]` → `[70n, 35n]`),
 * exactly: `toFixed(k)` with k ≥ every value's decimal places never rounds.
 */
export function scaleToIntegers(values: readonly Decimal[]): bigint[] {
  let k = 0;
  for (const v of values) k = Math.max(k, v.decimalPlaces());
  return values.map((v) => BigInt(v.toFixed(k).replace(".", "")));
}

/**
 * Shares of `values` (all ≥ 0) rounded to `precision` decimal places that sum to exactly 1:
 * {@link largestRemainder} of 10^precision units with the `"larger-weight"` tie-break. All
 * zero (or empty) gives all zeros.
 */
export function largestRemainderShares(values: readonly Decimal[], precision: number): Decimal[] {
  const ints = scaleToIntegers(values);
  if (!ints.some((v) => v > 0n)) return values.map(() => new Decimal(0));
  const parts = largestRemainder(10n ** BigInt(precision), ints, "larger-weight");
  // Shift the decimal point textually so that no Decimal precision limit applies.
  return parts.map((f) => new Decimal(`${f.toString()}e-${precision}`));
}
