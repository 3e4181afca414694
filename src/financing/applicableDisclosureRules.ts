import { resolveDisclosureRules } from "./_lib/registry.js";
import type { AmountInput } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import type { DisclosureFigure, DisclosureRule, DisclosureRuleProductKind } from "./listDisclosureRules.js";

/**
 * The {@link applicableDisclosureRules} question: which law applies to this offer?
 *
 * @category Financing
 * @since 0.3.0
 */
export interface DisclosureRulesQuery {
  /** Two-letter US state code of the recipient ("CA", "NY", ...); see {@link listDisclosureRules}. */
  readonly jurisdiction: string;
  /** The offered product's kind (a product's `kind`). */
  readonly productKind: DisclosureRuleProductKind;
  /** The financing amount, in USD (`Money` in USD or a number of dollars), > 0. */
  readonly amount: AmountInput;
  /** The day the offer is extended. */
  readonly date: DateInput;
}

/**
 * The answer of {@link applicableDisclosureRules}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface ApplicableDisclosureRules {
  readonly jurisdiction: string;
  readonly name: string;
  readonly law: string;
  /** First day disclosures are required under the law. */
  readonly effectiveFrom: Date;
  /**
   * Whether the offer is covered by product kind and amount; `null` when the registry does not
   * know the law's amount limit. Exemptions that depend on the provider are in `exemptionsNotModelled`.
   */
  readonly covered: boolean | null;
  /** Why (or why not), in words. */
  readonly coverage: string;
  /** Whether an APR must be shown (`false` when not covered; `null` when unknown). */
  readonly aprRequired: boolean | null;
  /** The figures the disclosure must show (empty when not covered). */
  readonly requiredFigures: readonly DisclosureFigure[];
  /** The renewal ("double dipping") disclosure section, when the law has one. */
  readonly renewalSection: string | null;
  /** The full registry entry. */
  readonly rule: DisclosureRule;
  /** Whether every fact used in this answer was verified against the primary text. */
  readonly verified: boolean;
  /** The facts of this answer that were not verified, with where they were read. */
  readonly unverified: readonly string[];
}

/**
 * Which commercial-financing disclosure law applies to an offer — for a state, a product kind, an
 * amount and a date: whether the offer is covered, whether an APR must be shown, which figures
 * the disclosure needs, and the law's effective date, each from the registry of
 * {@link listDisclosureRules} with its citation.
 *
 * ## Notes
 * - Covered = the law covers the product kind (Virginia, Connecticut and Texas cover only
 *   sales-based financing) and the amount is at most the law's limit (e.g. New York's
 *   $2,500,000, N.Y. Fin. Serv. Law § 802(g); Utah's $1,000,000, Utah Code § 7-27-102(11)). When
 *   the registry has no verified limit the answer is `covered: null`.
 * - Exemptions that depend on the provider (a bank, five or fewer transactions a year, real
 *   property collateral, ...) are listed in `rule.exemptionsNotModelled`, not decided.
 * - `verified` is `false` when any fact the answer relies on was read only in a secondary source;
 *   `unverified` lists them.
 *
 * @param query - {@link DisclosureRulesQuery}: jurisdiction, product kind, amount (USD), offer date
 * @returns a frozen {@link ApplicableDisclosureRules}
 * @throws {@link ValidationError} for an unknown jurisdiction or product kind, an amount ≤ 0 or not in USD, an invalid
 *   date, a date before the law took effect (`OUT_OF_RANGE`, naming the effective date), or an unknown key
 *
 * @example
 * ```ts
 * import { applicableDisclosureRules, money } from "marketplace-economics";
 * const ny = applicableDisclosureRules({ jurisdiction: "NY", productKind: "term-loan", amount: money("12000", "USD"), date: "2024-03-01" });
 * [ny.covered, ny.aprRequired, ny.renewalSection]; //=> [true, true, "N.Y. Fin. Serv. Law § 808"]
 * const va = applicableDisclosureRules({ jurisdiction: "VA", productKind: "term-loan", amount: 12000, date: "2024-03-01" });
 * [va.covered, va.requiredFigures]; //=> [false, []]
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export function applicableDisclosureRules(query: DisclosureRulesQuery): ApplicableDisclosureRules {
  return resolveDisclosureRules(query, "applicableDisclosureRules", "query");
}
