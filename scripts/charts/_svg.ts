/**
 * A tiny dependency-free SVG line chart for the docs (scripts/charts.ts). Not part of the package.
 *
 * Legible on a phone (#16): the viewBox is {@link WIDTH} units wide and the smallest text is
 * {@link FONT} units, so a chart scaled to a 375 px wide screen shows its text at
 * FONT × 375 / WIDTH ≈ 11.4 px or more (the title at ≈ 13 px). Long titles and legend entries
 * wrap; the legend sits under the plot, one entry a line, so it never covers a curve.
 */
export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
  readonly color?: string;
  /** Print the series' last point's y value (yFormat) beside it. */
  readonly endLabel?: boolean;
  /** Print the series' first point's y value (yFormat) beside it. */
  readonly startLabel?: boolean;
  /** Dashed line (bands, projections). */
  readonly dashed?: boolean;
}

/** A labelled dot at a data point (e.g. "APR 36.2 %" where a scenario is paid off). */
export interface Annotation {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly color?: string;
  /** Text offset from the point in viewBox units (default 0, -10: above). */
  readonly dx?: number;
  readonly dy?: number;
  readonly anchor?: "start" | "middle" | "end";
  /** Put the text at this data point instead (anchored at its right end), in the dot's colour, where the plot is empty. */
  readonly labelAt?: readonly [number, number];
}

/** A dashed horizontal reference line across the plot (e.g. 50 %), labelled at its left end. */
export interface ReferenceLine {
  readonly y: number;
  readonly label: string;
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly height?: number;
  readonly xFormat?: (x: number) => string;
  readonly yFormat?: (y: number) => string;
  readonly yMin?: number;
  readonly yMax?: number;
  readonly step?: boolean;
  /** Only whole-number ticks on the x axis (years, days). */
  readonly xIntegers?: boolean;
  readonly annotations?: readonly Annotation[];
  readonly referenceLines?: readonly ReferenceLine[];
}

