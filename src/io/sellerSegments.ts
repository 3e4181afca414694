import { CurrencyMismatchError, ErrorCode, isMarketplaceEconomicsError, ValidationError, ValidationTypeError } from "../errors.js";
import { rangeError, toNonEmptyString, toOption, toOptions, typeError } from "../_lib/validate.js";
import { classifyEnterpriseSize, type ClassifyEnterpriseSizeOptions } from "../sellers/classifyEnterpriseSize.js";
import type { SizeStandardName } from "../sellers/types.js";
import type { SellerSizeFacts } from "./types.js";

/**
 * The {@link sellerSegments} function options.
 *
 * @category IO
 * @since 0.3.0
 */
export interface SellerSegmentsOptions {
  /** Size standard of the classification: `"EU-2003/361"` (default) or `"US-SBA"`. */
  readonly standard?: SizeStandardName | undefined;
  /** Options of {@link classifyEnterpriseSize} (SBA table, NAICS code, `toEur`). */
  readonly classify?: ClassifyEnterpriseSizeOptions | undefined;
  /** Segment names: SMB (default `"smb"`), not SMB (`"non-smb"`), undecidable facts (`"unclassified"`). */
  readonly labels?: { readonly smb?: string | undefined; readonly other?: string | undefined; readonly unknown?: string | undefined } | undefined;
  /** A sale of a seller missing from the table: `"throw"` (default) or `"unknown"` (the unknown label). */
  readonly missingSeller?: "throw" | "unknown" | undefined;
}

/**
 * The seller table of {@link sellerSegments}: each seller's segment, looked up by id.
 *
 * @category IO
 * @since 0.3.0
 */
export interface SellerSegments {
  /** The segment of a sale's seller: pass as the `segmentOf` argument of the share functions. */
  readonly segmentOf: (sale: { readonly sellerId: string }) => string;
  /** The three segment names, `[smb, other, unknown]`. */
  readonly segments: readonly [string, string, string];
  /** Sellers per segment. */
  readonly counts: Readonly<Record<string, number>>;
  /** `[sellerId, segment]` pairs in table order (e.g. to load a segment table into a warehouse). */
  entries(): IterableIterator<readonly [string, string]>;
}

/** Most sellers a table may hold (bounds the loop and the map). */
const MAX_SELLERS = 50_000_000;

/**
 * Join sales to a seller table: classify every seller once with the library's own size
 * classification ({@link classifyEnterpriseSize}, EU Recommendation 2003/361/EC Annex Art. 2 or
 * a US SBA size standard of 13 CFR 121.201), and return a lookup from a sale's `sellerId` to its
 * segment (`"smb"`, `"non-smb"`, or `"unclassified"` when the facts cannot decide).
 *
 * Memory is one map entry per seller (the table, never the sales); the lookup is a hash-map read
 * per sale, so streaming millions of sales through `segmentOf` stays constant in their number.
 *
 * @param sellers - an array or iterable of seller facts with an `id` ({@link Seller} works), at most 50,000,000
 * @param options - size standard, classification options, segment labels, missing-seller policy
 * @returns the frozen lookup ({@link SellerSegments})
 * @throws {@link ValidationError} on a duplicate or empty id, bad facts (naming `sellers[i]` and the
 *   fact, as {@link classifyEnterpriseSize} would), bad options; `segmentOf` throws for a seller
 *   missing from the table (unless `missingSeller: "unknown"`)
 * @throws {@link ValidationTypeError} when `sellers` is not iterable or a row is not an object
 * @throws {@link CurrencyMismatchError} as {@link classifyEnterpriseSize}
 *
 * @example
 * ```ts
 * import { sellerSegments, money } from "marketplace-economics";
 * const table = sellerSegments([
 *   { id: "a", employees: 12, annualTurnover: money("1500000", "EUR") },
 *   { id: "b", employees: 900 },
 *   { id: "c", employees: 30 },
 * ]);
 * ["a", "b", "c"].map((id) => table.segmentOf({ sellerId: id })); //=> ["smb", "non-smb", "unclassified"]
 * table.counts; //=> { "smb": 1, "non-smb": 1, "unclassified": 1 }
 * ```
 *
 * @category IO
 * @since 0.3.0
 */
