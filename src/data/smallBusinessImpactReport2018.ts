import { Decimal } from "../_lib/decimal.js";
import { deepFreeze } from "../_lib/freeze.js";
import type { ImpactReportFigureId, ReportFigure, SmallBusinessImpactReport, SourceCitation } from "./types.js";

const ONLINEHAENDLER: SourceCitation = {
  title: "Jeder zweite Verkauf auf Amazon durch kleine und mittelständische Händler",
  publisher: "OnlinehändlerNews",
  url: "https://www.onlinehaendler-news.de/handel/studien/31604-jeder-zweite-verkauf-amazon-durch-kleine-mittelstaendische-haendler.html",
  published: "2018-05",
  language: "de",
  wording:
    "Allein in den USA bieten über eine Million KMU ihre Waren auf dem Online-Marktplatz des US-Konzerns an. Diese Unternehmen sind zudem für die Hälfte aller Verkäufe auf Amazon verantwortlich und haben schätzungsweise 900.000 neue Jobs geschaffen.",
};

const CHANNELE2E: SourceCitation = {
  title: "Amazon Ecosystem Spans One Million U.S. Small Businesses",
  publisher: "ChannelE2E",
  url: "https://www.channele2e.com/editorial/news/amazon-ecosystem-spans-one-million-u-s-small-businesses",
  published: undefined,
  language: "en",
  wording: "More than one million U.S.-based small and medium-sized businesses (SMBs) sell their wares through Amazon, according to the online retailer's newly released Small Business Impact Report.",
};

const SMALLBUSINESS_COM: SourceCitation = {
  title: "Amazon Small Business Impact Report (infographic summary)",
  publisher: "SmallBusiness.com",
  url: "https://smallbusiness.com/digital-marketing/amazon-small-business/",
  published: undefined,
  language: "en",
  wording: "50% | Half of all items purchased on Amazon come from small businesses",
};

const WASHINGTON_POST: SourceCitation = {
  title: "Is Amazon good or bad for small business?",
  publisher: "The Washington Post",
  url: "https://www.washingtonpost.com/news/on-small-business/wp/2018/05/04/is-amazon-good-or-bad-for-small-business/",
  published: "2018-05-04",
  language: "en",
  wording: "This week is Small Business Week, and on Thursday Amazon released its first Small Business Impact Report.",
};

function cite(source: SourceCitation, wording: string): SourceCitation {
  return Object.freeze({ ...source, wording });
}

function figure<V extends Decimal | number | null>(f: ReportFigure<V>): ReportFigure<V> {
  return Object.freeze({
    ...f,
    scope: Object.freeze({ ...f.scope }),
    sources: Object.freeze(f.sources.map((s) => Object.freeze({ ...s }))),
  });
}

