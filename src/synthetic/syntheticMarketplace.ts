import { Decimal } from "decimal.js";
import { ErrorCode } from "../errors.js";
import { getThirdPartySellerShare } from "../data/getThirdPartySellerShare.js";
import { parseDateInput, utcDay } from "../_lib/dates.js";
import { assertSameCurrency, makeMoney, toMoney } from "../_lib/money.js";
import { Engine, MS_PER_DAY, allocateInteger, divRoundHalfEven, type EngineParams } from "./_lib/engine.js";
import { lognormalCappedMean, normalQuantile } from "./_lib/stats.js";
import { rangeError, toArray, toDecimalInRange, toInteger, toNonEmptyString, toOption, toRecord } from "../_lib/validate.js";
import type { Money } from "../money/types.js";
import { defaultSyntheticCalibration } from "./defaultSyntheticCalibration.js";
import type {
  SyntheticAggregates,
  SyntheticCalibration,
  SyntheticLoan,
  SyntheticMarketplace,
  SyntheticMarketplaceOptions,
  SyntheticSale,
  SyntheticSalesOptions,
  SyntheticSegment,
  SyntheticSeller,
} from "./types.js";

const FN = "syntheticMarketplace";
const CURRENCY = "USD";
const MAX_SELLERS = 50_000_000;

function cents(c: number | bigint): Money {
  return makeMoney(new Decimal(`${c.toString()}e-2`), CURRENCY);
}

function toCents(m: Money, arg: string): number {
  assertSameCurrency(FN, CURRENCY, m.currency);
  const c = m.amount.times(100);
  if (!c.isInteger()) rangeError(FN, arg, ErrorCode.SUB_MINOR_UNIT, "must be whole cents", m.amount.toString(), "an amount in whole cents");
  if (c.isNegative() || c.greaterThan(Number.MAX_SAFE_INTEGER)) {
    rangeError(FN, arg, ErrorCode.OUT_OF_RANGE, "must be ≥ 0 and below 2^53 cents", m.amount.toString(), "a non-negative amount");
  }
  return c.toNumber();
}

