/**
 * The case matrix of the hostile harness and the code that runs one case (in a worker thread).
 *
 * A case is (export row × slot × bad value). The matrix is enumerated deterministically from
 * {@link EXPORTS_TABLE} and {@link BAD_VALUES}, so the main thread and every worker agree on
 * case indexes and only indexes cross the thread boundary. Nothing here imports vitest.
 */
import { readFileSync } from "node:fs";
import { Decimal } from "decimal.js";
import * as duckdb from "../../src/duckdb/index.js";
import * as root from "../../src/index.js";
import { BAD_VALUES, HostileSentinelError, SENTINEL_MESSAGE, type BadValue } from "./catalogue.js";
import { EXPORTS_TABLE, type ExportRow, type SlotPath } from "./exports-table.js";

/**
 * Every public export: the root barrel and the subpath-only modules (scripts/modules.json
 * `subpathOnly`: duckdb, whose optional peer dependency must never load with the root). Names are
 * unique across the library (CONTRIBUTING "The boundary"), so one flat object holds them all.
 */
const lib: Record<string, unknown> & typeof root = { ...root, ...duckdb };
/** Export names by the entry point that exports them (for the coverage check). */
export const ENTRY_POINTS: Readonly<Record<string, readonly string[]>> = { "marketplace-economics": Object.keys(root), "marketplace-economics/duckdb": Object.keys(duckdb) };

/** Outcome classes, worst first. */
export const OUTCOMES = ["hang", "crash", "untyped-error", "wrong-fn", "mutated", "non-finite", "not-frozen", "not-json", "accepted-invalid", "typed-error", "propagated", "ok"] as const;
/** One outcome class. */
export type Outcome = (typeof OUTCOMES)[number];
/** Classes that are failures. */
export const FAILURES: ReadonlySet<Outcome> = new Set(["hang", "crash", "untyped-error", "wrong-fn", "mutated", "non-finite", "not-frozen", "not-json", "accepted-invalid"]);

/** One case of the matrix. */
export interface CaseSpec {
  readonly index: number;
  readonly row: ExportRow;
  readonly path: SlotPath;
  readonly value: BadValue;
}

/** What one case did. */
export interface CaseResult {
  readonly index: number;
  readonly fn: string;
  readonly slot: string;
  readonly value: string;
  readonly kind: string;
  readonly outcome: Outcome;
  readonly detail: string;
  readonly repro: string;
  readonly ms: number;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x) && (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null);

const MAX_SLOT_DEPTH = 5;

/** Every slot of a baseline call: each argument and nested field (first element of arrays). */
export function slotsOf(row: ExportRow): SlotPath[] {
  if (row.kind !== "function" || row.args === undefined) return [];
  const out: SlotPath[] = [];
  const seen = new Set<string>();
  const push = (p: SlotPath): void => {
    const key = JSON.stringify(p);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  };
  const walk = (value: unknown, path: SlotPath): void => {
    push(path);
    if (path.length >= MAX_SLOT_DEPTH || Decimal.isDecimal(value) || value instanceof Date) return;
    if (Array.isArray(value)) {
      if (value.length > 0) walk(value[0], [...path, 0]);
    } else if (isPlainObject(value)) {
      for (const k of Object.keys(value)) if (typeof value[k] !== "function" || path.length > 0) walk(value[k], [...path, k]);
    }
  };
  const args = row.args();
  args.forEach((a, i) => walk(a, [i]));
  for (const p of row.extraSlots ?? []) push(p);
  return out;
}

/** The value at a path of the baseline arguments (undefined when absent). */
export function getIn(root: unknown, path: SlotPath): unknown {
  let node = root;
  for (const k of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[k];
  }
  return node;
}

function shallowCopy(node: unknown): Record<string | number, unknown> {
  if (Array.isArray(node)) {
    const out = new Array<unknown>(node.length);
    for (const k of Object.keys(node)) out[Number(k)] = node[Number(k)];
    return out as unknown as Record<number, unknown>;
  }
  if (node !== null && typeof node === "object") {
    const out = Object.create(Object.getPrototypeOf(node) as object | null) as Record<string, unknown>;
    for (const k of Object.keys(node)) out[k] = (node as Record<string, unknown>)[k];
    return out;
  }
  return {};
}

