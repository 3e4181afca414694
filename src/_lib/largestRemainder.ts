/**
 * Largest-remainder (Hamilton) apportionment on integers.
 *
 * Splits `units` (≥ 0) in proportion to non-negative integer `weights` (at least one > 0):
 * each part is first floored to `units·wᵢ / W`; the units left over are handed out one at a
 * time to the parts with the largest remainders (ties: earlier index first). Parts always sum
 * to `units` and each is within one unit of its exact share; zero weights always get zero.
 */
export function largestRemainder(units: bigint, weights: readonly bigint[]): bigint[] {
  let total = 0n;
  for (const w of weights) total += w;
  const parts: bigint[] = new Array<bigint>(weights.length);
  const remainders: { index: number; rem: bigint }[] = [];
  let allocated = 0n;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0n;
    const numerator = units * w;
    const q = numerator / total;
    parts[i] = q;
    allocated += q;
    const rem = numerator - q * total;
    if (rem > 0n) remainders.push({ index: i, rem });
  }
  let left = units - allocated;
  remainders.sort((a, b) => (a.rem === b.rem ? a.index - b.index : a.rem > b.rem ? -1 : 1));
  for (const r of remainders) {
    if (left <= 0n) break;
    parts[r.index] = (parts[r.index] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts;
}

/** Scale Decimal-like ratio strings to integers sharing one power of ten. */
export function scaleToIntegers(values: readonly { toFixed(): string; decimalPlaces(): number }[]): bigint[] {
  let dp = 0;
  for (const v of values) dp = Math.max(dp, v.decimalPlaces());
  return values.map((v) => {
    const [intPart = "0", frac = ""] = v.toFixed().split(".");
    return BigInt(intPart + frac.padEnd(dp, "0"));
  });
}
