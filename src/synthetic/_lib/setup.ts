/**
 * The solved model of `syntheticMarketplace`: from a resolved calibration to the engine's float
 * parameters (μ of the sales lognormal, month and country weights, price of bulk units...), the
 * public `model` block and seller ids. Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { makeMoney } from "../../_lib/money.js";
import type { SyntheticCalibration, SyntheticModel } from "../types.js";
import { CURRENCY, toCents } from "./cents.js";
import { Engine, type EngineParams, type YearFrame } from "./engine.js";
import { lognormalCappedMean, normalQuantile } from "./stats.js";

/** The id of the operator's own retail account. */
export const FIRST_PARTY_ID = "first-party";

/** Everything a marketplace instance derives once from its options. */
export interface Setup {
  readonly seed: number;
  readonly year: number;
  readonly smbCount: number;
  readonly largeCount: number;
  readonly calibration: SyntheticCalibration;
  readonly params: EngineParams;
  readonly engine: Engine;
  readonly frame: YearFrame;
  /** Annual sales (cents) above which an SMB counts as above the threshold. */
  readonly thresholdCents: number;
  /** Dollars of SMB sales per job (2 decimal places). */
  readonly revenuePerJob: Decimal;
  readonly model: SyntheticModel;
  /** `"smb-0001"`… for SMB index i (0-based), zero-padded to the width of the SMB count. */
  smbId(i: number): string;
  /** `"large-01"`… for large seller index j (0-based). */
  largeId(j: number): string;
  /** Scratch month weights and month cents (12 each), overwritten by every use. */
  readonly monthW: number[];
  readonly monthC: number[];
}

/** μ of ln(annual SMB sales in dollars) so that P(S > threshold) = shareAboveThreshold. */
function salesLogMean(c: SyntheticCalibration): number {
  const sigma = c.salesLogSd.toNumber();
  return Math.log(c.salesThreshold.amount.toNumber()) - sigma * normalQuantile(1 - c.shareAboveThreshold.toNumber());
}

/** Integer month weights summing to ≈ 1e6, and cumulative country weights. */
function weights(c: SyntheticCalibration) {
  const seasonSum = c.seasonality.reduce((a, b) => a.plus(b), new Decimal(0));
  const season = c.seasonality.map((w) => w.dividedBy(seasonSum).times(1_000_000).toDecimalPlaces(0).toNumber());
  const countrySum = c.countries.reduce((a, b) => a.plus(b.weight), new Decimal(0));
  let acc = new Decimal(0);
  const countries = c.countries.map((x) => {
    acc = acc.plus(x.weight);
    return { code: x.country, cumulative: acc.dividedBy(countrySum).toNumber() };
  });
  return { season, countries };
}

function engineParams(seed: number, smbCount: number, largeCount: number, year: number, c: SyntheticCalibration, mu: number): EngineParams {
  const priceMu = Math.log(c.medianItemPrice.amount.toNumber());
  const priceSigma = c.itemPriceLogSd.toNumber();
  const { season, countries } = weights(c);
  return {
    seed,
    smbCount,
    largeCount,
    year,
    mu,
    sigma: c.salesLogSd.toNumber(),
    capCents: toCents(c.smbSalesCap, "calibration.smbSalesCap"),
    newShare: c.newSellerShare.toNumber(),
    season,
    priceMu,
    priceSigma,
    meanPriceCents: Math.max(1, Math.round(100 * Math.exp(priceMu - (priceSigma * priceSigma) / 2))),
    smbShareMin: c.smbMarketplaceShareMin.toNumber(),
    smbTurnoverCapCents: toCents(c.smbSalesCap, "calibration.smbSalesCap"),
    largeShareMin: c.largeMarketplaceShareMin.toNumber(),
    largeShareMax: c.largeMarketplaceShareMax.toNumber(),
    largeTurnoverFloorCents: toCents(c.largeTurnoverFloor, "calibration.largeTurnoverFloor"),
    revenuePerEmployeeMu: Math.log(c.revenuePerEmployee.amount.toNumber()),
    revenuePerEmployeeSigma: c.revenuePerEmployeeLogSd.toNumber(),
    countries,
    openedOnMs: Date.parse(c.marketplaceOpenedOn),
    joinMeanDays: 3 * 365,
    largeSalesSigma: 1,
    loanTakeUp: c.loanTakeUpRate.toNumber(),
    loanMinSalesCents: toCents(c.loanMinAnnualSales, "calibration.loanMinAnnualSales"),
  };
}

/**
 * Solve the model for `smbCount` SMBs of `year` under calibration `c`; `thirdParty` is the
 * third-party share of sales in force (the override or the year's published share).
 */
export function buildSetup(seed: number, smbCount: number, year: number, c: SyntheticCalibration, thirdParty: Decimal): Setup {
  const mu = salesLogMean(c);
  const expected = lognormalCappedMean(mu, c.salesLogSd.toNumber(), c.smbSalesCap.amount.toNumber());
  const largeCount = c.largeSellersPerSmb.times(smbCount).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
  const params = engineParams(seed, smbCount, largeCount, year, c, mu);
  const engine = new Engine(params);
  const thresholdCents = toCents(c.salesThreshold, "calibration.salesThreshold");
  const smbWidth = String(smbCount).length;
  const largeWidth = Math.max(1, String(largeCount).length);
  const revenuePerJob = new Decimal(expected).dividedBy(c.jobsPerSmb).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
  const model: SyntheticModel = Object.freeze({
    salesLogMean: new Decimal(mu),
    salesLogSd: c.salesLogSd,
    medianSmbSales: makeMoney(new Decimal(Math.exp(mu)).toDecimalPlaces(2), CURRENCY),
    expectedSmbSales: makeMoney(new Decimal(expected).toDecimalPlaces(2), CURRENCY),
    revenuePerJob: makeMoney(revenuePerJob, CURRENCY),
    thirdPartyShareOfSales: thirdParty,
    largeSellerCount: largeCount,
  });
  return {
    seed,
    year,
    smbCount,
    largeCount,
    calibration: c,
    params,
    engine,
    frame: engine.frame,
    thresholdCents,
    revenuePerJob,
    model,
    smbId: (i) => `smb-${String(i + 1).padStart(smbWidth, "0")}`,
    largeId: (j) => `large-${String(j + 1).padStart(largeWidth, "0")}`,
    monthW: new Array<number>(12).fill(0),
    monthC: new Array<number>(12).fill(0),
  };
}