/** Copy the containers along `path` (so frozen baseline objects can be edited) and put the bad value in. */
export function substitute(args: unknown[], path: SlotPath, value: BadValue): unknown[] {
  const root = [...args];
  let parent: Record<string | number, unknown> = root as unknown as Record<number, unknown>;
  for (let d = 0; d < path.length - 1; d++) {
    const k = path[d] as string | number;
    const copy = shallowCopy(parent[k]);
    parent[k] = copy;
    parent = copy;
  }
  const last = path[path.length - 1] as string | number;
  const baseline = parent[last];
  if (value.mode === "absent") {
    if (path.length === 1) root.length = Number(last);
    else delete parent[last];
  } else if (value.mode === "getter-throws") {
    Object.defineProperty(parent, last, {
      enumerable: true,
      configurable: true,
      get() {
        throw new HostileSentinelError();
      },
    });
  } else {
    parent[last] = value.make(baseline);
  }
  return root;
}

function applies(row: ExportRow, args: unknown[], path: SlotPath, value: BadValue): boolean {
  const baseline = getIn(args, path);
  if (value.mode === "absent") return path.length === 1 ? path[0] === args.length - 1 : typeof path[path.length - 1] === "string";
  if (value.mode === "getter-throws") return path.length > 1;
  void row;
  return value.applies(baseline);
}

let matrix: CaseSpec[] | undefined;

/** The whole matrix, in a fixed order. */
export function enumerateCases(): readonly CaseSpec[] {
  if (matrix !== undefined) return matrix;
  const out: CaseSpec[] = [];
  for (const row of EXPORTS_TABLE) {
    if (row.kind !== "function" || row.args === undefined) continue;
    const args = row.args();
    for (const path of slotsOf(row)) {
      for (const value of BAD_VALUES) if (applies(row, args, path, value)) out.push({ index: out.length, row, path, value });
    }
  }
  matrix = out;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names, rendering

function paramNames(f: unknown): string[] {
  if (typeof f !== "function") return [];
  const src = Function.prototype.toString.call(f);
  const m = /^(?:async\s+)?function\s*\*?\s*[\w$]*\s*\(([^)]*)\)/u.exec(src);
  if (m === null) return [];
  const names: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of m[1] ?? "") {
    if ("([{".includes(ch)) depth++;
    if (")]}".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      names.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim() !== "") names.push(cur);
  return names.map((n) => n.trim().split(/[\s=:]/u)[0] ?? "?");
}

/** `options.when`, `sales[0].amount.currency`. */
export function slotName(row: ExportRow, path: SlotPath): string {
  const names = paramNames((lib as Record<string, unknown>)[row.name]);
  const i = path[0] as number;
  const rest = names.at(-1)?.startsWith("...") === true && i >= names.length - 1 ? `${names.at(-1)?.slice(3)}[${i - names.length + 1}]` : (names[i] ?? `arg${i}`);
  let s = rest;
  for (const k of path.slice(1)) s += typeof k === "number" ? `[${k}]` : /^[A-Za-z_$][\w$]*$/u.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
  return s;
}

const SMALL = 4;

function renderLeaf(x: unknown): string | undefined {
  if (x === undefined) return "undefined";
  if (x === null) return "null";
  if (typeof x === "number") return Object.is(x, -0) ? "-0" : String(x);
  if (typeof x === "string") return JSON.stringify(x);
  if (typeof x === "boolean") return String(x);
  if (typeof x === "bigint") return `${x}n`;
  if (typeof x === "symbol") return String(x);
  if (typeof x === "function") {
    const src = Function.prototype.toString.call(x).replace(/\s+/gu, " ");
    return src.length <= 60 ? src : "<function>";
  }
  if (Decimal.isDecimal(x)) return `new Decimal("${x.toString()}")`;
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? "new Date(NaN)" : `new Date("${x.toISOString()}")`;
  if (isPlainObject(x) && Decimal.isDecimal(x["amount"]) && typeof x["currency"] === "string" && Object.keys(x).length === 2) {
    return `money("${(x["amount"] as Decimal).toString()}", ${JSON.stringify(x["currency"])})`;
  }
  return undefined;
}

