/**
 * The shape of one docs chart (scripts/charts/<name>.ts): the SVG file it writes under
 * docs/guides/assets/ and a function that renders it from the library's own output.
 */
export interface DocChart {
  /** File name under docs/guides/assets/, e.g. "repayment-balance.svg". */
  readonly file: string;
  /** Renders the SVG text (deterministic: same library output, same bytes). */
  readonly render: () => string;
}
