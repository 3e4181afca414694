/**
 * Internal: largest-remainder (Hamilton) rounding of non-negative Decimal weights into shares
 * with `precision` decimal places that sum to exactly 1. Exact: works on BigInt integers.
 */
import { Decimal } from "decimal.js";

function scaleOf(values: readonly Decimal[]): number {
  let k = 0;
  for (const v of values) k = Math.max(k, v.decimalPlaces());
  return k;
}

/**
 * Shares of `values` (all ≥ 0, at least one > 0) rounded to `precision` places so that they sum
 * to exactly 1. Each share is floor(v·10^p / T) / 10^p, then the missing units of 10^-p go one by
 * one to the largest remainders; ties go to the larger value, then to the earlier index.
 */
export function largestRemainderShares(values: readonly Decimal[], precision: number): Decimal[] {
  const k = scaleOf(values);
  // v.toFixed(k) is exact (no rounding: k ≥ every value's decimal places); drop the point.
  const ints = values.map((v) => BigInt(v.toFixed(k).replace(".", "")));
  const total = ints.reduce((a, b) => a + b, 0n);
  if (total <= 0n) return values.map(() => new Decimal(0));
  const scale = 10n ** BigInt(precision);
  const floors: bigint[] = [];
  const rems: bigint[] = [];
  let assigned = 0n;
  for (const v of ints) {
    const num = v * scale;
    const f = num / total;
    floors.push(f);
    rems.push(num - f * total);
    assigned += f;
  }
  let left = Number(scale - assigned);
  if (left > 0) {
    const order = ints.map((_, i) => i);
    order.sort((a, b) => {
      const ra = rems[a] as bigint;
      const rb = rems[b] as bigint;
      if (ra !== rb) return ra > rb ? -1 : 1;
      const va = ints[a] as bigint;
      const vb = ints[b] as bigint;
      if (va !== vb) return va > vb ? -1 : 1;
      return a - b;
    });
    for (const i of order) {
      if (left === 0) break;
      floors[i] = (floors[i] as bigint) + 1n;
      left -= 1;
    }
  }
  // Shift the decimal point textually so that no Decimal precision limit applies.
  return floors.map((f) => new Decimal(`${f.toString()}e-${precision}`));
}
