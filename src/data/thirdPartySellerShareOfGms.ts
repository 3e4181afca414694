import { Decimal } from "../_lib/decimal.js";
import { deepFreeze } from "../_lib/freeze.js";
import type { SourceCitation, ThirdPartyShareObservation } from "./types.js";

const LETTER_2018: Omit<SourceCitation, "wording"> = {
  title: "2018 Letter to Shareholders (Jeffrey P. Bezos)",
  publisher: "Amazon.com, Inc.",
  url: "https://www.aboutamazon.com/news/company-news/2018-letter-to-shareholders",
  published: "2019-04-11",
  language: "en",
};

/** Whole percent per year as printed at the top of the 2018 letter. */
const PERCENT: ReadonlyArray<readonly [number, number]> = [
  [1999, 3],
  [2000, 3],
  [2001, 6],
  [2002, 17],
  [2003, 22],
  [2004, 25],
  [2005, 28],
  [2006, 28],
  [2007, 29],
  [2008, 30],
  [2009, 31],
  [2010, 34],
  [2011, 38],
  [2012, 42],
  [2013, 46],
  [2014, 49],
  [2015, 51],
  [2016, 54],
  [2017, 56],
  [2018, 58],
];

function build(): readonly ThirdPartyShareObservation[] {
  return deepFreeze(
    PERCENT.map(([year, pct]) =>
      Object.freeze({
        year,
        share: new Decimal(`${pct}e-2`), // pct / 100 exactly, without a division at import (#10)
        source: Object.freeze({
          ...LETTER_2018,
          wording: `${year} ${pct}% — "The percentages represent the share of physical gross merchandise sales sold on Amazon by independent third-party sellers – mostly small- and medium-sized businesses – as opposed to Amazon retail's own first party sales."`,
        }),
      }),
    ),
  );
}

/**
 * The published yearly series of the third-party seller share of Amazon's physical gross
 * merchandise sales (GMS), 1999–2018: 3 % in 1999 to 58 % in 2018.
 *
 * Frozen, sorted by year, one point per year. Every point is printed in the table that opens
 * Jeff Bezos's 2018 letter to shareholders (released 2019-04-11), which each observation cites.
 * The shares are whole percent as published (so 2015's 51 % is 0.51). The letter adds that
 * first-party sales grew from $1.6 billion (1999) to $117 billion (2018) and third-party sales
 * from $0.1 billion to $160 billion. Earlier letters reported third-party *units* rather than
 * GMS; they were not used, so the series has a single definition throughout.
 *
 * ## References
 * - J. P. Bezos, 2018 Letter to Shareholders, Amazon.com, Inc., April 2019
 *   (aboutamazon.com; the same table appears in the PDF filed with the 2019 proxy materials).
 *
 * @example
 * ```ts
 * import { thirdPartySellerShareOfGms } from "marketplace-economics";
 * thirdPartySellerShareOfGms.length; //=> 20
 * thirdPartySellerShareOfGms[0]?.year; //=> 1999
 * thirdPartySellerShareOfGms[0]?.share.toString(); //=> "0.03"
 * thirdPartySellerShareOfGms.at(-1)?.share.toString(); //=> "0.58"
 * ```
 *
 * @category Data
 * @since 0.1.0
 */
export const thirdPartySellerShareOfGms: readonly ThirdPartyShareObservation[] = /* @__PURE__ */ build();