function build(): SmallBusinessImpactReport {
  const figures = {
    smbShareOfSales: figure({
      id: "smbShareOfSales",
      description: "Share of all purchases on Amazon that come from small and medium-sized businesses",
      value: new Decimal("0.5"),
      qualifier: "approximately",
      unit: "share",
      scope: { geography: "worldwide", year: undefined, note: "all of Amazon's stores, as of the report (May 2018); the period is not stated" },
      sourceText: "Half of all items purchased on Amazon come from small businesses",
      sources: [
        cite(SMALLBUSINESS_COM, "50% | Half of all items purchased on Amazon come from small businesses"),
        cite(CHANNELE2E, "Half the items purchased on Amazon come from small and medium-sized businesses."),
        cite(ONLINEHAENDLER, "Diese Unternehmen sind zudem für die Hälfte aller Verkäufe auf Amazon verantwortlich"),
      ],
      note: "The English summaries count items (units); the German press says sales ('jeder zweite Verkauf'). Amazon's sales include its own first-party retail, so this is a share of all sales, not of third-party sales.",
    }),
    usSmbsSelling: figure({
      id: "usSmbsSelling",
      description: "US-based small and medium-sized businesses selling on Amazon",
      value: 1_000_000,
      qualifier: "over",
      unit: "businesses",
      scope: { geography: "US", year: undefined, note: "as of the report (May 2018)" },
      sourceText: "More than one million U.S.-based small and medium-sized businesses (SMBs) sell their wares through Amazon",
      sources: [
        cite(CHANNELE2E, "More than one million U.S.-based small and medium-sized businesses (SMBs) sell their wares through Amazon"),
        cite(ONLINEHAENDLER, "Allein in den USA bieten über eine Million KMU ihre Waren auf dem Online-Marktplatz des US-Konzerns an."),
      ],
      note: "Millions of SMBs sell worldwide ('weltweit Millionen'); this count is the US only.",
    }),
    usBusinessesStartedSelling: figure({
      id: "usBusinessesStartedSelling",
      description: "Small businesses that started selling on Amazon in 2017",
      value: 300_000,
      qualifier: "exactly",
      unit: "businesses",
      scope: { geography: "US", year: 2017, note: "calendar year 2017" },
      sourceText: "300,000 | The number of small businesses that started selling on Amazon in 2017",
      sources: [cite(SMALLBUSINESS_COM, "300,000 | The number of small businesses that started selling on Amazon in 2017")],
      note: "Listed among the US figures of the report's infographic; the infographic's wording says 'small businesses' without repeating 'U.S.'. Read with usSmbsSelling, 300,000 / 1,000,000 = 30 % of US SMB sellers were new in the year.",
    }),
    smbsAboveOneMillionSales: figure({
      id: "smbsAboveOneMillionSales",
      description: "Small and medium-sized businesses with more than US$1 million in sales on Amazon in 2017",
      value: 20_000,
      qualifier: "over",
      unit: "businesses",
      scope: { geography: "worldwide", year: 2017, note: "calendar year 2017; sales on Amazon, in US dollars" },
      sourceText: "More than 20,000 small and medium-sized businesses worldwide on Amazon surpassed $1 million in sales in 2017.",
      sources: [
        cite(CHANNELE2E, "More than 20,000 small and medium-sized businesses worldwide on Amazon surpassed $1 million in sales in 2017."),
        cite(SMALLBUSINESS_COM, "20,000 | The number of small business that surpassed $1 million in sales during 2017"),
        cite(WASHINGTON_POST, "According to the report, 20,000 of those businesses had more than $1 million in sales last year."),
        cite(ONLINEHAENDLER, "20.000 KMU haben im Jahr 2017 mehr als eine Million US-Dollar Umsatz auf der Plattform erwirtschaftet."),
      ],
      note: "Sources differ on the scope: ChannelE2E says 'worldwide'; The Washington Post says 'of those' US-based businesses. The infographic and the German press give 20,000 without 'more than'.",
    }),
    jobsCreated: figure({
      id: "jobsCreated",
      description: "Jobs created by small and medium-sized businesses selling on Amazon (Amazon's estimate)",
      value: 900_000,
      qualifier: "over",
      unit: "jobs",
      scope: { geography: "worldwide", year: undefined, note: "cumulative, as of the report (May 2018)" },
      sourceText: "Amazon estimates that SMBs selling through its channels have created more than 900,000 jobs worldwide.",
      sources: [
        cite(CHANNELE2E, "Amazon estimates that SMBs selling through its channels have created more than 900,000 jobs worldwide."),
        cite(SMALLBUSINESS_COM, "900,000 | Amazon's estimate of the number of jobs that have been created worldwide by small businesses selling on Amazon"),
        cite(ONLINEHAENDLER, "… und haben schätzungsweise 900.000 neue Jobs geschaffen."),
      ],
      note: "An estimate by Amazon; the method is not published. The German press says 'schätzungsweise' (an estimated) 900,000.",
    }),
    lendingToUsSmbs: figure({
      id: "lendingToUsSmbs",
      description: "Amount Amazon lent to US small and medium-sized businesses through Amazon Lending in 2017",
      value: new Decimal("1000000000"),
      qualifier: "over",
      unit: "USD",
      scope: { geography: "US", year: 2017, note: "calendar year 2017, Amazon Lending programme" },
      sourceText: "In 2017, Amazon lent more than $1 billion to U.S-based small and medium-sized businesses through the Amazon Lending Program.",
      sources: [
        cite(CHANNELE2E, "In 2017, Amazon lent more than $1 billion to U.S-based small and medium-sized businesses through the Amazon Lending Program."),
        cite(SMALLBUSINESS_COM, "$1 Billion | The amount lent to U.S. small businesses in 2017 through the Amazon Lending Program"),
        cite(ONLINEHAENDLER, "Amazon habe dem Report zufolge über eine Milliarde US-Dollar an kleine und mittelständische Unternehmen in den USA geliehen."),
      ],
      note: "Repayment: the German press adds that repayment is usually made through a share ('Beteiligung') of sales; the stored copy consulted is cut off mid-sentence there ('die Rückzahlung erfolgt in der Regel über eine Beteil…').",
    }),
    yearsSinceSmbsInvited: figure({
      id: "yearsSinceSmbsInvited",
      description: "Years since Amazon first invited small businesses to sell on Amazon",
      value: 20,
      qualifier: "approximately",
      unit: "years",
      scope: { geography: "worldwide", year: 2018, note: "counted back from the report (2018)" },
      sourceText: "Amazon hat zum ersten Mal vor 20 Jahren kleine Unternehmen eingeladen, ihre Produkte auf Amazon zu verkaufen",
      sources: [
        cite(ONLINEHAENDLER, "„Amazon hat zum ersten Mal vor 20 Jahren kleine Unternehmen eingeladen, ihre Produkte auf Amazon zu verkaufen …“, so Jeff Wilke"),
        cite(CHANNELE2E, "Jeff Wilke, CEO Worldwide Consumer, Amazon, says the company first invited small business to sell on Amazon nearly two decades ago"),
      ],
      note: "Quoted from Jeff Wilke (CEO Worldwide Consumer); the English summary says 'nearly two decades ago'.",
    }),
    investmentInSmbServices: figure({
      id: "investmentInSmbServices",
      description: "Amazon's investment in infrastructure and services for third-party businesses",
      value: null,
      qualifier: "unquantified",
      unit: "USD",
      scope: { geography: "worldwide", year: undefined, note: "the English copy consulted states no year (the brief and REFERENCES place it in 2017)" },
      sourceText: "Amazon says it invested billions of dollars in infrastructure and technical services to help third-party businesses reach customers around the world.",
      sources: [cite(CHANNELE2E, "Amazon says it invested billions of dollars in infrastructure and technical services to help third-party businesses reach customers around the world.")],
      note: "No amount is given ('billions of dollars'); value is null.",
    }),
  } satisfies Record<ImpactReportFigureId, ReportFigure>;
  return deepFreeze({
    title: "Amazon Small Business Impact Report",
    publisher: "Amazon.com, Inc.",
    published: "2018-05-03",
    figures: Object.freeze(figures),
    sources: Object.freeze([ONLINEHAENDLER, CHANNELE2E, SMALLBUSINESS_COM, WASHINGTON_POST].map((s) => Object.freeze({ ...s }))),
  });
}

