/** Internal: finalize an accumulator into shares; `fn` names the public caller for errors. */
import { Decimal, exactMinus } from "../../_lib/decimal.js";
import { ErrorCode, ValidationError } from "../../errors.js";
import type { Money } from "../../money/types.js";
import type { SalesShareResult, SegmentShare } from "../types.js";
import { makeMoney } from "../../_lib/money.js";
import { gmvOf, type ShareAccumulatorImpl, unitsOf } from "./accumulator.js";
import { sharesBySelection } from "./shares.js";

export function finalizeAccumulator<S extends string = string>(acc: ShareAccumulatorImpl, fn: string): SalesShareResult<S> {
  const names = acc.declared ? [...acc.declared] : [...acc.totals.keys()].sort();
  const gmvs: Decimal[] = [];
  const units: Decimal[] = [];
  const counts: Decimal[] = [];
  for (const name of names) {
    const t = acc.totals.get(name);
    const g = t ? gmvOf(t, acc.digits) : new Decimal(0);
    const u = t ? unitsOf(t) : new Decimal(0);
    if (g.isNegative() && !g.isZero()) {
      throw new ValidationError(
        fn,
        ErrorCode.UNDEFINED_RESULT,
        "accumulator",
        `segment ${JSON.stringify(name)} has negative net GMV ${g.toFixed()} (refunds exceed sales), so its share is undefined (allowed: non-negative segment totals; use refunds: "gross" to compute shares over gross sales with refunds reported per segment, or "exclude")`,
        "non-negative segment totals",
      );
    }
    if (u.isNegative() && !u.isZero()) {
      throw new ValidationError(
        fn,
        ErrorCode.UNDEFINED_RESULT,
        "accumulator",
        `segment ${JSON.stringify(name)} has negative net units ${u.toFixed()}, so its unit share is undefined (allowed: non-negative segment totals)`,
        "non-negative segment totals",
      );
    }
    gmvs.push(g);
    units.push(u);
    counts.push(new Decimal(t ? t.sales : 0));
  }
  const p = acc.precision;
  // Largest remainder by selection, not a sort of every segment (#13): same shares.
  const gs = sharesBySelection(gmvs, p);
  const us = sharesBySelection(units, p);
  const cs = sharesBySelection(counts, p);
  const currency = acc.currency;
  const moneyOf = (d: Decimal): Money => makeMoney(d, currency ?? "XXX");
  const segments: SegmentShare<S>[] = names.map((name, i) =>
    Object.freeze({
      segment: name as S,
      gmv: moneyOf(gmvs[i] as Decimal),
      units: units[i] as Decimal,
      sales: (counts[i] as Decimal).toNumber(),
      gmvShare: gs[i] as Decimal,
      unitShare: us[i] as Decimal,
      salesShare: cs[i] as Decimal,
      ...(acc.refunds === "gross" ? grossFields(acc.totals.get(name), gmvs[i] as Decimal, moneyOf) : {}),
    }),
  );
  const bySegment: Partial<Record<S, SegmentShare<S>>> = {};
  // defineProperty, not assignment: a segment may be named "__proto__".
  for (const s of segments) Object.defineProperty(bySegment, s.segment, { value: s, enumerable: true, writable: true, configurable: true });
  const totalGmv = gmvs.reduce((a, b) => a.plus(b), new Decimal(0));
  return Object.freeze({
    currency,
    precision: p,
    total: Object.freeze({
      gmv: currency === undefined ? undefined : makeMoney(totalGmv, currency),
      units: units.reduce((a, b) => a.plus(b), new Decimal(0)),
      sales: counts.reduce((a, b) => a + b.toNumber(), 0),
    }),
    segments: Object.freeze(segments),
    bySegment: Object.freeze(bySegment),
  });
}

/** `refunds` and `netGmv` of a segment under `refunds: "gross"`. */
function grossFields(t: { refunded: Decimal } | undefined, gross: Decimal, moneyOf: (d: Decimal) => Money): { refunds: Money; netGmv: Money } {
  const refunded = t ? t.refunded : new Decimal(0);
  return { refunds: moneyOf(refunded), netGmv: moneyOf(exactMinus(gross, refunded)) };
}
