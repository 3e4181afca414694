/**
 * Calibration of `syntheticMarketplace`: validation of the user's overrides merged over
 * `defaultSyntheticCalibration`, field by field, with the cross-field checks (threshold < SMB cap
 * < large-seller floor, SMB share ≤ third-party share, ...). Never exported from the package.
 * What each field calibrates is described in docs/guides/synthetic-marketplace.md.
 */
import type { Decimal } from "decimal.js";
import { ErrorCode } from "../../errors.js";
import { parseDateInput, utcDay } from "../../_lib/dates.js";
import { toMoney } from "../../_lib/money.js";
import { rangeError, toArray, toDecimalInRange, toNonEmptyString, toOptions, toRecord } from "../../_lib/validate.js";
import type { Money } from "../../money/types.js";
import { defaultSyntheticCalibration } from "../defaultSyntheticCalibration.js";
import type { SyntheticCalibration } from "../types.js";
import { FN, toCents } from "./cents.js";

type Key = keyof SyntheticCalibration;
type Bounds = { lowerOpen: boolean; upperOpen: boolean };

/** Readers of one calibration record: a field's override when present, else its default. */
interface Reader {
  readonly rec: Record<string, unknown>;
  has(k: Key): boolean;
  /** A rate in [lo, hi] (bounds closed unless `open` says otherwise). */
  rate(k: Key, lo: number, hi: number, open?: Bounds): Decimal;
  /** A USD amount in whole cents (> 0 when `positive`). */
  usd(k: Key, positive: boolean): Money;
}

const arg = (k: string) => `calibration.${k}`;

function reader(rec: Record<string, unknown>): Reader {
  const d = defaultSyntheticCalibration;
  const has = (k: Key) => rec[k] !== undefined;
  return {
    rec,
    has,
    rate: (k, lo, hi, open = { lowerOpen: false, upperOpen: false }) => (has(k) ? toDecimalInRange(rec[k], FN, arg(k), lo, hi, open) : (d[k] as Decimal)),
    usd: (k, positive) => {
      if (!has(k)) return d[k] as Money;
      const m = toMoney(rec[k], FN, arg(k));
      const c = toCents(m, arg(k));
      if (positive && c <= 0) rangeError(FN, arg(k), ErrorCode.OUT_OF_RANGE, "must be > 0", m.amount.toString(), "a positive amount");
      return m;
    },
  };
}

function readSeasonality(r: Reader): readonly Decimal[] {
  const seasonality = r.has("seasonality")
    ? Object.freeze(toArray<unknown>(r.rec["seasonality"], FN, arg("seasonality")).map((v, i) => toDecimalInRange(v, FN, `calibration.seasonality[${i}]`, 0, undefined, { lowerOpen: true })))
    : defaultSyntheticCalibration.seasonality;
  if (seasonality.length !== 12) {
    rangeError(FN, arg("seasonality"), ErrorCode.DIMENSION_MISMATCH, "must have 12 values", seasonality, "12 positive numbers, January to December");
  }
  return seasonality;
}

function readCountries(r: Reader): SyntheticCalibration["countries"] {
  if (!r.has("countries")) return defaultSyntheticCalibration.countries;
  return Object.freeze(
    toArray<unknown>(r.rec["countries"], FN, arg("countries"), { nonEmpty: true }).map((c, i) => {
      const rc = toRecord(c, FN, `calibration.countries[${i}]`);
      const code = toNonEmptyString(rc["country"], FN, `calibration.countries[${i}].country`);
      if (!/^[A-Za-z]{2}$/.test(code)) {
        rangeError(FN, `calibration.countries[${i}].country`, ErrorCode.OUT_OF_RANGE, "must be a 2-letter country code", code, 'an ISO 3166-1 alpha-2 code such as "US"');
      }
      const weight = toDecimalInRange(rc["weight"], FN, `calibration.countries[${i}].weight`, 0, undefined, { lowerOpen: true });
      return Object.freeze({ country: code.toUpperCase(), weight });
    }),
  );
}

