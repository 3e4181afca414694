import type { Decimal } from "decimal.js";

/**
 * How a published figure is qualified in its source: `"over"` ("more than 1 million"),
 * `"approximately"` ("an estimated 900,000", "half"), `"exactly"` (a figure given without a
 * qualifier) or `"unquantified"` (the source gives no number, e.g. "billions of dollars").
 *
 * @category Data
 * @since 0.1.0
 */
export type FigureQualifier = "over" | "approximately" | "exactly" | "unquantified";

/**
 * Unit of a published figure: a `"share"` (a decimal fraction, 0.5 = 50 %), a count of
 * `"businesses"` or `"jobs"`, an amount in `"USD"`, or a number of `"years"`.
 *
 * @category Data
 * @since 0.1.0
 */
export type FigureUnit = "share" | "businesses" | "jobs" | "USD" | "years";

/**
 * Where a published figure comes from: a document or article, its publisher, address, date and
 * the wording it uses (quoted as published; German sources are quoted in German).
 *
 * @category Data
 * @since 0.1.0
 */
export interface SourceCitation {
  /** Title of the document or article. */
  readonly title: string;
  /** Who published it. */
  readonly publisher: string;
  /** Web address of the copy consulted. */
  readonly url: string;
  /** Publication date, ISO `YYYY-MM-DD` (or `YYYY-MM`), `undefined` when the copy shows none. */
  readonly published: string | undefined;
  /** BCP 47 language tag of the wording (`"en"`, `"de"`). */
  readonly language: string;
  /** The sentence or table row as published. */
  readonly wording: string;
}

/**
 * Scope of a published figure: the geography it covers and the calendar year it refers to
 * (`undefined` when the source states none, e.g. a cumulative or as-of figure).
 *
 * @category Data
 * @since 0.1.0
 */
export interface FigureScope {
  /** `"US"` (US-based businesses) or `"worldwide"`. */
  readonly geography: "US" | "worldwide";
  /** Calendar year the figure measures, if the source states one. */
  readonly year: number | undefined;
  /** Free-text precision of the scope (e.g. "as of the report, May 2018"). */
  readonly note: string;
}

/**
 * One headline figure of a published report, with its value, unit, scope and the source wording.
 * `value` is a `Decimal` for shares and money, a `number` for counts and years, and `null` when
 * the source gives no number (`qualifier: "unquantified"`). `JSON.stringify` writes Decimals as
 * strings.
 *
 * @category Data
 * @since 0.1.0
 */
export interface ReportFigure<V extends Decimal | number | null = Decimal | number | null> {
  /** Stable key of the figure (the property name in the report's `figures`). */
  readonly id: ImpactReportFigureId;
  /** One-line description in plain words. */
  readonly description: string;
  /** The figure: a `Decimal` (shares, USD), a `number` (counts, years) or `null` (unquantified). */
  readonly value: V;
  /** How the source qualifies the value. */
  readonly qualifier: FigureQualifier;
  /** Unit of `value`. */
  readonly unit: FigureUnit;
  /** Geography and year the figure covers. */
  readonly scope: FigureScope;
  /** The report's own wording, as quoted by the sources below. */
  readonly sourceText: string;
  /** Where the figure was read. */
  readonly sources: readonly SourceCitation[];
  /** Caveats: differences between sources, what is and is not measured. */
  readonly note: string;
}

/**
 * Keys of the headline figures of {@link smallBusinessImpactReport2018}.
 *
 * @category Data
 * @since 0.1.0
 */
export type ImpactReportFigureId =
  "smbShareOfSales" | "usSmbsSelling" | "usBusinessesStartedSelling" | "smbsAboveOneMillionSales" | "jobsCreated" | "lendingToUsSmbs" | "yearsSinceSmbsInvited" | "investmentInSmbServices";

/**
 * The shape of {@link smallBusinessImpactReport2018}.
 *
 * @category Data
 * @since 0.1.0
 */
export interface SmallBusinessImpactReport {
  /** Title of the report. */
  readonly title: string;
  /** Publisher. */
  readonly publisher: string;
  /** Release date, ISO `YYYY-MM-DD`. */
  readonly published: string;
  /** The headline figures, by key. */
  readonly figures: {
    readonly smbShareOfSales: ReportFigure<Decimal>;
    readonly usSmbsSelling: ReportFigure<number>;
    readonly usBusinessesStartedSelling: ReportFigure<number>;
    readonly smbsAboveOneMillionSales: ReportFigure<number>;
    readonly jobsCreated: ReportFigure<number>;
    readonly lendingToUsSmbs: ReportFigure<Decimal>;
    readonly yearsSinceSmbsInvited: ReportFigure<number>;
    readonly investmentInSmbServices: ReportFigure<null>;
  };
  /** Every source consulted. */
  readonly sources: readonly SourceCitation[];
}

/**
 * One point of {@link thirdPartySellerShareOfGms}: the share of Amazon's physical gross
 * merchandise sales sold by independent third-party sellers in a calendar year.
 *
 * @category Data
 * @since 0.1.0
 */
export interface ThirdPartyShareObservation {
  /** Calendar year. */
  readonly year: number;
  /** Share as a decimal fraction (0.58 = 58 %), rounded to whole percent as published. */
  readonly share: Decimal;
  /** Where the point was read. */
  readonly source: SourceCitation;
}