function resolveCalibration(input: unknown, year: number): SyntheticCalibration {
  const rec = toRecord(input, FN, "calibration", true);
  const known = Object.keys(defaultSyntheticCalibration);
  for (const k of Object.keys(rec)) toOption(k, FN, `calibration.${k}`, known);
  const d = defaultSyntheticCalibration;
  const arg = (k: string) => `calibration.${k}`;
  const has = (k: keyof SyntheticCalibration) => rec[k] !== undefined;
  const rate = (k: keyof SyntheticCalibration, lo: number, hi: number, open = { lowerOpen: false, upperOpen: false }): Decimal =>
    has(k) ? toDecimalInRange(rec[k], FN, arg(k), lo, hi, open) : (d[k] as Decimal);
  const usd = (k: keyof SyntheticCalibration, positive: boolean): Money => {
    if (!has(k)) return d[k] as Money;
    const m = toMoney(rec[k], FN, arg(k));
    const c = toCents(m, arg(k));
    if (positive && c <= 0) rangeError(FN, arg(k), ErrorCode.OUT_OF_RANGE, "must be > 0", m.amount.toString(), "a positive amount");
    return m;
  };
  const seasonality = has("seasonality")
    ? Object.freeze(
        toArray<unknown>(rec["seasonality"], FN, arg("seasonality")).map((v, i) =>
          toDecimalInRange(v, FN, `calibration.seasonality[${i}]`, 0, undefined, { lowerOpen: true }),
        ),
      )
    : d.seasonality;
  if (seasonality.length !== 12) {
    rangeError(FN, arg("seasonality"), ErrorCode.DIMENSION_MISMATCH, "must have 12 values", seasonality, "12 positive numbers, January to December");
  }
  const countries = has("countries")
    ? Object.freeze(
        toArray<unknown>(rec["countries"], FN, arg("countries"), { nonEmpty: true }).map((c, i) => {
          const r = toRecord(c, FN, `calibration.countries[${i}]`);
          const code = toNonEmptyString(r["country"], FN, `calibration.countries[${i}].country`);
          if (!/^[A-Za-z]{2}$/.test(code)) {
            rangeError(FN, `calibration.countries[${i}].country`, ErrorCode.OUT_OF_RANGE, "must be a 2-letter country code", code, "an ISO 3166-1 alpha-2 code such as \"US\"");
          }
          const weight = toDecimalInRange(r["weight"], FN, `calibration.countries[${i}].weight`, 0, undefined, { lowerOpen: true });
          return Object.freeze({ country: code.toUpperCase(), weight });
        }),
      )
    : d.countries;
  const smbShareOfSales = rate("smbShareOfSales", 0, 1, { lowerOpen: true, upperOpen: true });
  let thirdParty: Decimal | undefined;
  if (has("thirdPartyShareOfSales")) {
    thirdParty = toDecimalInRange(rec["thirdPartyShareOfSales"], FN, arg("thirdPartyShareOfSales"), 0, 1, { lowerOpen: true, upperOpen: true });
  }
  const effectiveThirdParty = thirdParty ?? getThirdPartySellerShare(Math.min(2018, Math.max(1999, year)));
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
  const holdback = rate("loanHoldbackRate", 0, 1, { lowerOpen: true, upperOpen: true });
  if (holdback.decimalPlaces() > 6) {
    rangeError(FN, arg("loanHoldbackRate"), ErrorCode.OUT_OF_RANGE, "must have at most 6 decimal places", holdback.toString(), "a rate such as 0.2 or 0.125");
  }
  const loanPrincipalMin = usd("loanPrincipalMin", true);
  const loanPrincipalMax = usd("loanPrincipalMax", true);
  if (loanPrincipalMax.amount.lessThan(loanPrincipalMin.amount)) {
    rangeError(FN, arg("loanPrincipalMax"), ErrorCode.OUT_OF_RANGE, "must be ≥ calibration.loanPrincipalMin", loanPrincipalMax.amount.toString(), "an amount ≥ the minimum loan");
  }
  const salesThreshold = usd("salesThreshold", true);
  const smbSalesCap = usd("smbSalesCap", true);
  if (!smbSalesCap.amount.greaterThan(salesThreshold.amount)) {
    rangeError(FN, arg("smbSalesCap"), ErrorCode.OUT_OF_RANGE, "must be > calibration.salesThreshold", smbSalesCap.amount.toString(), "an amount above the threshold");
  }
  const largeTurnoverFloor = usd("largeTurnoverFloor", true);
  if (!largeTurnoverFloor.amount.greaterThan(smbSalesCap.amount)) {
    rangeError(FN, arg("largeTurnoverFloor"), ErrorCode.OUT_OF_RANGE, "must be > calibration.smbSalesCap", largeTurnoverFloor.amount.toString(), "an amount above the largest SMB turnover");
  }
  const largeMarketplaceShareMin = rate("largeMarketplaceShareMin", 0, 1, { lowerOpen: true, upperOpen: false });
  const largeMarketplaceShareMax = rate("largeMarketplaceShareMax", 0, 1, { lowerOpen: true, upperOpen: false });
  if (largeMarketplaceShareMax.lessThan(largeMarketplaceShareMin)) {
    rangeError(FN, arg("largeMarketplaceShareMax"), ErrorCode.OUT_OF_RANGE, "must be ≥ calibration.largeMarketplaceShareMin", largeMarketplaceShareMax.toString(), "a share ≥ the minimum and ≤ 1");
  }
  let openedOn = d.marketplaceOpenedOn;
  if (has("marketplaceOpenedOn")) openedOn = utcDay(parseDateInput(rec["marketplaceOpenedOn"], FN, arg("marketplaceOpenedOn")));
  if (openedOn.getTime() >= Date.UTC(year, 0, 1)) {
    rangeError(FN, arg("marketplaceOpenedOn"), ErrorCode.INVALID_DATE_ORDER, `must be before ${year}-01-01`, openedOn, "a day before the simulated year");
  }
  return Object.freeze({
    smbShareOfSales,
    thirdPartyShareOfSales: thirdParty,
    newSellerShare: rate("newSellerShare", 0, 1, { lowerOpen: false, upperOpen: true }),
    salesThreshold,
    shareAboveThreshold: rate("shareAboveThreshold", 0, 1, { lowerOpen: true, upperOpen: true }),
    salesLogSd: rate("salesLogSd", 0, 10, { lowerOpen: true, upperOpen: false }),
    smbSalesCap,
    smbMarketplaceShareMin: rate("smbMarketplaceShareMin", 0, 1, { lowerOpen: true, upperOpen: false }),
    largeMarketplaceShareMin,
    largeMarketplaceShareMax,
    largeTurnoverFloor,
    revenuePerEmployee: usd("revenuePerEmployee", true),
    revenuePerEmployeeLogSd: rate("revenuePerEmployeeLogSd", 0, 5),
    jobsPerSmb: rate("jobsPerSmb", 0, 1000, { lowerOpen: true, upperOpen: false }),
    lendingPerSmb: usd("lendingPerSmb", false),
    loanTakeUpRate: rate("loanTakeUpRate", 0, 1),
    loanMinAnnualSales: usd("loanMinAnnualSales", false),
    loanPrincipalMin,
    loanPrincipalMax,
    loanFeeRate: rate("loanFeeRate", 0, 1),
    loanHoldbackRate: holdback,
    largeSellersPerSmb: rate("largeSellersPerSmb", 0, 1),
    seasonality,
    medianItemPrice: usd("medianItemPrice", true),
    itemPriceLogSd: rate("itemPriceLogSd", 0, 5),
    countries,
    marketplaceOpenedOn: openedOn,
  });
}

interface State {
  readonly aggregates: SyntheticAggregates;
  readonly loans: readonly SyntheticLoan[];
  /** Annual cents of large seller j. */
  readonly largeCents: Float64Array;
  readonly firstPartyCents: bigint;
}