function isSmall(x: unknown, depth = 0): boolean {
  if (renderLeaf(x) !== undefined) return true;
  if (depth >= 2) return false;
  if (Array.isArray(x)) return x.length <= SMALL && x.every((e) => isSmall(e, depth + 1));
  if (isPlainObject(x)) return Object.keys(x).length <= SMALL && Object.values(x).every((e) => isSmall(e, depth + 1));
  return false;
}

function render(x: unknown, path: SlotPath, label: string, mode: BadValue["mode"]): string {
  if (path.length === 0) return label;
  const [k, ...rest] = path as [string | number, ...(string | number)[]];
  const leaf = rest.length === 0;
  if (Array.isArray(x)) {
    const i = Number(k);
    const parts: string[] = [];
    const shown = Math.max(Math.min(x.length, SMALL), i + 1);
    for (let j = 0; j < shown; j++) {
      if (j === i) parts.push(leaf && mode === "getter-throws" ? "<element whose getter throws>" : render(x[j], rest, label, mode));
      else parts.push(j < x.length ? renderAny(x[j]) : "");
    }
    if (x.length > shown) parts.push(`… ${x.length - shown} more`);
    return `[${parts.join(", ")}]`;
  }
  const obj = isPlainObject(x) ? x : {};
  const parts: string[] = [];
  const keys = Object.keys(obj);
  if (!keys.includes(String(k))) keys.push(String(k));
  for (const key of keys) {
    const name = /^[A-Za-z_$][\w$]*$/u.test(key) ? key : JSON.stringify(key);
    if (key === String(k)) {
      if (leaf && mode === "absent") parts.push(`/* ${name} absent */`);
      else if (leaf && mode === "getter-throws") parts.push(`get ${name}() { throw … }`);
      else parts.push(`${name}: ${render(obj[key], rest, label, mode)}`);
    } else if (keys.length <= SMALL + 1 || isSmall(obj[key])) parts.push(`${name}: ${renderAny(obj[key])}`);
  }
  const hidden = keys.length - parts.length;
  if (hidden > 0) parts.push("…");
  return `{ ${parts.join(", ")} }`;
}

