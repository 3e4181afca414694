import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { deepFreeze } from "../_lib/freeze.js";
import { toMoney } from "../_lib/money.js";
import { rangeError, toDecimal, toOption, toOptions, toRecord } from "../_lib/validate.js";
import { toUtcDay } from "../_lib/dates.js";
import type { AmountInput } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { listDisclosureRules, type DisclosureFigure, type DisclosureRule, type DisclosureRuleProductKind } from "./listDisclosureRules.js";

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

const FN = "applicableDisclosureRules";
const KINDS: readonly DisclosureRuleProductKind[] = ["sales-based-advance", "term-loan", "revenue-share-loan"];

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
  const q = toOptions(toRecord(query, FN, "query"), FN, "query", ["jurisdiction", "productKind", "amount", "date"]);
  const rules = listDisclosureRules();
  const codes = rules.map((r) => r.jurisdiction);
  const code = toOption(q["jurisdiction"], FN, "query.jurisdiction", codes);
  const rule = rules.find((r) => r.jurisdiction === code)!;
  const kind = toOption(q["productKind"], FN, "query.productKind", KINDS);
  const amount = toUsd(q["amount"]);
  const date = toUtcDay(q["date"], FN, "query.date");
  const effectiveFrom = new Date(`${rule.effectiveFrom}T00:00:00.000Z`);
  if (date.getTime() < effectiveFrom.getTime()) {
    rangeError(FN, "query.date", ErrorCode.OUT_OF_RANGE, `is before ${rule.name}'s law (${rule.law}) took effect on ${rule.effectiveFrom}`, q["date"], `a date on or after ${rule.effectiveFrom}`);
  }
  const unverified: string[] = [];
  const use = (what: string, src: { readonly section: string; readonly verified: boolean; readonly note?: string }): void => {
    if (!src.verified) unverified.push(`${what} (${src.section}): ${src.note ?? "not verified"}`);
  };
  use("effective date", rule.effectiveFromSource);
  use("covered product kinds", rule.productKindsSource);
  let covered: boolean | null;
  let coverage: string;
  if (!rule.productKinds.includes(kind)) {
    covered = false;
    coverage = `${rule.name}'s law covers only ${rule.productKinds.join(", ")}`;
  } else {
    use("amount limit", rule.maxAmountSource);
    if (rule.maxAmount === null) {
      covered = null;
      coverage = `the amount limit of ${rule.law} is not known to the registry`;
    } else if (amount.greaterThan(rule.maxAmount)) {
      covered = false;
      coverage = `$${amount.toString()} is over the $${rule.maxAmount} limit (${rule.maxAmountSource.section})`;
    } else {
      covered = true;
      coverage = `a ${kind} of $${amount.toString()} (limit $${rule.maxAmount}, ${rule.maxAmountSource.section})`;
    }
  }
  if (covered !== false) {
    use("APR requirement", rule.aprSource);
    use("required figures", rule.figuresSource);
  }
  return deepFreeze({
    jurisdiction: rule.jurisdiction,
    name: rule.name,
    law: rule.law,
    effectiveFrom,
    covered,
    coverage,
    aprRequired: covered === false ? false : rule.aprRequired,
    requiredFigures: covered === false ? [] : [...rule.requiredFigures],
    renewalSection: covered === false || rule.renewal === null ? null : rule.renewal.section,
    rule,
    verified: unverified.length === 0,
    unverified,
  });
}

function toUsd(value: unknown): Decimal {
  let d: Decimal;
  if (typeof value === "object" && value !== null && !Decimal.isDecimal(value)) {
    const m = toMoney(value, FN, "query.amount");
    if (m.currency !== "USD") rangeError(FN, "query.amount.currency", ErrorCode.OUT_OF_RANGE, "must be USD (the state laws state their limits in dollars)", m.currency, '"USD"');
    d = m.amount;
  } else d = toDecimal(value, FN, "query.amount");
  if (!d.greaterThan(0)) rangeError(FN, "query.amount", ErrorCode.OUT_OF_RANGE, "must be > 0", value, "an amount > 0");
  return d;
}