/** The SMB share, and the third-party share override (the year's published share must also be ≥ the SMB share). */
function readShares(r: Reader, year: number, publishedThirdParty: Decimal): { smbShareOfSales: Decimal; thirdParty: Decimal | undefined } {
  const smbShareOfSales = r.rate("smbShareOfSales", 0, 1, { lowerOpen: true, upperOpen: true });
  let thirdParty: Decimal | undefined;
  if (r.has("thirdPartyShareOfSales")) {
    thirdParty = toDecimalInRange(r.rec["thirdPartyShareOfSales"], FN, arg("thirdPartyShareOfSales"), 0, 1, { lowerOpen: true, upperOpen: true });
  }
  const effectiveThirdParty = thirdParty ?? publishedThirdParty;
  if (effectiveThirdParty.lessThan(smbShareOfSales)) {
    rangeError(
      FN,
      arg("thirdPartyShareOfSales"),
      ErrorCode.OUT_OF_RANGE,
      `must be ≥ calibration.smbShareOfSales (${smbShareOfSales.toString()})${thirdParty ? "" : ` (the published share for ${year} is used by default)`}`,
      effectiveThirdParty.toString(),
      "a share ≥ the SMB share and < 1",
    );
  }
  return { smbShareOfSales, thirdParty };
}

function readLoanLimits(r: Reader): { loanHoldbackRate: Decimal; loanPrincipalMin: Money; loanPrincipalMax: Money } {
  const loanHoldbackRate = r.rate("loanHoldbackRate", 0, 1, { lowerOpen: true, upperOpen: true });
  if (loanHoldbackRate.decimalPlaces() > 6) {
    rangeError(FN, arg("loanHoldbackRate"), ErrorCode.OUT_OF_RANGE, "must have at most 6 decimal places", loanHoldbackRate.toString(), "a rate such as 0.2 or 0.125");
  }
  const loanPrincipalMin = r.usd("loanPrincipalMin", true);
  const loanPrincipalMax = r.usd("loanPrincipalMax", true);
  if (loanPrincipalMax.amount.lessThan(loanPrincipalMin.amount)) {
    rangeError(FN, arg("loanPrincipalMax"), ErrorCode.OUT_OF_RANGE, "must be ≥ calibration.loanPrincipalMin", loanPrincipalMax.amount.toString(), "an amount ≥ the minimum loan");
  }
  return { loanHoldbackRate, loanPrincipalMin, loanPrincipalMax };
}

/** Threshold < SMB cap < large-seller turnover floor, and the large sellers' marketplace-share range. */
function readSizeLimits(r: Reader) {
  const salesThreshold = r.usd("salesThreshold", true);
  const smbSalesCap = r.usd("smbSalesCap", true);
  if (!smbSalesCap.amount.greaterThan(salesThreshold.amount)) {
    rangeError(FN, arg("smbSalesCap"), ErrorCode.OUT_OF_RANGE, "must be > calibration.salesThreshold", smbSalesCap.amount.toString(), "an amount above the threshold");
  }
  const largeTurnoverFloor = r.usd("largeTurnoverFloor", true);
  if (!largeTurnoverFloor.amount.greaterThan(smbSalesCap.amount)) {
    rangeError(FN, arg("largeTurnoverFloor"), ErrorCode.OUT_OF_RANGE, "must be > calibration.smbSalesCap", largeTurnoverFloor.amount.toString(), "an amount above the largest SMB turnover");
  }
  const largeMarketplaceShareMin = r.rate("largeMarketplaceShareMin", 0, 1, { lowerOpen: true, upperOpen: false });
  const largeMarketplaceShareMax = r.rate("largeMarketplaceShareMax", 0, 1, { lowerOpen: true, upperOpen: false });
  if (largeMarketplaceShareMax.lessThan(largeMarketplaceShareMin)) {
    rangeError(FN, arg("largeMarketplaceShareMax"), ErrorCode.OUT_OF_RANGE, "must be ≥ calibration.largeMarketplaceShareMin", largeMarketplaceShareMax.toString(), "a share ≥ the minimum and ≤ 1");
  }
  return { salesThreshold, smbSalesCap, largeTurnoverFloor, largeMarketplaceShareMin, largeMarketplaceShareMax };
}

