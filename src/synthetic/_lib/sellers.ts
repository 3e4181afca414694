/**
 * Sellers of `syntheticMarketplace`: the public seller records and annual totals of SMBs, large
 * sellers and the first-party account, built from the engine's draws, and seller-id parsing.
 * Never exported from the package.
 */
import { ErrorCode } from "../../errors.js";
import { rangeError, toNonEmptyString } from "../../_lib/validate.js";
import type { SyntheticSeller, SyntheticSellerTotal } from "../types.js";
import { FN, bulkUnits, cents } from "./cents.js";
import { FIRST_PARTY_ID, type Setup } from "./setup.js";

/** A seller of the marketplace: SMB or large seller by 0-based index, or the first-party account. */
export type SellerRef = { kind: "smb" | "large"; index: number } | { kind: "first-party"; index: 0 };

export function smbSeller(s: Setup, i: number): SyntheticSeller {
  const d = s.engine.drawSmb(i);
  return Object.freeze({
    id: s.smbId(i),
    joinedOn: new Date(d.joinedMs),
    country: d.country,
    employees: d.employees,
    annualTurnover: cents(d.turnoverCents),
    balanceSheetTotal: cents(d.turnoverCents),
    segment: "smb",
    sizeClass: d.sizeClass,
  });
}

/** Large seller j with annual marketplace sales `lc` cents. */
export function largeSeller(s: Setup, j: number, lc: number): SyntheticSeller {
  const l = s.engine.drawLarge(j, lc);
  return Object.freeze({
    id: s.largeId(j),
    joinedOn: new Date(l.joinedMs),
    country: l.country,
    employees: l.employees,
    annualTurnover: cents(l.turnoverCents),
    balanceSheetTotal: cents(l.turnoverCents),
    segment: "large",
    sizeClass: "large",
  });
}

/** The first-party account with annual sales `fp` cents. */
export function firstPartySeller(s: Setup, fp: bigint): SyntheticSeller {
  const f = s.engine.firstParty(Number(fp));
  return Object.freeze({
    id: FIRST_PARTY_ID,
    joinedOn: new Date(s.params.openedOnMs),
    country: "US",
    employees: f.employees,
    annualTurnover: cents(f.turnoverCents),
    balanceSheetTotal: cents(f.turnoverCents),
    segment: "first-party",
    sizeClass: "large",
  });
}

export function smbTotal(s: Setup, i: number): SyntheticSellerTotal {
  const d = s.engine.drawSmb(i);
  return Object.freeze({
    sellerId: s.smbId(i),
    segment: "smb" as const,
    sizeClass: d.sizeClass,
    isNew: d.isNew,
    joinedOn: new Date(d.joinedMs),
    annualSales: cents(d.cents),
    units: d.units,
    employees: d.employees,
  });
}

export function largeTotal(s: Setup, j: number, lc: number): SyntheticSellerTotal {
  const l = s.engine.drawLarge(j, lc);
  return Object.freeze({
    sellerId: s.largeId(j),
    segment: "large" as const,
    sizeClass: "large" as const,
    isNew: false,
    joinedOn: new Date(l.joinedMs),
    annualSales: cents(lc),
    units: bulkUnits(lc, s.params.meanPriceCents),
    employees: l.employees,
  });
}

export function firstPartyTotal(s: Setup, fpCents: bigint): SyntheticSellerTotal {
  const fp = Number(fpCents);
  return Object.freeze({
    sellerId: FIRST_PARTY_ID,
    segment: "first-party" as const,
    sizeClass: "large" as const,
    isNew: false,
    joinedOn: new Date(s.params.openedOnMs),
    annualSales: cents(fpCents),
    units: bulkUnits(fp, s.params.meanPriceCents),
    employees: s.engine.firstParty(fp).employees,
  });
}

/** Parse a seller id of this marketplace (`"smb-0042"`, `"large-07"`, `"first-party"`); throws otherwise. */
export function parseSellerId(s: Setup, id: unknown): SellerRef {
  const sid = toNonEmptyString(id, FN, "sellerId");
  if (sid === FIRST_PARTY_ID) return { kind: "first-party", index: 0 };
  const m = /^(smb|large)-(\d+)$/.exec(sid);
  if (m) {
    const kind = m[1] as "smb" | "large";
    const idx = Number(m[2]) - 1;
    const expected = kind === "smb" ? s.smbId(idx) : s.largeId(idx);
    const count = kind === "smb" ? s.smbCount : s.largeCount;
    if (`${kind}-${m[2] ?? ""}` === expected && idx >= 0 && idx < count) return { kind, index: idx };
  }
  return rangeError(FN, "sellerId", ErrorCode.OUT_OF_RANGE, "must be the id of a seller of this marketplace", sid, `"${s.smbId(0)}" … "${s.smbId(s.smbCount - 1)}", "large-…" or "first-party"`);
}
