import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { addMonthsToEpochDay } from "../_lib/dates.js";
import { rangeError, toDecimalInRange, toNonEmptyString, toOption } from "../_lib/validate.js";
import { toDenseArray, toFinancingDay, toOptions } from "./_lib/validate.js";
import { dayDate } from "./_lib/engine.js";
import { registry } from "./_lib/registry.js";
import type { NumericInput } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { costOfFinancing } from "./costOfFinancing.js";
import type { RepaymentResult } from "./types.js";

/**
 * A statutory exclusion from the opt-in audit (Cal. Code Regs. tit. 10 § 931(a)(4)(A)(i)–(iii);
 * 23 NYCRR § 600.9(e)(1)–(3)): legal action against the recipient, collection stopped after a
 * contract violation, or contract terms modified by agreement.
 *
 * @category Financing
 * @since 0.3.0
 */
export type OptInAuditExclusion = "legal-action" | "collection-stopped" | "modified";

/**
 * One completed financing in {@link auditOptInApr}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface OptInAuditFinancing {
  readonly id: string;
  /** The estimated APR disclosed at the offer, as a decimal (0 to 100). */
  readonly disclosedApr: NumericInput;
  /** What actually happened: the {@link simulateRepayment} result of the real sales (or the real payments). */
  readonly result: RepaymentResult;
  /** A statutory exclusion that applies to this financing, if any. */
  readonly exclusion?: OptInAuditExclusion;
}

/**
 * The {@link auditOptInApr} options.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface AuditOptInAprOptions {
  /** `"CA"` (every 4 months, § 931(a)(4)) or `"NY"` (every 12 months, § 600.9(e)). */
  readonly jurisdiction: "CA" | "NY";
  /** Last day of the audit period; the period is the `everyMonths` months ending that day. */
  readonly periodEnd: DateInput;
  /** Audit period length in months (default: the statutory schedule of the jurisdiction), 1 to 24. */
  readonly everyMonths?: number;
  /** The exclusions applied (default: all three statutory ones); `[]` audits every paid-off financing. */
  readonly exclusions?: readonly OptInAuditExclusion[];
}

/**
 * One financing's line of an {@link OptInAudit}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface OptInAuditLine {
  readonly id: string;
  /** `"included"`, `"excluded"` (a statutory exclusion), `"outside-period"` (paid off before or after the period) or `"not-paid-off"`. */
  readonly status: "included" | "excluded" | "outside-period" | "not-paid-off";
  readonly exclusion: OptInAuditExclusion | null;
  readonly payoffDate: Date | null;
  readonly disclosedApr: Decimal;
  /** The retrospective APR (Reg Z App. J actuarial on the actual payments), or `null` when not paid off or not expressible. */
  readonly retrospectiveApr: Decimal | null;
  /** retrospectiveApr − disclosedApr, or `null`. */
  readonly difference: Decimal | null;
}

/**
 * The result of {@link auditOptInApr}: per-financing lines and the aggregate over included ones.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface OptInAudit {
  readonly jurisdiction: "CA" | "NY";
  readonly section: string;
  readonly everyMonths: number;
  /** First and last day of the audit period (inclusive). */
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly lines: readonly OptInAuditLine[];
  readonly included: number;
  readonly excluded: number;
  /** Means over the included financings with a retrospective APR (`null` when there are none). */
  readonly meanDisclosedApr: Decimal | null;
  readonly meanRetrospectiveApr: Decimal | null;
  readonly meanDifference: Decimal | null;
  /** The largest |difference| and its financing. */
  readonly maxAbsDifference: Decimal | null;
  readonly maxAbsDifferenceId: string | null;
}

const FN = "auditOptInApr";
const EXCLUSIONS: readonly OptInAuditExclusion[] = ["legal-action", "collection-stopped", "modified"];
const MAX_FINANCINGS = 1_000_000;