function renderAny(x: unknown): string {
  const leaf = renderLeaf(x);
  if (leaf !== undefined) return leaf;
  if (!isSmall(x)) return Array.isArray(x) ? `‹baseline array of ${x.length}›` : "‹baseline›";
  if (Array.isArray(x)) return `[${x.map(renderAny).join(", ")}]`;
  return `{ ${Object.entries(x as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${renderAny(v)}`)
    .join(", ")} }`;
}

/** A one-line reproducer: the baseline call with the bad value in its slot. */
export function reproducer(spec: CaseSpec): string {
  const args = spec.row.args?.() ?? [];
  const i = spec.path[0] as number;
  const parts: string[] = [];
  const count = spec.value.mode === "absent" && spec.path.length === 1 ? i : Math.max(args.length, i + 1);
  for (let j = 0; j < count; j++) {
    if (j === i) parts.push(spec.path.length === 1 ? spec.value.id : render(args[j], spec.path.slice(1), spec.value.id, spec.value.mode));
    else parts.push(renderAny(args[j]));
  }
  return `${spec.row.name}(${parts.join(", ")})`;
}

// ---------------------------------------------------------------------------------------------
// Snapshots (mutation check)

/** A deep description of a value that never runs user getters; records frozenness and holes. */
export function snapshot(x: unknown, seen = new Map<object, number>()): unknown {
  if (x === null || (typeof x !== "object" && typeof x !== "function")) {
    if (typeof x === "bigint") return `bigint:${x}`;
    if (typeof x === "symbol") return `symbol:${String(x.description)}`;
    if (typeof x === "number") return Object.is(x, -0) ? "num:-0" : Number.isNaN(x) ? "num:NaN" : x;
    return x === undefined ? "<undefined>" : x;
  }
  if (typeof x === "function") return "<function>";
  const obj = x;
  const ref = seen.get(obj);
  if (ref !== undefined) return `#ref${ref}`;
  seen.set(obj, seen.size);
  const frozen = Object.isFrozen(obj);
  if (Decimal.isDecimal(obj)) {
    try {
      return { decimal: String(obj.toString()), frozen };
    } catch {
      return { decimal: "<throws>", frozen };
    }
  }
  if (obj instanceof Date) {
    try {
      return { date: obj.getTime(), frozen };
    } catch {
      return { date: "<proxy>", frozen };
    }
  }
  if (typeof (obj as { next?: unknown }).next === "function") return "<iterator>";
  const out: Record<string, unknown> = { frozen, array: Array.isArray(obj) };
  if (Array.isArray(obj)) out["length"] = obj.length;
  let descs: Record<string, PropertyDescriptor>;
  try {
    descs = Object.getOwnPropertyDescriptors(obj);
  } catch {
    return { ...out, keys: "<throws>" };
  }
  for (const k of Object.keys(descs)) {
    const d = descs[k] as PropertyDescriptor;
    out[`k:${k}`] = "value" in d ? snapshot(d.value, seen) : "<accessor>";
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Result checks

interface Problem {
  readonly outcome: Outcome;
  readonly detail: string;
}

const MAX_NODES = 200_000;

function checkResult(result: unknown, mutable: boolean, echo?: unknown, bigints = false): Problem | undefined {
  let nodes = 0;
  const seen = new Set<object>();
  let notFrozen: string | undefined;
  const walk = (x: unknown, where: string): Problem | undefined => {
    if (++nodes > MAX_NODES) return undefined;
    if (typeof x === "number") return Number.isFinite(x) ? undefined : { outcome: "non-finite", detail: `${where} is ${x}` };
    // A result string may quote the caller's own string (a segment named "NaN", a SQL column "NaN"): only the rest is checked (#13).
    if (typeof x === "string") {
      const rest = typeof echo === "string" && echo.length > 0 ? x.split(echo).join("") : x;
      return /\bNaN\b|Infinity|Invalid Date/u.test(rest) ? { outcome: "non-finite", detail: `${where} is ${JSON.stringify(x.slice(0, 80))}` } : undefined;
    }
    if (x === null || typeof x !== "object") return undefined;
    if (seen.has(x)) return undefined;
    seen.add(x);
    if (Decimal.isDecimal(x)) {
      try {
        return x.isFinite() ? undefined : { outcome: "non-finite", detail: `${where} is Decimal ${x.toString()}` };
      } catch {
        return { outcome: "non-finite", detail: `${where} is a Decimal-like object whose isFinite() throws` };
      }
    }
    if (x instanceof Date) {
      let t: number;
      try {
        t = x.getTime();
      } catch {
        return { outcome: "not-frozen", detail: `${where} is the caller's Proxy-wrapped Date (getTime throws)` };
      }
      return Number.isNaN(t) ? { outcome: "non-finite", detail: `${where} is an Invalid Date` } : undefined;
    }
    if (!mutable && notFrozen === undefined && !Object.isFrozen(x)) notFrozen = `${where} is not frozen`;
    const isArr = Array.isArray(x);
    for (const k of Object.keys(x)) {
      let v: unknown;
      try {
        v = (x as Record<string, unknown>)[k];
      } catch (e) {
        return { outcome: "untyped-error", detail: `reading result ${where}.${k} threw ${describeError(e)}` };
      }
      const p = walk(v, isArr ? `${where}[${k}]` : `${where}.${k}`);
      if (p !== undefined) return p;
    }
    return undefined;
  };
  const p = walk(result, "result");
  if (p !== undefined) return p;
  if (notFrozen !== undefined) return { outcome: "not-frozen", detail: notFrozen };
  if (typeof result !== "bigint") {
    try {
      // A row whose documented result holds bigints (DuckDB totals beyond 2^53) is serialised with them as strings.
      JSON.stringify(result, bigints ? (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v) : undefined);
    } catch (e) {
      return { outcome: "not-json", detail: `JSON.stringify threw ${describeError(e)}` };
    }
  }
  return undefined;
}

function describeError(e: unknown): string {
  try {
    if (e instanceof Error) return `${e.constructor.name}: ${e.message}`.slice(0, 300);
    return `non-Error ${typeof e}: ${String(e)}`.slice(0, 300);
  } catch {
    return "<an error that cannot be described>";
  }
}

function summarise(x: unknown): string {
  try {
    const s = JSON.stringify(x, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
    if (s === undefined) return String(x);
    return s.length > 160 ? `${s.slice(0, 157)}...` : s;
  } catch {
    return "<unserialisable>";
  }
}

const CODES = new Set<string>(Object.values(lib.ErrorCode));

function classifyError(e: unknown, fnName: string, inProbe: boolean): Problem {
  if (e instanceof HostileSentinelError || (e instanceof Error && e.message === SENTINEL_MESSAGE)) return { outcome: "propagated", detail: "the caller's own error propagated" };
  if (e instanceof lib.MarketplaceEconomicsError) {
    if (!CODES.has(e.code)) return { outcome: "untyped-error", detail: `library error with unknown code ${String(e.code)}: ${e.message}` };
    if (inProbe) return { outcome: "typed-error", detail: `${e.code} (from the probe, ${e.fn}): ${e.message}`.slice(0, 300) };
    if (e.fn !== fnName) return { outcome: "wrong-fn", detail: `${e.constructor.name} ${e.code} with fn "${e.fn}": ${e.message}`.slice(0, 300) };
    if (!e.message.startsWith(`${fnName}: `)) return { outcome: "wrong-fn", detail: `message does not start with "${fnName}: ": ${e.message}`.slice(0, 300) };
    return { outcome: "typed-error", detail: `${e.code}: ${e.message}`.slice(0, 300) };
  }
  return { outcome: "untyped-error", detail: `${inProbe ? "(in the probe) " : ""}${describeError(e)}` };
}

/** Run one case (inside a worker) and classify it. */
export async function runCase(spec: CaseSpec): Promise<CaseResult> {
  const t0 = performance.now();
  const row = spec.row;
  let problem: Problem;
  let mutated: string | undefined;
  try {
    const args = substitute(row.args?.() ?? [], spec.path, spec.value);
    const before = args.map((a, i) => (row.mutatesArgs?.includes(i) === true ? null : JSON.stringify(snapshot(a))));
    const f = (lib as Record<string, unknown>)[row.name] as (...a: unknown[]) => unknown;
    let result: unknown;
    let thrown: { e: unknown } | undefined;
    try {
      result = f(...args);
      if (result !== null && typeof result === "object" && typeof (result as { then?: unknown }).then === "function") result = await result;
    } catch (e) {
      thrown = { e };
    }
    const after = args.map((a, i) => (row.mutatesArgs?.includes(i) === true ? null : JSON.stringify(snapshot(a))));
    const changed = before.findIndex((b, i) => b !== after[i]);
    if (changed >= 0) mutated = `argument ${changed} (${slotName(row, [changed])}) changed during the call`;
    if (thrown !== undefined) problem = classifyError(thrown.e, row.name, false);
    else {
      let echo: unknown;
      try {
        echo = spec.value.mode === "value" ? getIn(args, spec.path) : undefined;
      } catch {
        echo = undefined;
      }
      problem = checkResult(result, row.mutableResult === true, typeof echo === "string" ? echo : undefined, row.bigintResult === true) ?? { outcome: "ok", detail: summarise(result) };
      if (problem.outcome === "ok" && row.probe !== undefined) {
        try {
          const probed = row.probe(result);
          // The probe's result may echo the caller's string too (a segment named "NaN").
          problem = checkResult(probed, false, typeof echo === "string" ? echo : undefined, row.bigintResult === true) ?? { outcome: "ok", detail: `${summarise(result)} / probe ${summarise(probed)}` };
        } catch (e) {
          problem = classifyError(e, row.name, true);
        }
      }
      if (problem.outcome === "ok" && spec.value.neverValid === true && row.anyInput !== true) problem = { outcome: "accepted-invalid", detail: `returned ${problem.detail}` };
    }
  } catch (e) {
    problem = { outcome: "crash", detail: `harness: ${describeError(e)}` };
  }
  if (mutated !== undefined && OUTCOMES.indexOf("mutated") < OUTCOMES.indexOf(problem.outcome)) {
    problem = { outcome: "mutated", detail: `${mutated}; then ${problem.outcome}: ${problem.detail}` };
  }
  return {
    index: spec.index,
    fn: row.name,
    slot: slotName(row, spec.path),
    value: spec.value.id,
    kind: spec.value.kind,
    outcome: problem.outcome,
    detail: problem.detail,
    repro: reproducer(spec),
    ms: performance.now() - t0,
  };
}

// ---------------------------------------------------------------------------------------------
// Table-level checks

/** What {@link tableCoverage} reports; every list must be empty. */
export interface TableCoverage {
  /** Exports without a table row. */
  readonly missing: readonly string[];
  /** Rows naming no export (renamed or removed). */
  readonly stale: readonly string[];
  /** Rows whose kind does not match the export (a "value" row for a function, a function row for a constant). */
  readonly wrongKind: readonly string[];
  /**
   * Exported functions that have a row but are not run through the catalogue: a "function" row
   * without baseline arguments, or a "class" row for a function that is not a class (only error
   * classes and re-exported third-party constructors, marked `external`, may be "class" rows).
   */
  readonly unscanned: readonly string[];
  /** Subpath-only modules (scripts/modules.json) whose exports test/hostile/cases.ts does not import. */
  readonly unscannedSubpaths: readonly string[];
}

/**
 * The coverage check on explicit inputs (tested in harness.test.ts with a synthetic export that
 * has no row, so the check itself is known to fail on an unscanned export).
 */
export function coverageOf(exported: Readonly<Record<string, unknown>>, rows: readonly ExportRow[], subpathOnly: readonly string[], entryPoints: Readonly<Record<string, unknown>>): TableCoverage {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const unscannedSubpaths = subpathOnly.map((m) => `marketplace-economics/${m}`).filter((e) => !(e in entryPoints));
  const missing = Object.keys(exported).filter((k) => !byName.has(k));
  const stale = rows.filter((r) => !(r.name in exported)).map((r) => r.name);
  const wrongKind = rows.filter((r) => r.name in exported && (typeof exported[r.name] === "function") !== (r.kind !== "value")).map((r) => r.name);
  const isClass = (f: unknown): boolean => typeof f === "function" && /^class\b/u.test(Function.prototype.toString.call(f));
  const unscanned = rows
    .filter((r) => r.name in exported && typeof exported[r.name] === "function")
    .filter((r) => (r.kind === "function" && r.args === undefined) || (r.kind === "class" && r.external !== true && !isClass(exported[r.name])))
    .map((r) => r.name);
  return { missing, stale, wrongKind, unscanned, unscannedSubpaths };
}

/** Exported functions without a table row, rows naming no export, rows that are not scanned. */
export function tableCoverage(): TableCoverage {
  // A subpath-only module (not in the root barrel) must be imported above, or its exports would escape the table.
  const modules = JSON.parse(readFileSync(new URL("../../scripts/modules.json", import.meta.url), "utf8")) as { subpathOnly?: readonly string[] };
  return coverageOf(lib, EXPORTS_TABLE, modules.subpathOnly ?? [], ENTRY_POINTS);
}

/** Run every baseline call once (main thread): the names whose baseline does not succeed cleanly. */
export async function checkBaselines(): Promise<readonly { readonly fn: string; readonly problem: string }[]> {
  const out: { fn: string; problem: string }[] = [];
  for (const row of EXPORTS_TABLE) {
    if (row.kind !== "function" || row.args === undefined || !(row.name in lib)) continue;
    try {
      let r = ((lib as Record<string, unknown>)[row.name] as (...a: unknown[]) => unknown)(...row.args());
      if (r !== null && typeof r === "object" && typeof (r as { then?: unknown }).then === "function") r = await r;
      const p =
        checkResult(r, row.mutableResult === true, undefined, row.bigintResult === true) ?? (row.probe === undefined ? undefined : checkResult(row.probe(r), false, undefined, row.bigintResult === true));
      if (p !== undefined) out.push({ fn: row.name, problem: `${p.outcome}: ${p.detail}` });
    } catch (e) {
      out.push({ fn: row.name, problem: `threw ${describeError(e)}` });
    }
  }
  return out;
}

/** Exported constants that are not deep-frozen, or hold a (always mutable) Date. */
export function checkConstants(): readonly { readonly name: string; readonly problem: string }[] {
  const out: { name: string; problem: string }[] = [];
  for (const row of EXPORTS_TABLE) {
    if (row.kind !== "value" || !(row.name in lib)) continue;
    const seen = new Set<object>();
    const problems: string[] = [];
    const walk = (x: unknown, where: string): void => {
      if (x === null || typeof x !== "object" || seen.has(x) || problems.length >= 3) return;
      seen.add(x);
      if (x instanceof Date) {
        problems.push(`${where} is a Date (setUTCFullYear changes it even when frozen)`);
        return;
      }
      if (Decimal.isDecimal(x)) return;
      if (!Object.isFrozen(x)) problems.push(`${where} is not frozen`);
      for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k], Array.isArray(x) ? `${where}[${k}]` : `${where}.${k}`);
    };
    walk((lib as Record<string, unknown>)[row.name], row.name);
    for (const p of problems) out.push({ name: row.name, problem: p });
  }
  return out;
}

