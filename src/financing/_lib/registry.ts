/**
 * Internal core of {@link applicableDisclosureRules}, under the caller's function name (so
 * `disclosure` reports its own name). Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import { deepFreeze } from "../../_lib/freeze.js";
import { toMoney } from "../../_lib/money.js";
import { rangeError, toDecimal, toOption, toOptions, toRecord } from "../../_lib/validate.js";
import { toUtcDay } from "../../_lib/dates.js";
import type { ApplicableDisclosureRules } from "../applicableDisclosureRules.js";
import type { DisclosureRuleProductKind } from "../listDisclosureRules.js";
import { REGISTRY } from "./registryData.js";

const KINDS: readonly DisclosureRuleProductKind[] = ["sales-based-advance", "term-loan", "revenue-share-loan"];
let frozen: typeof REGISTRY | undefined;

/** The registry, deep-frozen once. */
export function registry(): typeof REGISTRY {
  frozen ??= deepFreeze(REGISTRY);
  return frozen;
}

export function resolveDisclosureRules(query: unknown, FN: string, arg: string, names?: Readonly<Record<"jurisdiction" | "productKind" | "amount" | "date", string>>): ApplicableDisclosureRules {
  const q = toOptions(toRecord(query, FN, arg), FN, arg, ["jurisdiction", "productKind", "amount", "date"]);
  const name = (k: "jurisdiction" | "productKind" | "amount" | "date"): string => names?.[k] ?? `${arg}.${k}`;
  const rules = registry();
  const codes = rules.map((r) => r.jurisdiction);
  const code = toOption(q["jurisdiction"], FN, name("jurisdiction"), codes);
  const rule = rules.find((r) => r.jurisdiction === code)!;
  const kind = toOption(q["productKind"], FN, name("productKind"), KINDS);
  const amount = toUsd(q["amount"], FN, name("amount"));
  const date = toUtcDay(q["date"], FN, name("date"));
  const effectiveFrom = new Date(`${rule.effectiveFrom}T00:00:00.000Z`);
  if (date.getTime() < effectiveFrom.getTime()) {
    rangeError(FN, name("date"), ErrorCode.OUT_OF_RANGE, `is before ${rule.name}'s law (${rule.law}) took effect on ${rule.effectiveFrom}`, q["date"], `a date on or after ${rule.effectiveFrom}`);
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

function toUsd(value: unknown, FN: string, arg: string): Decimal {
  let d: Decimal;
  if (typeof value === "object" && value !== null && !Decimal.isDecimal(value)) {
    const m = toMoney(value, FN, arg);
    if (m.currency !== "USD") rangeError(FN, `${arg}.currency`, ErrorCode.OUT_OF_RANGE, "must be USD (the state laws state their limits in dollars)", m.currency, '"USD"');
    d = m.amount;
  } else d = toDecimal(value, FN, arg);
  if (!d.greaterThan(0)) rangeError(FN, arg, ErrorCode.OUT_OF_RANGE, "must be > 0", value, "an amount > 0");
  return d;
}