/**
 * The retrospective audit of the underwriting ("opt-in") method: for every sales-based financing
 * paid off during the audit period, the APR actually paid against the APR disclosed, per
 * financing and in aggregate.
 *
 * ## Notes
 * - **Schedule.** California: "Once every four months … an audit … shall cover all sales-based
 *   financings paid off during the previous four-month period" (Cal. Code Regs. tit. 10
 *   § 931(a)(4), (a)(4)(A)); New York: once every twelve months, the previous twelve-month period
 *   (23 NYCRR § 600.9(e)). The period is the `everyMonths` months ending on `periodEnd`.
 * - **Exclusions** (§ 931(a)(4)(A)(i)–(iii); § 600.9(e)(1)–(3)): legal action for breach or to
 *   collect, collection stopped after a contract violation, contract modified by agreement.
 *   Transactions with contractually required true-up payments are included.
 * - **Retrospective APR** (§ 931(a)(4)(B); § 600.9(f)): the Appendix J actuarial APR of the
 *   actual payments ({@link costOfFinancing}). The optional treatment of a lump-sum payoff
 *   (§ 931(a)(4)(B) second sentence) and what the provider must do with the results were not
 *   read in full and are not modelled.
 *
 * ## References
 * Cal. Code Regs. tit. 10 § 931(a)(4); 23 NYCRR § 600.9(e)–(f).
 *
 * @param financings - the completed financings (at most 1,000,000)
 * @param options - {@link AuditOptInAprOptions}
 * @returns a frozen {@link OptInAudit}
 * @throws {@link ValidationError} for an unknown jurisdiction or exclusion, a bad date, an APR outside 0–100, a duplicate id,
 *   an invalid repayment result, or an unknown key
 *
 * @example
 * ```ts
 * import { addPeriods, auditOptInApr, calendarDay, money, salesBasedAdvance, simulateRepayment } from "marketplace-economics";
 * const advance = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });
 * const sales = Array.from({ length: 365 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money("400", "USD") }));
 * const result = simulateRepayment(advance, sales); // paid off 2024-10-15
 * const audit = auditOptInApr([{ id: "a-1", disclosedApr: "0.35", result }], { jurisdiction: "CA", periodEnd: "2024-12-31" });
 * [audit.included, audit.lines[0]?.retrospectiveApr?.toDecimalPlaces(4).toString()]; //=> [1, "0.3624"]
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export function auditOptInApr(financings: readonly OptInAuditFinancing[], options: AuditOptInAprOptions): OptInAudit {
  const o = toOptions(options, FN, "options", ["jurisdiction", "periodEnd", "everyMonths", "exclusions"], false);
  const jurisdiction = toOption(o["jurisdiction"], FN, "options.jurisdiction", ["CA", "NY"] as const);
  const rule = registry().find((r) => r.jurisdiction === jurisdiction)!.optInAudit!;
  const everyMonths = o["everyMonths"] === undefined ? rule.everyMonths : toDecimalInRange(o["everyMonths"], FN, "options.everyMonths", 1, 24).toNumber();
  if (!Number.isInteger(everyMonths)) rangeError(FN, "options.everyMonths", ErrorCode.NOT_INTEGER, "must be an integer", o["everyMonths"], "an integer from 1 to 24");
  const endDay = toFinancingDay(o["periodEnd"], FN, "options.periodEnd");
  const startDay = addMonthsToEpochDay(endDay + 1, -everyMonths);
  const applied = new Set<OptInAuditExclusion>(
    o["exclusions"] === undefined ? EXCLUSIONS : toDenseArray<unknown>(o["exclusions"], FN, "options.exclusions", { maxLength: 3 }).map((e, i) => toOption(e, FN, `options.exclusions[${i}]`, EXCLUSIONS)),
  );
  const list = toDenseArray<unknown>(financings, FN, "financings", { maxLength: MAX_FINANCINGS });
  const seen = new Set<string>();
  const lines: OptInAuditLine[] = list.map((raw, k) => {
    const f = toOptions(raw, FN, `financings[${k}]`, ["id", "disclosedApr", "result", "exclusion"], false);
    const id = toNonEmptyString(f["id"], FN, `financings[${k}].id`);
    if (seen.has(id)) rangeError(FN, `financings[${k}].id`, ErrorCode.DUPLICATE, "must be unique", id, "a distinct id per financing");
    seen.add(id);
    const disclosedApr = toDecimalInRange(f["disclosedApr"], FN, `financings[${k}].disclosedApr`, 0, 100);
    const exclusion = f["exclusion"] === undefined || f["exclusion"] === null ? null : toOption(f["exclusion"], FN, `financings[${k}].exclusion`, EXCLUSIONS);
    let cost;
    try {
      cost = costOfFinancing(f["result"] as RepaymentResult);
    } catch (err) {
      if (err instanceof Error && "fn" in err) rangeError(FN, `financings[${k}].result`, ErrorCode.INVALID_TYPE, `must be a repayment result (${err.message})`, f["result"], "a result of simulateRepayment");
      throw err;
    }
    // The payoff date goes through the one date path (#11: a tampered or non-Date payoffDate threw
    // "payoffDate.getTime is not a function"); the line holds a fresh Date, never the caller's object.
    const rawPayoff = (f["result"] as RepaymentResult).summary.payoffDate;
    const payoffDay = rawPayoff === null ? null : toFinancingDay(rawPayoff, FN, `financings[${k}].result.summary.payoffDate`);
    const payoffDate = payoffDay === null ? null : dayDate(payoffDay);
    let status: OptInAuditLine["status"];
    if (!cost.paidOff || payoffDay === null) status = "not-paid-off";
    else {
      const day = payoffDay;
      if (day < startDay || day > endDay) status = "outside-period";
      else if (exclusion !== null && applied.has(exclusion)) status = "excluded";
      else status = "included";
    }
    const retro = status === "not-paid-off" ? null : cost.apr;
    return Object.freeze({ id, status, exclusion, payoffDate, disclosedApr, retrospectiveApr: retro, difference: retro === null ? null : retro.minus(disclosedApr) });
  });
  const inc = lines.filter((l) => l.status === "included" && l.retrospectiveApr !== null);
  const mean = (xs: Decimal[]): Decimal | null => (xs.length === 0 ? null : xs.reduce((a, b) => a.plus(b), new Decimal(0)).div(xs.length));
  let maxAbs: Decimal | null = null;
  let maxId: string | null = null;
  for (const l of inc) {
    if (maxAbs === null || l.difference!.abs().greaterThan(maxAbs)) {
      maxAbs = l.difference!.abs();
      maxId = l.id;
    }
  }
  return Object.freeze({
    jurisdiction,
    section: rule.section,
    everyMonths,
    periodStart: dayDate(startDay),
    periodEnd: dayDate(endDay),
    lines: Object.freeze(lines),
    included: lines.filter((l) => l.status === "included").length,
    excluded: lines.filter((l) => l.status === "excluded").length,
    meanDisclosedApr: mean(inc.map((l) => l.disclosedApr)),
    meanRetrospectiveApr: mean(inc.map((l) => l.retrospectiveApr!)),
    meanDifference: mean(inc.map((l) => l.difference!)),
    maxAbsDifference: maxAbs,
    maxAbsDifferenceId: maxId,
  });
}