/** Deterministic sample of `n` case indexes (mulberry32, fixed seed). */
export function sampleIndexes(total: number, n: number, seed: number): number[] {
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const all = Array.from({ length: total }, (_, i) => i);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, Math.min(n, total)).sort((x, y) => x - y);
}

/** Which cases to run: every case of the `only` functions (default: all), then a seeded sample of `sample` of them. */
export interface Selection {
  /** Export names whose cases run (an unknown name or a row that is not a function throws). */
  readonly only?: readonly string[];
  /** Run a seeded sample of this many cases of the selection instead of all of them. */
  readonly sample?: number;
  /** Seed of the sample (default 11). */
  readonly seed?: number;
  /** Only the cases whose bad value is of one of these kinds (`"huge input"`, `"extreme date"`...; an unknown kind throws). */
  readonly kinds?: readonly string[];
}

/** Case indexes of a {@link Selection}, ascending (indexes of the whole matrix). */
export function selectIndexes(sel: Selection = {}): number[] {
  const all = enumerateCases();
  let pool = all.map((c) => c.index);
  if (sel.only !== undefined) {
    const fnRows = new Set(EXPORTS_TABLE.filter((r) => r.kind === "function" && r.args !== undefined).map((r) => r.name));
    const unknown = sel.only.filter((n) => !fnRows.has(n));
    if (unknown.length > 0) throw new Error(`HOSTILE_ONLY names no function row of test/hostile/exports-table.ts: ${unknown.join(", ")}`);
    const wanted = new Set(sel.only);
    pool = all.filter((c) => wanted.has(c.row.name)).map((c) => c.index);
  }
  if (sel.kinds !== undefined) {
    const known = new Set(BAD_VALUES.map((b) => b.kind));
    const unknown = sel.kinds.filter((k) => !known.has(k));
    if (unknown.length > 0) throw new Error(`HOSTILE_KINDS names no kind of test/hostile/catalogue.ts: ${unknown.join(", ")} (kinds: ${[...known].join(", ")})`);
    const wanted = new Set(sel.kinds);
    const inPool = new Set(pool);
    pool = all.filter((c) => inPool.has(c.index) && wanted.has(c.value.kind)).map((c) => c.index);
  }
  if (sel.sample === undefined) return pool;
  return sampleIndexes(pool.length, sel.sample, sel.seed ?? 11).map((i) => pool[i] as number);
}