/** viewBox width, in user units (and the chart's width in CSS px on a wide screen). */
export const WIDTH = 460;
/** Smallest font size, in viewBox units: ≈ 11.4 px when the chart is 375 px wide. */
export const FONT = 14;
const TITLE_FONT = 16;

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"];
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Greedy word wrap by an estimated glyph width (0.56 em, system-ui average; 0.62 em bold). */
export function wrap(text: string, fontSize: number, maxWidth: number, bold = false): string[] {
  const maxChars = Math.max(8, Math.floor(maxWidth / ((bold ? 0.62 : 0.56) * fontSize)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

export function lineChart(series: readonly Series[], o: ChartOptions): string {
  const W = WIDTH;
  const fx = o.xFormat ?? String;
  const fy = o.yFormat ?? String;
  const lineH = FONT + 4;
  const titleLines = wrap(o.title, TITLE_FONT, W - 20, true);
  const legend = series.map((s, i) => ({ color: s.color ?? COLORS[i % COLORS.length]!, dashed: s.dashed, lines: wrap(s.name, FONT, W - 40) }));
  const legendH = legend.reduce((h, e) => h + e.lines.length * lineH + 4, 0);
  const plotH = o.height ?? 230;
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = o.yMin ?? Math.min(0, ...ys);
  const y1 = o.yMax ?? Math.max(...ys);
  const yTicks = niceTicks(y0, y1);
  const yTickW = Math.max(...yTicks.map((t) => fy(t).length)) * 0.56 * FONT;
  const endW = Math.max(0, ...series.filter((s) => s.endLabel).map((s) => fy(s.points.at(-1)?.[1] ?? 0).length * 0.64 * FONT + 12));
  const m = { l: Math.ceil(28 + yTickW + 6), r: Math.ceil(Math.max(14, endW)), t: 12 + titleLines.length * (TITLE_FONT + 4) + 8 };
  const plotBottom = m.t + plotH;
  const H = plotBottom + 22 + lineH + 10 + legendH + 6;
  const sx = (x: number) => m.l + ((x - x0) / (x1 - x0 || 1)) * (W - m.l - m.r);
  const sy = (y: number) => plotBottom - ((y - y0) / (y1 - y0 || 1)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="${FONT}">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    ...titleLines.map((l, i) => `<text x="${W / 2}" y="${12 + TITLE_FONT + i * (TITLE_FONT + 4)}" text-anchor="middle" font-size="${TITLE_FONT}" font-weight="600">${esc(l)}</text>`),
  ];
  for (const t of yTicks) {
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${sy(t)}" y2="${sy(t)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${m.l - 6}" y="${sy(t) + 5}" text-anchor="end">${esc(fy(t))}</text>`);
  }
  for (const t of niceTicks(x0, x1, 5).filter((t) => !o.xIntegers || Number.isInteger(t))) {
    parts.push(`<text x="${sx(t)}" y="${plotBottom + 20}" text-anchor="middle">${esc(fx(t))}</text>`);
  }
  for (const r of o.referenceLines ?? []) {
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${sy(r.y)}" y2="${sy(r.y)}" stroke="#555" stroke-width="1.5" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${m.l + 6}" y="${sy(r.y) - 6}" fill="#333">${esc(r.label)}</text>`);
  }
  parts.push(`<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${plotBottom}" stroke="#333"/>`);
  parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${plotBottom}" y2="${plotBottom}" stroke="#333"/>`);
  parts.push(`<text x="${(m.l + W - m.r) / 2}" y="${plotBottom + 22 + lineH}" text-anchor="middle">${esc(o.xLabel)}</text>`);
  parts.push(`<text transform="translate(${FONT + 2} ${m.t + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`);
  series.forEach((s, i) => {
    const color = legend[i]!.color;
    let d = "";
    s.points.forEach(([x, y], j) => {
      if (j === 0) d += `M${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
      else if (o.step) d += `H${sx(x).toFixed(1)}V${sy(y).toFixed(1)}`;
      else d += `L${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
    });
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2.5"${s.dashed ? ' stroke-dasharray="5 4"' : ""}/>`);
    if (s.points.length <= 40) for (const [x, y] of s.points) parts.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3" fill="${color}"/>`);
    const first = s.points[0];
    const last = s.points.at(-1);
    if (s.startLabel && first) parts.push(`<text x="${(sx(first[0]) + 6).toFixed(1)}" y="${(sy(first[1]) - 8).toFixed(1)}" fill="${color}" font-weight="600">${esc(fy(first[1]))}</text>`);
    if (s.endLabel && last) parts.push(`<text x="${(sx(last[0]) + 6).toFixed(1)}" y="${(sy(last[1]) + 5).toFixed(1)}" fill="${color}" font-weight="600">${esc(fy(last[1]))}</text>`);
  });
  for (const a of o.annotations ?? []) {
    const color = a.color ?? "#333";
    parts.push(`<circle cx="${sx(a.x).toFixed(1)}" cy="${sy(a.y).toFixed(1)}" r="4.5" fill="${color}" stroke="white" stroke-width="1.5"/>`);
    if (a.labelAt) {
      const [lx, ly] = [sx(a.labelAt[0]), sy(a.labelAt[1])];
      parts.push(`<text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="end" fill="${color}" font-weight="600">${esc(a.text)}</text>`);
    } else
      parts.push(`<text x="${(sx(a.x) + (a.dx ?? 0)).toFixed(1)}" y="${(sy(a.y) + (a.dy ?? -10)).toFixed(1)}" text-anchor="${a.anchor ?? "middle"}" fill="${color}" font-weight="600">${esc(a.text)}</text>`);
  }
  let ly = plotBottom + 22 + lineH + 10;
  for (const e of legend) {
    parts.push(`<line x1="14" x2="34" y1="${ly + FONT / 2 - 1}" y2="${ly + FONT / 2 - 1}" stroke="${e.color}" stroke-width="3"${e.dashed ? ' stroke-dasharray="5 4"' : ""}/>`);
    e.lines.forEach((l, j) => parts.push(`<text x="40" y="${ly + FONT - 2 + j * lineH}">${esc(l)}</text>`));
    ly += e.lines.length * lineH + 4;
  }
  parts.push("</svg>");
  return parts.join("\n");
}