/** The earliest join day as the ISO string of its 00:00 UTC (never a Date: the calibration is shared, frozen state). */
function readOpenedOn(r: Reader, year: number): string {
  if (!r.has("marketplaceOpenedOn")) return defaultSyntheticCalibration.marketplaceOpenedOn;
  const openedOn = utcDay(parseDateInput(r.rec["marketplaceOpenedOn"], FN, arg("marketplaceOpenedOn")));
  if (openedOn.getTime() >= Date.UTC(year, 0, 1)) {
    rangeError(FN, arg("marketplaceOpenedOn"), ErrorCode.INVALID_DATE_ORDER, `must be before ${year}-01-01`, openedOn, "a day before the simulated year");
  }
  return openedOn.toISOString();
}

/**
 * The calibration in force: `input` (a partial {@link SyntheticCalibration}, or undefined)
 * validated and merged over the defaults. `publishedThirdParty` is the year's published
 * third-party share, the default of `thirdPartyShareOfSales`. Fields are checked in a fixed
 * order, so the first bad field is the one reported.
 */
export function resolveCalibration(input: unknown, year: number, publishedThirdParty: Decimal): SyntheticCalibration {
  // One read of every known key (a getter runs once), unknown keys and non-objects rejected.
  toRecord(input, FN, "calibration", true); // null: MISSING_VALUE (a stable code since 0.1.0)
  const rec: Record<string, unknown> = toOptions(input, FN, "calibration", Object.keys(defaultSyntheticCalibration));
  const r = reader(rec);
  const seasonality = readSeasonality(r);
  const countries = readCountries(r);
  const { smbShareOfSales, thirdParty } = readShares(r, year, publishedThirdParty);
  const loan = readLoanLimits(r);
  const size = readSizeLimits(r);
  const marketplaceOpenedOn = readOpenedOn(r, year);
  return Object.freeze({
    smbShareOfSales,
    thirdPartyShareOfSales: thirdParty,
    newSellerShare: r.rate("newSellerShare", 0, 1, { lowerOpen: false, upperOpen: true }),
    salesThreshold: size.salesThreshold,
    shareAboveThreshold: r.rate("shareAboveThreshold", 0, 1, { lowerOpen: true, upperOpen: true }),
    salesLogSd: r.rate("salesLogSd", 0, 10, { lowerOpen: true, upperOpen: false }),
    smbSalesCap: size.smbSalesCap,
    smbMarketplaceShareMin: r.rate("smbMarketplaceShareMin", 0, 1, { lowerOpen: true, upperOpen: false }),
    largeMarketplaceShareMin: size.largeMarketplaceShareMin,
    largeMarketplaceShareMax: size.largeMarketplaceShareMax,
    largeTurnoverFloor: size.largeTurnoverFloor,
    revenuePerEmployee: r.usd("revenuePerEmployee", true),
    revenuePerEmployeeLogSd: r.rate("revenuePerEmployeeLogSd", 0, 5),
    jobsPerSmb: r.rate("jobsPerSmb", 0, 1000, { lowerOpen: true, upperOpen: false }),
    lendingPerSmb: r.usd("lendingPerSmb", false),
    loanTakeUpRate: r.rate("loanTakeUpRate", 0, 1),
    loanMinAnnualSales: r.usd("loanMinAnnualSales", false),
    loanPrincipalMin: loan.loanPrincipalMin,
    loanPrincipalMax: loan.loanPrincipalMax,
    loanFeeRate: r.rate("loanFeeRate", 0, 1),
    loanHoldbackRate: loan.loanHoldbackRate,
    largeSellersPerSmb: r.rate("largeSellersPerSmb", 0, 1),
    seasonality,
    medianItemPrice: r.usd("medianItemPrice", true),
    itemPriceLogSd: r.rate("itemPriceLogSd", 0, 5),
    countries,
    marketplaceOpenedOn,
  });
}