/**
 * Build a deterministic synthetic marketplace whose sellers and sales reproduce the headline
 * figures of Amazon's 2018 Small Business Impact Report at any scale, generated lazily so that a
 * million sellers need no more memory than ten.
 *
 * The marketplace has `sellers` small and medium-sized businesses (SMBs: micro/small/medium by
 * the EU 2003/361 ceilings, in the US by default), `round(sellers × largeSellersPerSmb)` large
 * third-party sellers (≥ 250 staff, turnover ≥ `largeTurnoverFloor`) and one `"first-party"`
 * account (the operator's own retail).
 * Every seller is a pure function of `(seed, sellers, index)`, so `sellers()`, `sales()` and
 * `seller(id)` can be replayed, sharded or looked up in any order with identical results.
 *
 * ## Notes
 * **Calibration** (defaults in {@link defaultSyntheticCalibration}):
 * - *Annual SMB sales* S ~ Lognormal(μ, σ), capped at `smbSalesCap`. σ = `salesLogSd` is an
 *   assumption; μ is solved in closed form so that P(S > threshold) = `shareAboveThreshold`:
 *   μ = ln(threshold) − σ · Φ⁻¹(1 − shareAboveThreshold) (default: ln 1e6 − 2 × 2.0537 = 9.708,
 *   median ≈ $16,400).
 * - *Stratified sampling*: the uniforms behind sales, "joined this year" and "took a loan" are
 *   Latin-hypercube draws (u = (π(i) + v)/n with π a seeded Feistel permutation of 0…n−1), so
 *   the number of SMBs above the threshold is round(0.02 n) ± 1 and the number of new SMBs is
 *   round(0.3 n) ± 1 at every n, while sellers stay independent of each other's attributes.
 * - *New sellers* join on a uniform day of the year and sell from that day on (their annual
 *   sales are what they sold after joining). Established sellers joined before the year
 *   (truncated exponential, mean 3 years, not before `marketplaceOpenedOn`).
 * - *SMB share*: large-seller and first-party sales are set from the realised SMB total T:
 *   large = T·(t − s)/s, first-party = T·(1 − t)/s (s = `smbShareOfSales`, t = third-party share,
 *   by default the year's figure from Bezos's 2018 letter, 0.56 for 2017), so the SMB share of
 *   sales is s up to a cent (with fewer than 1 / (2 · largeSellersPerSmb) SMBs there is no
 *   large seller, and the first-party account takes the whole non-SMB part). SMB units are sales / the seller's item price (lognormal); large and
 *   first-party units use the price exp(μₚ − σₚ²/2) = 1 / E[1/price], so the SMB share of units
 *   is close to s too (slightly above: every seller with sales sells at least one unit).
 * - *Jobs*: `model.revenuePerJob` = E[min(S, cap)] / `jobsPerSmb` (closed form), so
 *   `estimateJobs({ sales: smbSales, revenuePerEmployee: model.revenuePerJob })` ≈ 0.9 × n.
 * - *Lending*: established SMBs with annual sales ≥ `loanMinAnnualSales` borrow with stratified
 *   probability `loanTakeUpRate`; principal = clamp(floor₁₀₀(r · S), min, max) with r solved by
 *   bisection so total lent is the smallest ≥ `lendingPerSmb` × n (when reachable with r ≤ 1);
 *   funded at the end of January, February or March, repaid by `loanHoldbackRate` of each
 *   month's sales (a sales-based advance; the report: "repaid from a share of sales").
 * - *Sales*: annual cents are split over active months by `seasonality` (largest remainder,
 *   exact), then evenly over active days; units likewise. A sale is dated on the first day of its
 *   period, or the join day if later; periods with no sales are skipped.
 * - *Size facts* (so that {@link isSmallOrMediumBusiness} recovers the segments): a seller's
 *   `annualTurnover` is its whole-business turnover, of which marketplace sales are a part;
 *   `balanceSheetTotal` = turnover (asset turnover of 1); employees = turnover / R, with R the
 *   seller's turnover per employee, lognormal (median `revenuePerEmployee` $150,000, σ
 *   `revenuePerEmployeeLogSd` 0.5).
 *   - SMBs: turnover = min(cap, S / f), f ~ Uniform(`smbMarketplaceShareMin` 0.3, 1), cap =
 *     `smbSalesCap` (default $41.5 million, the SBA receipts standard of NAICS 454110 and below
 *     the EU €50 million medium turnover ceiling; S is capped there too, so turnover ≥ S);
 *     employees clamped to 1…249 (EU staff ceiling < 250). A capped seller's marketplace share
 *     is S / cap, above its draw. So every SMB is small under `"US-SBA"` (NAICS 454110) and
 *     micro/small/medium under `"EU-2003/361"`. The calibration targets depend on S only and are
 *     unchanged by the turnover model.
 *   - Large sellers: turnover = L / g, with L the seller's marketplace sales and
 *     g ~ Uniform(`largeMarketplaceShareMin` 0.05, `largeMarketplaceShareMax` 0.5) its marketplace
 *     share of turnover; when L / g is below F = `largeTurnoverFloor`, the turnover is redrawn
 *     uniformly on [F, 2F) (so the implied share falls below the range rather than every such
 *     seller sitting on F; at the defaults most large sellers sell a few million dollars on the
 *     marketplace and are redrawn); employees = max(250, turnover / R). The floor (default
 *     $60 million) exceeds the SBA ceiling and the EU €50 million turnover and €43 million
 *     balance-sheet ceilings, so a large seller is large under both standards on every criterion
 *     (staff, turnover, balance sheet).
 *   - First-party account (the operator, a large enterprise): turnover = max(floor, first-party
 *     sales), employees = max(250, turnover / $150,000).
 *
 *   Euros: `sizeClass` applies the EU 2003/361 ceilings to these USD amounts read as euros
 *   (1:1). With a fixed conversion instead, the SMB/large split is unchanged at any rate of at
 *   least $0.83 per euro (ECB 2017 average: $1.1297): an SMB's turnover of at most $41.5 million
 *   is then at most €50 million, and large sellers and the first-party account are large at any
 *   rate through their ≥ 250 staff (their turnover and balance sheet also exceed the EU ceilings
 *   at any rate below $1.20 per euro). The micro/small/medium split of SMBs shifts with the rate.
 *   Overriding `smbSalesCap` above a standard's ceiling makes the top SMBs large under it.
 *
 * Speed: the aggregate pass runs at roughly 1–2 million SMBs per second on a laptop-class CPU
 * (it draws every seller and splits its year into months); `sellerTotals()` and `sales()` add
 * the cost of building `Money` values.
 *
 * ## References
 * - Amazon, Small Business Impact Report (May 2018): see {@link smallBusinessImpactReport2018}.
 * - J. P. Bezos, 2018 Letter to Shareholders: see {@link thirdPartySellerShareOfGms}.
 * - M. D. McKay, R. J. Beckman, W. J. Conover, "A Comparison of Three Methods for Selecting
 *   Values of Input Variables…", Technometrics 21 (1979) (Latin hypercube sampling).
 * - P. J. Acklam, inverse normal CDF algorithm; D. Blackman, S. Vigna, xoshiro128** 1.1.
 *
 * @param options - `seed` (integer 0…2^32−1), `sellers` (SMB count, 1…50,000,000), `year`
 *   (default 2017), `calibration` overrides
 * @returns a {@link SyntheticMarketplace}: lazy `sellers()`, `sellerTotals()`, `sales()`, and
 *   exact `aggregates()` / `loans()` computed in one pass on first use
 * @throws {ValidationError} when the seed, seller count or year is out of range or not an
 *   integer, or a calibration field is out of its domain (an unknown field: `UNKNOWN_OPTION`);
 *   also when the third-party share is below the SMB share — by default the year's published
 *   share is used (years after 2018 use 2018's 0.58), which is below 0.5 before 2015, so for
 *   those years pass `calibration.thirdPartyShareOfSales` (and a lower `smbShareOfSales`)
 * @throws {ValidationTypeError} when `options` or a field has the wrong type
 *
 * @example
 * ```ts
 * import { syntheticMarketplace } from "marketplace-economics";
 * const m = syntheticMarketplace({ seed: 42, sellers: 10_000 });
 * const a = m.aggregates();
 * a.smbCount; //=> 10000
 * a.newSmbCount; //=> 3000
 * a.smbsAboveThreshold; //=> 200
 * a.smbShareOfSales.toDecimalPlaces(6).toString(); //=> "0.5"
 * a.lending.totalLent.amount.greaterThanOrEqualTo(10_000_000); //=> true
 * m.seller("smb-00001").segment; //=> "smb"
 * ```
 *
 * @category Synthetic
 * @since 0.1.0
 */