export function sellerSegments(sellers: Iterable<SellerSizeFacts>, options?: SellerSegmentsOptions): SellerSegments {
  const fn = "sellerSegments";
  const o = toOptions(options, fn, "options", ["standard", "classify", "labels", "missingSeller"]);
  const standard = o.standard === undefined ? "EU-2003/361" : toOption(o.standard, fn, "options.standard", ["EU-2003/361", "US-SBA"] as const);
  const l = toOptions(o.labels, fn, "options.labels", ["smb", "other", "unknown"]);
  const smb = l.smb === undefined ? "smb" : toNonEmptyString(l.smb, fn, "options.labels.smb");
  const other = l.other === undefined ? "non-smb" : toNonEmptyString(l.other, fn, "options.labels.other");
  const unknown = l.unknown === undefined ? "unclassified" : toNonEmptyString(l.unknown, fn, "options.labels.unknown");
  if (smb === other || smb === unknown || other === unknown) rangeError(fn, "options.labels", ErrorCode.DUPLICATE, "must be three different names", [smb, other, unknown].join(", "), "distinct segment names");
  const missing = o.missingSeller === undefined ? "throw" : toOption(o.missingSeller, fn, "options.missingSeller", ["throw", "unknown"] as const);
  const classify = o.classify as ClassifyEnterpriseSizeOptions | undefined;
  const it = sellers as Partial<Iterable<unknown>> | null | undefined;
  if (it == null || typeof it[Symbol.iterator] !== "function" || typeof sellers === "string") {
    typeError(
      fn,
      "sellers",
      it == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE,
      "must be iterable",
      sellers,
      "an array or iterable of { id, employees?, annualTurnover?, balanceSheetTotal?, naicsCode? }",
    );
  }
  const map = new Map<string, string>();
  const counts = { [smb]: 0, [other]: 0, [unknown]: 0 } as Record<string, number>;
  let i = 0;
  for (const row of sellers as Iterable<unknown>) {
    if (i >= MAX_SELLERS) rangeError(fn, "sellers", ErrorCode.OUT_OF_RANGE, `must have at most ${MAX_SELLERS} rows`, undefined, `at most ${MAX_SELLERS} sellers`);
    const arg = `sellers[${i}]`;
    if (typeof row !== "object" || row === null)
      typeError(fn, arg, row == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be an object", row, "{ id, employees?, annualTurnover?, balanceSheetTotal?, naicsCode? }");
    const r = row as Record<string, unknown>;
    const id = toNonEmptyString(r["id"], fn, `${arg}.id`);
    if (map.has(id)) rangeError(fn, `${arg}.id`, ErrorCode.DUPLICATE, "must be unique in the table", id, "one row per seller");
    const facts = { employees: r["employees"], annualTurnover: r["annualTurnover"], balanceSheetTotal: r["balanceSheetTotal"], naicsCode: r["naicsCode"] } as SellerSizeFacts;
    let isSme: boolean | undefined;
    try {
      isSme = classifyEnterpriseSize(facts, standard, classify).isSme;
    } catch (e) {
      throw rethrow(e, fn, arg);
    }
    const seg = isSme === true ? smb : isSme === false ? other : unknown;
    map.set(id, seg);
    counts[seg] = (counts[seg] as number) + 1;
    i += 1;
  }
  const segmentOf = (sale: { readonly sellerId: string }): string => {
    const id = typeof sale === "object" && sale !== null ? sale.sellerId : undefined;
    const seg = typeof id === "string" ? map.get(id) : undefined;
    if (seg !== undefined) return seg;
    if (typeof id !== "string") return typeError(fn, "sale.sellerId", id == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a string", id, "a seller id");
    if (missing === "unknown") return unknown;
    return rangeError(fn, "sale.sellerId", ErrorCode.UNKNOWN_OPTION, "must be a seller of the table", id, 'an id of the seller table, or options.missingSeller "unknown"');
  };
  return Object.freeze({
    segmentOf,
    segments: Object.freeze([smb, other, unknown]) as readonly [string, string, string],
    counts: Object.freeze(counts),
    entries: () => map.entries() as IterableIterator<readonly [string, string]>,
  });
}

/** The classification's error, re-raised under this function with the row named. */
function rethrow(e: unknown, fn: string, arg: string): unknown {
  if (!isMarketplaceEconomicsError(e)) return e;
  if (e instanceof CurrencyMismatchError) return new CurrencyMismatchError(fn, e.currencies[0], e.currencies[1], `at ${arg}`);
  const argument = (e as { argument?: string }).argument;
  if (argument === undefined) return e;
  const where = `${arg}.${argument.replace(/^facts\./, "")}`;
  const message = e.message.replace(/^[^:]+: /, "").replace(argument, where);
  const expected = (e as { expected?: string }).expected ?? "";
  return e instanceof TypeError ? new ValidationTypeError(fn, e.code, where, message, expected) : new ValidationError(fn, e.code, where, message, expected);
}