/**
 * The headline figures of Amazon's first Small Business Impact Report (May 2018), each with its
 * value, unit, qualifier, scope and the wording of the sources.
 *
 * Frozen data, all the way down (the Decimals too: no caller can change what a later read
 * returns). Shares and money are `Decimal`, counts and years are `number`, an unquantified
 * figure ("billions of dollars") is `null`; "more than" / "an estimated" is kept in `qualifier`.
 * `JSON.stringify(smallBusinessImpactReport2018)` gives a plain JSON document (Decimals as
 * strings). The report itself was released as an infographic on 2018-05-03 (a Thursday, per The
 * Washington Post of 2018-05-04); the figures are quoted from the press summaries listed in
 * `sources`, which do not all agree on scope and qualifiers (see each figure's `note`).
 *
 * ## References
 * - OnlinehändlerNews, "Jeder zweite Verkauf auf Amazon durch kleine und mittelständische
 *   Händler", May 2018.
 * - ChannelE2E, "Amazon Ecosystem Spans One Million U.S. Small Businesses".
 * - SmallBusiness.com, summary of the report's infographic.
 * - The Washington Post, "Is Amazon good or bad for small business?", 2018-05-04.
 *
 * @example
 * ```ts
 * import { smallBusinessImpactReport2018 } from "marketplace-economics";
 * const f = smallBusinessImpactReport2018.figures;
 * f.smbShareOfSales.value.toString(); //=> "0.5"
 * f.usSmbsSelling.value; //=> 1000000
 * f.usSmbsSelling.qualifier; //=> "over"
 * f.smbsAboveOneMillionSales.scope.year; //=> 2017
 * f.lendingToUsSmbs.value.toFixed(0); //=> "1000000000"
 * f.investmentInSmbServices.value; //=> null
 * ```
 *
 * @category Data
 * @since 0.1.0
 */
export const smallBusinessImpactReport2018: SmallBusinessImpactReport = /* @__PURE__ */ build();
