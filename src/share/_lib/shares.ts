/**
 * Internal: shares rounded to `precision` places summing to exactly 1 (largest remainder,
 * tie-break larger weight then earlier index), without sorting every part (#13). The same
 * answer as `largestRemainderShares` of src/_lib/largestRemainder.ts: the `left` units still
 * missing after flooring go to the `left` largest remainders, and only that set matters, so a
 * selection (Hoare's quickselect, expected O(n)) replaces the O(n log n) BigInt sort.
 *
 * References: C. A. R. Hoare, "Algorithm 65: Find", Communications of the ACM 4(7), 1961;
 * Balinski & Young, *Fair Representation* (2001), ch. 2 (Hamilton's method).
 */
import { Decimal } from "../../_lib/decimal.js";
import { scaleToIntegers } from "../../_lib/largestRemainder.js";

export function sharesBySelection(values: readonly Decimal[], precision: number): Decimal[] {
  const ints = scaleToIntegers(values);
  const n = ints.length;
  let total = 0n;
  for (const w of ints) total += w;
  if (total === 0n) return values.map(() => new Decimal(0));
  const units = 10n ** BigInt(precision);
  const parts = new Array<bigint>(n);
  const rems = new Array<bigint>(n);
  let allocated = 0n;
  for (let i = 0; i < n; i++) {
    const numerator = units * (ints[i] as bigint);
    const q = numerator / total;
    parts[i] = q;
    rems[i] = numerator - q * total;
    allocated += q;
  }
  const left = Number(units - allocated); // < n (each remainder < total)
  if (left > 0) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if ((rems[i] as bigint) > 0n) idx.push(i);
    // `a` before `b`: larger remainder, then larger weight, then earlier index.
    const before = (a: number, b: number): boolean => {
      const ra = rems[a] as bigint;
      const rb = rems[b] as bigint;
      if (ra !== rb) return ra > rb;
      const wa = ints[a] as bigint;
      const wb = ints[b] as bigint;
      if (wa !== wb) return wa > wb;
      return a < b;
    };
    selectFirst(idx, Math.min(left, idx.length), before);
    for (let k = 0; k < left && k < idx.length; k++) {
      const i = idx[k] as number;
      parts[i] = (parts[i] as bigint) + 1n;
    }
  }
  return parts.map((f) => new Decimal(`${f.toString()}e-${precision}`));
}

/** Reorder `a` so that its first `k` entries are the `k` first under `before` (in any order). Quickselect with a median-of-three pivot. */
export function selectFirst(a: number[], k: number, before: (x: number, y: number) => boolean): void {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  if (k <= 0 || k >= a.length) return;
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    // median of three as the pivot value
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = before(x, y) ? (before(y, z) ? y : before(x, z) ? z : x) : before(x, z) ? x : before(y, z) ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (before(a[i] as number, pivot)) i++;
      while (before(pivot, a[j] as number)) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}