export function syntheticMarketplace(options: SyntheticMarketplaceOptions): SyntheticMarketplace {
  const opts = toRecord(options, FN, "options");
  const seed = toInteger(opts["seed"], FN, "seed", 0, 4_294_967_295);
  const smbCount = toInteger(opts["sellers"], FN, "sellers", 1, MAX_SELLERS);
  const year = opts["year"] === undefined ? 2017 : toInteger(opts["year"], FN, "year", 1999, 2100);
  const calibration = resolveCalibration(opts["calibration"], year);
  const c = calibration;

  const sigma = c.salesLogSd.toNumber();
  const thresholdDollars = c.salesThreshold.amount.toNumber();
  const capDollars = c.smbSalesCap.amount.toNumber();
  const mu = Math.log(thresholdDollars) - sigma * normalQuantile(1 - c.shareAboveThreshold.toNumber());
  const expected = lognormalCappedMean(mu, sigma, capDollars);
  const thirdParty = c.thirdPartyShareOfSales ?? getThirdPartySellerShare(Math.min(2018, Math.max(1999, year)));
  const largeCount = c.largeSellersPerSmb.times(smbCount).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
  const priceMu = Math.log(c.medianItemPrice.amount.toNumber());
  const priceSigma = c.itemPriceLogSd.toNumber();
  const seasonSum = c.seasonality.reduce((a, b) => a.plus(b), new Decimal(0));
  const season = c.seasonality.map((w) => w.dividedBy(seasonSum).times(1_000_000).toDecimalPlaces(0).toNumber());
  const countrySum = c.countries.reduce((a, b) => a.plus(b.weight), new Decimal(0));
  let acc = new Decimal(0);
  const countries = c.countries.map((x) => {
    acc = acc.plus(x.weight);
    return { code: x.country, cumulative: acc.dividedBy(countrySum).toNumber() };
  });

  const params: EngineParams = {
    seed,
    smbCount,
    largeCount,
    year,
    mu,
    sigma,
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
    openedOnMs: c.marketplaceOpenedOn.getTime(),
    joinMeanDays: 3 * 365,
    largeSalesSigma: 1,
    loanTakeUp: c.loanTakeUpRate.toNumber(),
    loanMinSalesCents: toCents(c.loanMinAnnualSales, "calibration.loanMinAnnualSales"),
  };
  const engine = new Engine(params);
  const frame = engine.frame;
  const thresholdCents = toCents(c.salesThreshold, "calibration.salesThreshold");
  const smbWidth = String(smbCount).length;
  const largeWidth = Math.max(1, String(largeCount).length);
  const smbId = (i: number) => `smb-${String(i + 1).padStart(smbWidth, "0")}`;
  const largeId = (j: number) => `large-${String(j + 1).padStart(largeWidth, "0")}`;
  const FIRST_PARTY_ID = "first-party";

  const revenuePerJob = new Decimal(expected).dividedBy(c.jobsPerSmb).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
  const model = Object.freeze({
    salesLogMean: new Decimal(mu),
    salesLogSd: c.salesLogSd,
    medianSmbSales: makeMoney(new Decimal(Math.exp(mu)).toDecimalPlaces(2), CURRENCY),
    expectedSmbSales: makeMoney(new Decimal(expected).toDecimalPlaces(2), CURRENCY),
    revenuePerJob: makeMoney(revenuePerJob, CURRENCY),
    thirdPartyShareOfSales: thirdParty,
    largeSellerCount: largeCount,
  });

  let state: State | undefined;
  const monthW: number[] = new Array<number>(12).fill(0);
  const monthC: number[] = new Array<number>(12).fill(0);

  function computeState(): State {
    const byMonth: bigint[] = new Array<bigint>(12).fill(0n);
    let smbTotal = 0n;
    let smbUnits = 0;
    let newCount = 0;
    let above = 0;
    let employees = 0;
    const sizeCounts = { micro: 0, small: 0, medium: 0, large: largeCount + 1 };
    const countryCounts: Record<string, number> = {};
    let borrowers: number[] = [];
    let borrowerCents: number[] = [];
    const chunkMonth: number[] = new Array<number>(12).fill(0);
    for (let i = 0; i < smbCount; i++) {
      const s = engine.drawSmb(i);
      smbUnits += s.units;
      if (s.isNew) newCount++;
      if (s.cents > thresholdCents) above++;
      employees += s.employees;
      sizeCounts[s.sizeClass]++;
      countryCounts[s.country] = (countryCounts[s.country] ?? 0) + 1;
      engine.monthWeights(s.joinedMs, monthW);
      allocateInteger(s.cents, monthW, monthC);
      for (let m = 0; m < 12; m++) chunkMonth[m] = (chunkMonth[m] ?? 0) + (monthC[m] ?? 0);
      if (s.borrower) {
        borrowers.push(i);
        borrowerCents.push(s.cents);
      }
      // Flush number accumulators into BigInt before they can lose precision (≤ 1e6 × 5e9 < 2^53).
      if ((i & 0xfffff) === 0xfffff || i === smbCount - 1) {
        for (let m = 0; m < 12; m++) {
          byMonth[m] = (byMonth[m] ?? 0n) + BigInt(chunkMonth[m] ?? 0);
          smbTotal += BigInt(chunkMonth[m] ?? 0);
          chunkMonth[m] = 0;
        }
      }
    }
    // Non-SMB totals from the realised SMB total.
    const s = c.smbShareOfSales;
    const T = new Decimal(smbTotal.toString());
    // With no large seller (tiny marketplaces), the first-party account takes the whole non-SMB half.
    const tp = largeCount > 0 ? thirdParty : s;
    const largeTotal = BigInt(T.times(tp.minus(s)).dividedBy(s).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toFixed(0));
    const fpTotal = BigInt(T.times(new Decimal(1).minus(tp)).dividedBy(s).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toFixed(0));
    const largeCents = new Float64Array(largeCount);
    let largeUnits = 0;
    if (largeCount > 0) {
      const w = engine.largeWeights();
      let ws = 0;
      for (const x of w) ws += x;
      const wi = Array.from(w, (x) => Math.max(1, Math.round((x / ws) * 1e9)));
      const out: number[] = new Array<number>(largeCount).fill(0);
      allocateInteger(Number(largeTotal), wi, out);
      for (let j = 0; j < largeCount; j++) {
        const lc = out[j] ?? 0;
        largeCents[j] = lc;
        largeUnits += lc > 0 ? Math.max(1, Math.round(lc / params.meanPriceCents)) : 0;
        engine.monthWeights(frame.startMs, monthW);
        allocateInteger(lc, monthW, monthC);
        for (let m = 0; m < 12; m++) byMonth[m] = (byMonth[m] ?? 0n) + BigInt(monthC[m] ?? 0);
      }
    }
    const fpUnits = fpTotal > 0n ? Math.max(1, Math.round(Number(fpTotal) / params.meanPriceCents)) : 0;
    {
      engine.monthWeights(frame.startMs, monthW);
      const out: number[] = new Array<number>(12).fill(0);
      allocateInteger(Number(fpTotal), monthW, out);
      for (let m = 0; m < 12; m++) byMonth[m] = (byMonth[m] ?? 0n) + BigInt(out[m] ?? 0);
    }

    // Lending: solve r so that Σ clamp(floor100(r·S)) is the smallest total ≥ target.
    const minP = toCents(c.loanPrincipalMin, "calibration.loanPrincipalMin");
    const maxP = toCents(c.loanPrincipalMax, "calibration.loanPrincipalMax");
    const targetLent = c.lendingPerSmb.amount.times(smbCount);
    const targetCents = targetLent.times(100).toNumber();
    const principalOf = (r: number, sc: number) => Math.min(maxP, Math.max(minP, Math.floor((r * sc) / 10_000) * 10_000));
    const totalAt = (r: number) => {
      let t = 0;
      for (const sc of borrowerCents) t += principalOf(r, sc);
      return t;
    };
    let lo = 0;
    let hi = 1;
    if (borrowerCents.length > 0 && totalAt(hi) >= targetCents) {
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2;
        if (totalAt(mid) >= targetCents) hi = mid;
        else lo = mid;
      }
    }
    const r = hi;
    const hb = c.loanHoldbackRate;
    const hbDen = 10 ** hb.decimalPlaces();
    const hbNum = hb.times(hbDen).toNumber();
    const loans: SyntheticLoan[] = [];
    let lent = 0n;
    let fees = 0n;
    let repaid = 0n;
    let repaidCount = 0;
    for (let k = 0; k < borrowers.length; k++) {
      const i = borrowers[k] ?? 0;
      const d = engine.drawSmb(i);
      const principal = principalOf(r, d.cents);
      const fee = c.loanFeeRate.times(principal).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
      engine.monthWeights(d.joinedMs, monthW);
      allocateInteger(d.cents, monthW, monthC);
      let balance = principal + fee;
      for (let m = d.loanStartMonth; m < 12 && balance > 0; m++) {
        const pay = Math.min(balance, divRoundHalfEven((monthC[m] ?? 0) * hbNum, hbDen));
        balance -= pay;
      }
      lent += BigInt(principal);
      fees += BigInt(fee);
      repaid += BigInt(principal + fee - balance);
      if (balance === 0) repaidCount++;
      loans.push(
        Object.freeze({
          sellerId: smbId(i),
          principal: cents(principal),
          fee: cents(fee),
          holdbackRate: hb,
          fundedOn: new Date((frame.monthStartMs[d.loanStartMonth] ?? frame.startMs) - MS_PER_DAY),
        }),
      );
    }
    borrowers = [];
    borrowerCents = [];

    const total = smbTotal + largeTotal + fpTotal;
    const totalUnits = smbUnits + largeUnits + fpUnits;
    const n = new Decimal(smbCount);
    const ratio = (a: bigint | number, b: bigint | number) =>
      Number(b) === 0 ? new Decimal(0) : new Decimal(a.toString()).dividedBy(new Decimal(b.toString()));
    const aggregates: SyntheticAggregates = {
      smbCount,
      largeSellerCount: largeCount,
      sellerCount: smbCount + largeCount + 1,
      newSmbCount: newCount,
      smbsAboveThreshold: above,
      sales: Object.freeze({ smb: cents(smbTotal), large: cents(largeTotal), firstParty: cents(fpTotal), total: cents(total) }),
      units: Object.freeze({ smb: smbUnits, large: largeUnits, firstParty: fpUnits, total: totalUnits }),
      smbShareOfSales: ratio(smbTotal, total),
      smbShareOfUnits: ratio(smbUnits, totalUnits),
      thirdPartyShareOfSales: ratio(smbTotal + largeTotal, total),
      salesByMonth: Object.freeze(byMonth.map((x) => cents(x))),
      smbEmployees: employees,
      sizeClassCounts: Object.freeze(sizeCounts),
      smbCountryCounts: Object.freeze(countryCounts),
      jobs: new Decimal(smbTotal.toString()).dividedBy(100).dividedBy(revenuePerJob),
      lending: Object.freeze({
        loanCount: loans.length,
        totalLent: cents(lent),
        totalFees: cents(fees),
        repaidInYear: cents(repaid),
        outstandingAtYearEnd: cents(lent + fees - repaid),
        loansRepaidInYear: repaidCount,
        principalToSales: new Decimal(r).toDecimalPlaces(8),
      }),
      targets: Object.freeze({
        smbShareOfSales: c.smbShareOfSales,
        newSmbs: c.newSellerShare.times(n),
        smbsAboveThreshold: c.shareAboveThreshold.times(n),
        jobs: c.jobsPerSmb.times(n),
        totalLent: makeMoney(targetLent, CURRENCY),
      }),
    };
    return { aggregates: Object.freeze(aggregates), loans: Object.freeze(loans), largeCents, firstPartyCents: fpTotal };
  }

  const getState = (): State => (state ??= computeState());

  function makeSmbSeller(i: number): SyntheticSeller {
    const s = engine.drawSmb(i);
    return Object.freeze({
      id: smbId(i),
      joinedOn: new Date(s.joinedMs),
      country: s.country,
      employees: s.employees,
      annualTurnover: cents(s.turnoverCents),
      balanceSheetTotal: cents(s.turnoverCents),
      segment: "smb",
      sizeClass: s.sizeClass,
    });
  }

  function makeLargeSeller(j: number, lc: number): SyntheticSeller {
    const l = engine.drawLarge(j, lc);
    return Object.freeze({
      id: largeId(j),
      joinedOn: new Date(l.joinedMs),
      country: l.country,
      employees: l.employees,
      annualTurnover: cents(l.turnoverCents),
      balanceSheetTotal: cents(l.turnoverCents),
      segment: "large",
      sizeClass: "large",
    });
  }

  function makeFirstParty(fp: bigint): SyntheticSeller {
    const f = engine.firstParty(Number(fp));
    return Object.freeze({
      id: FIRST_PARTY_ID,
      joinedOn: new Date(c.marketplaceOpenedOn.getTime()),
      country: "US",
      employees: f.employees,
      annualTurnover: cents(f.turnoverCents),
      balanceSheetTotal: cents(f.turnoverCents),
      segment: "first-party",
      sizeClass: "large",
    });
  }

  type Ref = { kind: "smb" | "large"; index: number } | { kind: "first-party"; index: 0 };

  function parseId(id: unknown): Ref {
    const sid = toNonEmptyString(id, FN, "sellerId");
    if (sid === FIRST_PARTY_ID) return { kind: "first-party", index: 0 };
    const m = /^(smb|large)-(\d+)$/.exec(sid);
    if (m) {
      const kind = m[1] as "smb" | "large";
      const idx = Number(m[2]) - 1;
      const width = kind === "smb" ? smbWidth : largeWidth;
      const count = kind === "smb" ? smbCount : largeCount;
      if ((m[2] ?? "").length === width && idx >= 0 && idx < count) return { kind, index: idx };
    }
    return rangeError(FN, "sellerId", ErrorCode.OUT_OF_RANGE, "must be the id of a seller of this marketplace", sid, `"${smbId(0)}" … "${smbId(smbCount - 1)}", "large-…" or "first-party"`);
  }

  // Emit one seller's sales into `push`.
  function emitSales(ref: Ref, granularity: "year" | "month" | "day", push: (s: SyntheticSale) => void): void {
    let annual: number;
    let units: number;
    let joinedMs: number;
    let sellerId: string;
    if (ref.kind === "smb") {
      const s = engine.drawSmb(ref.index);
      annual = s.cents;
      units = s.units;
      joinedMs = s.joinedMs;
      sellerId = smbId(ref.index);
    } else if (ref.kind === "large") {
      annual = getState().largeCents[ref.index] ?? 0;
      units = annual > 0 ? Math.max(1, Math.round(annual / params.meanPriceCents)) : 0;
      joinedMs = frame.startMs - MS_PER_DAY;
      sellerId = largeId(ref.index);
    } else {
      annual = Number(getState().firstPartyCents);
      units = annual > 0 ? Math.max(1, Math.round(annual / params.meanPriceCents)) : 0;
      joinedMs = c.marketplaceOpenedOn.getTime();
      sellerId = FIRST_PARTY_ID;
    }
    if (annual <= 0) return;
    const firstDay = Math.max(frame.startMs, joinedMs);
    if (granularity === "year") {
      push(Object.freeze({ sellerId, date: new Date(firstDay), amount: cents(annual), units }));
      return;
    }
    const mc: number[] = new Array<number>(12).fill(0);
    const mu: number[] = new Array<number>(12).fill(0);
    engine.monthWeights(joinedMs, monthW);
    allocateInteger(annual, monthW, mc);
    allocateInteger(units, mc, mu);
    for (let m = 0; m < 12; m++) {
      const amount = mc[m] ?? 0;
      if (amount <= 0) continue;
      const monthStart = frame.monthStartMs[m] ?? frame.startMs;
      const start = Math.max(monthStart, firstDay);
      if (granularity === "month") {
        push(Object.freeze({ sellerId, date: new Date(start), amount: cents(amount), units: mu[m] ?? 0 }));
        continue;
      }
      const days = Math.round(((frame.monthStartMs[m + 1] ?? frame.endMs) - start) / MS_PER_DAY);
      const baseC = Math.floor(amount / days);
      const remC = amount - baseC * days;
      const u = mu[m] ?? 0;
      const baseU = Math.floor(u / days);
      const remU = u - baseU * days;
      for (let k = 0; k < days; k++) {
        const dc = baseC + (k < remC ? 1 : 0);
        if (dc <= 0) continue;
        push(Object.freeze({ sellerId, date: new Date(start + k * MS_PER_DAY), amount: cents(dc), units: baseU + (k < remU ? 1 : 0) }));
      }
    }
  }

  function readSalesOptions(o: unknown): { granularity: "year" | "month" | "day"; segment: SyntheticSegment | undefined } {
    const r = toRecord(o, FN, "options", true);
    const granularity = r["granularity"] === undefined ? "month" : toOption(r["granularity"], FN, "options.granularity", ["year", "month", "day"] as const);
    const segment = r["segment"] === undefined ? undefined : toOption(r["segment"], FN, "options.segment", ["smb", "large", "first-party"] as const);
    return { granularity, segment };
  }

  const marketplace: SyntheticMarketplace = {
    seed,
    year,
    period: Object.freeze({ start: new Date(frame.startMs), end: new Date(frame.endMs) }),
    smbCount,
    largeSellerCount: largeCount,
    sellerCount: smbCount + largeCount + 1,
    calibration,
    model,
    *sellers() {
      for (let i = 0; i < smbCount; i++) yield makeSmbSeller(i);
      if (largeCount > 0) {
        const st = getState();
        for (let j = 0; j < largeCount; j++) yield makeLargeSeller(j, st.largeCents[j] ?? 0);
      }
      yield makeFirstParty(getState().firstPartyCents);
    },
    *sellerTotals() {
      for (let i = 0; i < smbCount; i++) {
        const s = engine.drawSmb(i);
        yield Object.freeze({
          sellerId: smbId(i),
          segment: "smb" as const,
          sizeClass: s.sizeClass,
          isNew: s.isNew,
          joinedOn: new Date(s.joinedMs),
          annualSales: cents(s.cents),
          units: s.units,
          employees: s.employees,
        });
      }
      const st = getState();
      for (let j = 0; j < largeCount; j++) {
        const lc = st.largeCents[j] ?? 0;
        const l = engine.drawLarge(j, lc);
        yield Object.freeze({
          sellerId: largeId(j),
          segment: "large" as const,
          sizeClass: "large" as const,
          isNew: false,
          joinedOn: new Date(l.joinedMs),
          annualSales: cents(lc),
          units: lc > 0 ? Math.max(1, Math.round(lc / params.meanPriceCents)) : 0,
          employees: l.employees,
        });
      }
      const fp = Number(st.firstPartyCents);
      yield Object.freeze({
        sellerId: FIRST_PARTY_ID,
        segment: "first-party" as const,
        sizeClass: "large" as const,
        isNew: false,
        joinedOn: new Date(c.marketplaceOpenedOn.getTime()),
        annualSales: cents(st.firstPartyCents),
        units: fp > 0 ? Math.max(1, Math.round(fp / params.meanPriceCents)) : 0,
        employees: engine.firstParty(fp).employees,
      });
    },
    *sales(o?: SyntheticSalesOptions) {
      const { granularity, segment } = readSalesOptions(o);
      const buffer: SyntheticSale[] = [];
      const push = (s: SyntheticSale) => {
        buffer.push(s);
      };
      const drain = function* () {
        for (const s of buffer) yield s;
        buffer.length = 0;
      };
      if (segment === undefined || segment === "smb") {
        for (let i = 0; i < smbCount; i++) {
          emitSales({ kind: "smb", index: i }, granularity, push);
          yield* drain();
        }
      }
      if (segment === undefined || segment === "large") {
        for (let j = 0; j < largeCount; j++) {
          emitSales({ kind: "large", index: j }, granularity, push);
          yield* drain();
        }
      }
      if (segment === undefined || segment === "first-party") {
        emitSales({ kind: "first-party", index: 0 }, granularity, push);
        yield* drain();
      }
    },
    salesOf(sellerId: string, o?: SyntheticSalesOptions) {
      const ref = parseId(sellerId);
      const { granularity } = readSalesOptions(o);
      const out: SyntheticSale[] = [];
      emitSales(ref, granularity, (s) => out.push(s));
      return Object.freeze(out);
    },
    seller(sellerId: string) {
      const ref = parseId(sellerId);
      if (ref.kind === "smb") return makeSmbSeller(ref.index);
      if (ref.kind === "large") return makeLargeSeller(ref.index, getState().largeCents[ref.index] ?? 0);
      return makeFirstParty(getState().firstPartyCents);
    },
    loans() {
      return getState().loans;
    },
    aggregates() {
      return getState().aggregates;
    },
    toJSON() {
      return { seed, year, smbCount, largeSellerCount: largeCount, calibration, model };
    },
  };
  return Object.freeze(marketplace);
}
