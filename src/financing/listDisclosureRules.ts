import type { AprToleranceRegime } from "../tvm/checkAprTolerance.js";
import { registry } from "./_lib/registry.js";

/**
 * A financing product kind of this module, as the disclosure rules registry classifies laws.
 *
 * @category Financing
 * @since 0.3.0
 */
export type DisclosureRuleProductKind = "sales-based-advance" | "term-loan" | "revenue-share-loan";

/**
 * A figure a commercial-financing disclosure law requires, in this module's words
 * (`fundingProvided` is California's "Funding Provided", Utah's "total amount of funds provided").
 *
 * @category Financing
 * @since 0.3.0
 */
export type DisclosureFigure = "fundingProvided" | "disbursementAmount" | "financeCharge" | "apr" | "totalRepayment" | "payment" | "term" | "prepayment" | "otherFees" | "collateral" | "brokerCompensation";

/**
 * Where a fact of the registry comes from: the section, and whether its text was read from a
 * primary source (the statute or regulation, or a verbatim copy) — `verified: false` means it
 * was read only in a secondary summary or not at all, and `note` says which.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface DisclosureRuleSource {
  readonly section: string;
  readonly verified: boolean;
  readonly note?: string;
}

/**
 * One state commercial-financing disclosure law in the registry of {@link listDisclosureRules}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface DisclosureRule {
  /** Two-letter state code ("CA"). */
  readonly jurisdiction: string;
  readonly name: string;
  /** The law and its sections. */
  readonly law: string;
  /** First day disclosures are required (ISO date). */
  readonly effectiveFrom: string;
  readonly effectiveFromSource: DisclosureRuleSource;
  /** Product kinds the law covers. */
  readonly productKinds: readonly DisclosureRuleProductKind[];
  readonly productKindsSource: DisclosureRuleSource;
  /** Largest covered amount in USD (inclusive), or `null` when it could not be read. */
  readonly maxAmount: string | null;
  readonly maxAmountSource: DisclosureRuleSource;
  /** Whether an APR must be shown; `null` when it could not be read. */
  readonly aprRequired: boolean | null;
  readonly aprSource: DisclosureRuleSource;
  readonly requiredFigures: readonly DisclosureFigure[];
  readonly figuresSource: DisclosureRuleSource;
  /** The renewal ("double dipping") disclosure section, or `null` when the law has none that was read. */
  readonly renewal: { readonly section: string; readonly verified: boolean } | null;
  /** The opt-in (underwriting) method's retrospective audit, every `everyMonths` months. */
  readonly optInAudit: { readonly everyMonths: number; readonly section: string; readonly verified: boolean } | null;
  /** The historical method: months averaged, and whether the highest-sales months may be chosen. */
  readonly historicalMethod: { readonly minMonths: number; readonly maxMonths: number; readonly highestMonthsAllowed: boolean; readonly section: string } | null;
  /**
   * How the APR is rounded for display, when the law says so and it was read: the rule, the
   * decimals of a percent {@link disclosure}'s `displayedApr` shows, the section, whether its text
   * was read in a primary source (`verified`) and where (`url`); `null` when no rule was found
   * (the entry's `notes` say where it was looked for).
   */
  readonly aprDisplay: {
    readonly rule: string;
    readonly decimalsOfPercent: number;
    readonly section: string;
    readonly verified: boolean;
    readonly url: string;
    readonly note?: string;
  } | null;
  /**
   * The APR tolerance the law sets (since 0.3.0): the {@link checkAprTolerance} regime to test a
   * disclosed APR with, or `null` when none was read (the other states' laws were not found to set one).
   */
  readonly aprTolerance: { readonly regime: Exclude<AprToleranceRegime, "reg-z">; readonly section: string; readonly verified: boolean } | null;
  /** Exemptions that depend on facts the library does not know (who the provider is, collateral, ...). */
  readonly exemptionsNotModelled: readonly string[];
  readonly exemptionsSource: DisclosureRuleSource;
  readonly notes: readonly string[];
}

/**
 * The commercial-financing disclosure rules registry: every state law the library knows, each
 * fact with its statute or regulation section and whether it was verified against the primary
 * text.
 *
 * ## Notes
 * Ten states: California, New York, Utah, Virginia, Georgia, Florida, Connecticut, Kansas,
 * Missouri and Texas. A fact that could not be read from the statute or regulation itself is
 * `verified: false` with a note saying where it was read instead (a law-firm summary) or that it
 * was not read; `maxAmount` and `aprRequired` are `null` when not even a consistent secondary
 * figure was found (Texas). The guide "Sales-based financing" shows the registry as a table
 * generated from this data (`npx tsx scripts/registry-table.ts`).
 *
 * ## References
 * The sections cited in each entry; the list of sources read is in the guide's closing note.
 *
 * @returns the frozen registry, in a fixed order (California first)
 * @throws never
 *
 * @example
 * ```ts
 * import { listDisclosureRules } from "marketplace-economics";
 * listDisclosureRules().map((r) => r.jurisdiction); //=> ["CA", "NY", "UT", "VA", "GA", "FL", "CT", "KS", "MO", "TX"]
 * listDisclosureRules().filter((r) => r.aprRequired === true).map((r) => r.jurisdiction); //=> ["CA", "NY"]
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export function listDisclosureRules(): readonly DisclosureRule[] {
  return registry();
}
