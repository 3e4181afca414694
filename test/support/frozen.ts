/**
 * Deep immutability check for results (CONTRIBUTING.md "Values": results are frozen plain data).
 *
 * `unfrozenPaths(value)` walks a result and returns the path of every object or array that is
 * not `Object.isFrozen`, so a test reads `expect(unfrozenPaths(r)).toEqual([])` and a failure
 * names the offending field. `Decimal` instances (immutable by their API, not frozen by
 * decimal.js) and `Date`s (whose time cannot be frozen) are leaves.
 */
import { Decimal } from "decimal.js";

export function unfrozenPaths(value: unknown, path = "result", seen: Set<object> = new Set()): string[] {
  if (typeof value !== "object" || value === null) return [];
  if (Decimal.isDecimal(value) || value instanceof Date) return [];
  if (seen.has(value)) return [];
  seen.add(value);
  const out: string[] = Object.isFrozen(value) ? [] : [path];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...unfrozenPaths(v, `${path}[${i}]`, seen)));
  } else {
    for (const [k, v] of Object.entries(value)) out.push(...unfrozenPaths(v, `${path}.${k}`, seen));
  }
  return out;
}
