/**
 * Internal root finder for dated cash flows (xirr, irr, xirrRoots, irrRoots). Never exported.
 *
 * The unknown is x = ln(1 + r), so every rate above -100 % maps to a real x and very high rates
 * (r > 1000 %) or rates near -100 % are ordinary numbers. The function solved is
 *
 *   h(x) = Σ aᵢ · exp(-(kᵢ - k_ref) · x / D)
 *
 * with kᵢ whole days (D = 365, ACT/365F) or whole periods (D = 1). `k_ref` is the earliest flow
 * when x ≥ 0 and the latest when x < 0, so every discount factor is ≤ 1 (no overflow, however long
 * the horizon). h has the roots of the NPV (it is the NPV at the reference date).
 *
 * Strategy: Newton from the guess (analytic derivative) when the flows change sign once (then the
 * root is unique by the generalised Descartes rule of signs); when Newton fails, Brent on the sign
 * bracket Newton's iterates found, else on [XMIN, XMAX]; a grid scan + Brent when there are
 * several sign changes.
 *
 * Speed: evaluations reuse one `exp` per distinct gap between flow dates (a per-evaluation cache
 * for gaps < 512, and a branch-free loop when all gaps are equal, as for daily or periodic flows);
 * each variant performs the same float operations in the same order, so h is bit-for-bit the same.
 * Every root returned satisfies |h(x)| ≤ 1e-9 · Σ|aᵢ|·vᵢ(x) (relative to the discounted flows),
 * checked before returning, and is a rate above -100 % (also checked on the Decimal returned).
 */
import { Decimal } from "../../_lib/decimal.js";
import { ConvergenceError, ErrorCode } from "../../errors.js";
import { fromHp, hp, toHp } from "./decimal.js";
import type { ParsedFlows } from "./flows.js";

/** Search bounds in x = ln(1 + r): r from about -1 + 2e-22 to about 5e21. */
export const XMIN = -50;
export const XMAX = 50;
/** Residual tolerance relative to the discounted flows' magnitude Σ|aᵢ|·vᵢ (see {@link residualOk}). */
export const RESIDUAL_TOLERANCE = 1e-9;

/** Flows merged by day, zeros dropped. */
export interface RootProblem {
  readonly a: Float64Array;
  readonly k: Float64Array;
  readonly n: number;
  readonly D: number;
  readonly absSum: number;
  readonly signChanges: number;
  /** Common gap when every k[i] - k[i-1] is the same (daily or periodic flows), else 0. */
  readonly step: number;
}

/** The common gap of ascending k (k[0] = 0), or 0 when the gaps differ or n < 2. */
export function uniformStep(k: Float64Array, n: number): number {
  if (n < 2) return 0;
  const g = k[1]! - k[0]!;
  for (let i = 2; i < n; i++) if (k[i]! - k[i - 1]! !== g) return 0;
  return g;
}

export function toProblem(flows: ParsedFlows, D: number): RootProblem {
  const a = new Float64Array(flows.n);
  const k = new Float64Array(flows.n);
  let m = 0;
  // Several flows on one day are netted exactly, from each amount's exact decimal (as the
  // one-pass builders of problem.ts do: a float sum of -1.13 and -0.15 is -1.2799999999999998).
  let run: Decimal | undefined;
  const exactAt = (i: number): Decimal => flows.decimals?.[i] ?? new Decimal(flows.amounts[i]!);
  for (let i = 0; i < flows.n; i++) {
    const amt = flows.amounts[i]!;
    const day = flows.days[i]!;
    if (m > 0 && k[m - 1] === day) {
      run = (run ?? exactAt(i - 1)).plus(exactAt(i));
      a[m - 1] = run.toNumber();
    } else {
      run = undefined;
      a[m] = amt;
      k[m] = day;
      m++;
    }
  }
  // drop zero amounts
  let n = 0;
  let last = 0;
  let changes = 0;
  for (let i = 0; i < m; i++) {
    const v = a[i]!;
    if (v === 0) continue;
    a[n] = v;
    k[n] = k[i]!;
    n++;
    const s = v > 0 ? 1 : -1;
    if (last !== 0 && s !== last) changes++;
    last = s;
  }
  // re-base so the earliest non-zero flow is at k = 0
  const base = n > 0 ? k[0]! : 0;
  for (let i = 0; i < n; i++) k[i] = k[i]! - base;
  return { a: a.subarray(0, n), k: k.subarray(0, n), n, D, absSum: flows.absSum, signChanges: changes, step: uniformStep(k, n) };
}

let H = 0;
let DH = 0;

/**
 * Per-evaluation cache of e^(lc·gap) for small gaps (monthly flows alternate 28–31-day gaps, so
 * the "same gap as the previous flow" shortcut alone would call `exp` for almost every flow). The
 * cached value is the very same `Math.exp(lc * gap)`, so h is bit-for-bit unchanged. A new
 * generation number invalidates the cache at the start of each evaluation.
 */
const GAP_CACHE = 512;
const gapPow = new Float64Array(GAP_CACHE);
const gapStamp = new Int32Array(GAP_CACHE);
let generation = 0;

function nextGeneration(): number {
  generation = generation === 0x7fffffff ? 1 : generation + 1;
  if (generation === 1) gapStamp.fill(0);
  return generation;
}

function cachedExp(lc: number, gap: number, gen: number): number {
  const v = Math.exp(lc * gap);
  if (gap < GAP_CACHE) {
    gapPow[gap] = v;
    gapStamp[gap] = gen;
  }
  return v;
}

/** Evaluate h(x) and dh/dx into H, DH. Incremental powers: one exp per distinct gap. */
export function evalAt(p: RootProblem, x: number): void {
  const { a, k, n, D } = p;
  const gen = nextGeneration();
  let h = 0;
  let dh = 0;
  if (p.step > 0) {
    // Uniform gaps: the same products and sums in the same order as the general loop below,
    // without its branches (pw = cg^i by repeated multiplication, cg = e^(lc·step) once).
    if (x >= 0) {
      const cg = Math.exp((-x / D) * p.step);
      let pw = 1;
      for (let i = 0; i < n; i++) {
        const term = a[i]! * pw;
        h += term;
        dh += term * k[i]!;
        pw *= cg;
      }
      dh *= -1 / D;
    } else {
      const cg = Math.exp((x / D) * p.step);
      const kmax = k[n - 1]!;
      let pw = 1;
      for (let i = n - 1; i >= 0; i--) {
        const term = a[i]! * pw;
        h += term;
        dh += term * (kmax - k[i]!);
        pw *= cg;
      }
      dh *= 1 / D;
    }
  } else if (x >= 0) {
    const lc = -x / D;
    let pw = 1;
    let prev = 0;
    let lastGap = -1;
    let cg = 1;
    for (let i = 0; i < n; i++) {
      const ki = k[i]!;
      const gap = ki - prev;
      if (gap !== 0) {
        if (gap !== lastGap) {
          cg = gap < GAP_CACHE && gapStamp[gap] === gen ? gapPow[gap]! : cachedExp(lc, gap, gen);
          lastGap = gap;
        }
        pw *= cg;
        prev = ki;
      }
      const term = a[i]! * pw;
      h += term;
      dh += term * ki;
    }
    dh *= -1 / D;
  } else {
    const lc = x / D;
    const kmax = n > 0 ? k[n - 1]! : 0;
    let pw = 1;
    let prev = 0;
    let lastGap = -1;
    let cg = 1;
    for (let i = n - 1; i >= 0; i--) {
      const ki = kmax - k[i]!;
      const gap = ki - prev;
      if (gap !== 0) {
        if (gap !== lastGap) {
          cg = gap < GAP_CACHE && gapStamp[gap] === gen ? gapPow[gap]! : cachedExp(lc, gap, gen);
          lastGap = gap;
        }
        pw *= cg;
        prev = ki;
      }
      const term = a[i]! * pw;
      h += term;
      dh += term * ki;
    }
    dh *= 1 / D;
  }
  H = h;
  DH = dh;
}

/**
 * h(x) only: {@link evalAt}'s value (one loop for both, #10: the derivative-free copy of the loop
 * was a second implementation of the same sums; the derivative's extra multiply-add per flow is
 * the price).
 */
export function hAt(p: RootProblem, x: number): number {
  evalAt(p, x);
  return H;
}

const absProblems = new WeakMap<RootProblem, RootProblem>();

/** The same problem with every amount replaced by its absolute value (cached per problem). */
function absProblem(p: RootProblem): RootProblem {
  let q = absProblems.get(p);
  if (q === undefined) {
    const a = new Float64Array(p.n);
    for (let i = 0; i < p.n; i++) a[i] = Math.abs(p.a[i]!);
    q = { ...p, a };
    absProblems.set(p, q);
  }
  return q;
}

/**
 * Σ|aᵢ|·vᵢ(x): the magnitude of the discounted flows at x, at the same reference date as h. The
 * NPV of a true root is zero up to rounding, which is a small multiple of this (never of the
 * undiscounted Σ|aᵢ|: at a high rate the late flows vanish and the NPV must cancel among the
 * early ones, so a fixed share of Σ|aᵢ| let rates where NPV > 0 everywhere pass).
 */
export function magnitudeAt(p: RootProblem, x: number): number {
  return hAt(absProblem(p), x);
}

/**
 * The residual check every returned root passes: h(x) finite and
 * |h(x)| ≤ 1e-9 · Σ|aᵢ|·vᵢ(x) (relative to the discounted flows, see {@link magnitudeAt}).
 */
export function residualOk(p: RootProblem, x: number): boolean {
  const h = hAt(p, x);
  if (!Number.isFinite(h)) return false;
  if (h === 0) return true;
  // Σ|aᵢ|·vᵢ ≥ |a_ref| (the reference flow is not discounted): a cheap sufficient test first.
  const ref = Math.abs(x >= 0 ? p.a[0]! : p.a[p.n - 1]!);
  if (Math.abs(h) <= RESIDUAL_TOLERANCE * ref) return true;
  const s = magnitudeAt(p, x);
  return Number.isFinite(s) && Math.abs(h) <= RESIDUAL_TOLERANCE * s;
}

/**
 * Sign bracket seen by the last {@link newton} run: the latest iterate with h > 0 and the latest
 * with h < 0 (NaN when that sign was not seen).
 */
let bracketPosX = Number.NaN;
let bracketPosH = Number.NaN;
let bracketNegX = Number.NaN;
let bracketNegH = Number.NaN;

/**
 * Safeguarded Newton in x. Returns x or undefined (diverged, left the range, stalled, or — once
 * iterates on both sides of the root are known — stepped outside that bracket, which is where
 * Newton wanders off on convex NPV curves far from the guess, e.g. periodic flows with a small
 * rate and guess 0.1). A bracket it found is left in `bracketPos*` / `bracketNeg*` for Brent.
 */
export function newton(p: RootProblem, x0: number, maxIter = 50): number | undefined {
  bracketPosX = Number.NaN;
  bracketNegX = Number.NaN;
  let x = x0;
  for (let it = 0; it < maxIter; it++) {
    evalAt(p, x);
    const h = H;
    const dh = DH;
    if (h === 0) return x;
    if (!Number.isFinite(h)) return undefined;
    if (h > 0) {
      bracketPosX = x;
      bracketPosH = h;
    } else {
      bracketNegX = x;
      bracketNegH = h;
    }
    if (!Number.isFinite(dh) || dh === 0) return undefined;
    let step = h / dh;
    if (step > 2) step = 2;
    else if (step < -2) step = -2;
    const xn = x - step;
    if (!(xn > XMIN && xn < XMAX)) return undefined;
    // Quadratic convergence: once the step is below 1e-10 the new iterate is accurate to rounding
    // noise (further steps only oscillate at ~1e-14 on hundreds of flows).
    if (Math.abs(xn - x) <= 1e-10 * Math.max(1, Math.abs(xn))) return xn;
    // Left the known bracket: Newton is diverging, hand the bracket to Brent.
    if (bracketPosX === bracketPosX && bracketNegX === bracketNegX && !(xn > Math.min(bracketPosX, bracketNegX) && xn < Math.max(bracketPosX, bracketNegX))) {
      return undefined;
    }
    x = xn;
  }
  return undefined;
}

/** Brent's method on a bracket [xa, xb] with h(xa)·h(xb) ≤ 0. */
export function brent(f: (x: number) => number, xa: number, xb: number, fa0: number, fb0: number, maxIter = 300): number {
  let a = xa;
  let b = xb;
  let fa = fa0;
  let fb = fb0;
  if (fa === 0) return a;
  if (fb === 0) return b;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let it = 0; it < maxIter; it++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 1e-300;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let pp: number;
      let q: number;
      if (a === c) {
        pp = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        pp = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (pp > 0) q = -q;
      else pp = -pp;
      if (2 * pp < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = pp / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

/** All sign changes of h on a uniform grid of `points` in [xlo, xhi], each refined by Brent. */
export function allRoots(p: RootProblem, xlo: number, xhi: number, points: number): number[] {
  return scanRoots(
    (z) => hAt(p, z),
    (z) => residualOk(p, z),
    xlo,
    xhi,
    points,
  );
}

/**
 * The roots of any continuous f on [xlo, xhi]: a uniform grid of `points`, Brent on each sign
 * change, a golden-section search inside each dip that could hide two close roots (or a double
 * root), and only the roots that pass `ok` (the caller's relative residual check), ascending.
 * A grid value of exactly 0 counts only when the values around it change sign (or touch 0 and
 * pass `ok`); a run of zeros where f vanishes in the limit (a rate tending to -100 % or +∞) is not
 * a root.
 */
export function scanRoots(f: (x: number) => number, ok: (x: number) => boolean, xlo: number, xhi: number, points: number): number[] {
  const roots: number[] = [];
  const xs = new Float64Array(points + 1);
  const fs = new Float64Array(points + 1);
  for (let j = 0; j <= points; j++) {
    xs[j] = j === points ? xhi : xlo + ((xhi - xlo) * j) / points;
    fs[j] = f(xs[j]!);
  }
  // an isolated exact zero at the first grid point
  if (fs[0] === 0 && fs[1] !== 0 && ok(xs[0]!)) roots.push(xs[0]!);
  // last non-zero grid value before j (for sign changes across runs of exact zeros)
  let lastNz = fs[0] !== 0 ? 0 : -1;
  for (let j = 1; j <= points; j++) {
    const x = xs[j]!;
    const fx = fs[j]!;
    const xPrev = xs[j - 1]!;
    const fPrev = fs[j - 1]!;
    if (fx === 0) {
      // an isolated zero between two non-zero values is a root (a crossing or a touch)
      if (fPrev !== 0 && (j === points || fs[j + 1] !== 0) && ok(x)) roots.push(x);
    } else if (fPrev === 0) {
      // the end of a run of zeros: a root inside it only if the sign changes across the run
      if (lastNz >= 0 && j - lastNz > 2 && fs[lastNz]! > 0 !== fx > 0 && Number.isFinite(fx) && Number.isFinite(fs[lastNz]!)) {
        roots.push(brent(f, xs[lastNz]!, x, fs[lastNz]!, fx));
      }
    } else if (fx > 0 !== fPrev > 0 && Number.isFinite(fx) && Number.isFinite(fPrev)) {
      roots.push(brent(f, xPrev, x, fPrev, fx));
    } else if (j < points && Number.isFinite(fx) && Number.isFinite(fPrev)) {
      // Two close roots (or a double root) can hide inside one grid step: the NPV dips toward
      // zero and back without changing sign at the grid points. Find the dip's extremum and, if
      // the NPV reaches zero there, bracket the roots on each side of it.
      const fNext = fs[j + 1]!;
      const sameSign = fx > 0 === fPrev > 0 && fx > 0 === fNext > 0 && fNext !== 0;
      if (sameSign && Math.abs(fx) < Math.abs(fPrev) && Math.abs(fx) < Math.abs(fNext)) {
        const s = fx > 0 ? 1 : -1;
        const xm = goldenMin((z) => s * f(z), xPrev, xs[j + 1]!);
        const fm = f(xm);
        if (fm === 0 || fm > 0 !== fx > 0) {
          if (fm === 0) roots.push(xm);
          else {
            roots.push(brent(f, xPrev, xm, fPrev, fm));
            roots.push(brent(f, xm, xs[j + 1]!, fm, fNext));
          }
        } else if (ok(xm)) {
          roots.push(xm); // a double root: the NPV touches zero without crossing
        }
      }
    }
    if (fx !== 0) lastNz = j;
  }
  const sorted = roots.filter((x) => ok(x)).sort((a, b) => a - b);
  // Roots closer than 1e-7 in ln(1 + r) are one (double) root to float precision.
  return sorted.filter((x, i) => i === 0 || x - sorted[i - 1]! > 1e-7);
}

/** Minimum of a unimodal function on [a, b] by golden-section search (about 1e-13 wide). */
function goldenMin(g: (x: number) => number, a: number, b: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let gc = g(c);
  let gd = g(d);
  for (let i = 0; i < 200 && b - a > 1e-13 * (1 + Math.abs(a)); i++) {
    if (gc < gd) {
      b = d;
      d = c;
      gd = gc;
      c = b - r * (b - a);
      gc = g(c);
    } else {
      a = c;
      c = d;
      gc = gd;
      d = a + r * (b - a);
      gd = g(d);
    }
  }
  return (a + b) / 2;
}

/** The solver settings {@link solveX} needs (parsed by `parseSolverOptions`). */
export interface SolveSettings {
  readonly guess: number;
  readonly maxIterations: number | undefined;
  readonly root: "default" | "closest-to-guess" | "excel" | "lowest" | "highest" | "unique";
}

/** Excel's iteration cap and step tolerance: IRR 20 and 1e-7 (0.00001 %), XIRR 100 and 1e-8. */
export interface ExcelLimits {
  readonly maxIterations: number;
  readonly tolerance: number;
}

function fail(p: RootProblem, fn: string): void {
  if (p.n === 1) {
    throw new ConvergenceError(fn, ErrorCode.NO_SIGN_CHANGE, "all cash flows fall on the same date (same-day flows are netted), so no rate makes the NPV zero", { iterations: 0 });
  }
  if (p.signChanges === 0) {
    const why = p.n === 0 ? "all cash flows are zero" : p.a[0]! > 0 ? "all cash flows are positive (≥ 0)" : "all cash flows are negative (≤ 0)";
    throw new ConvergenceError(fn, ErrorCode.NO_SIGN_CHANGE, `${why}, so no rate makes the NPV zero (need at least one negative and one positive flow on different dates)`, { iterations: 0 });
  }
  if (p.n >= 2 && p.k[p.n - 1] === 0) {
    throw new ConvergenceError(fn, ErrorCode.NO_SIGN_CHANGE, "all cash flows fall on the same date, so no rate makes the NPV zero", { iterations: 0 });
  }
}

/** The unique root of flows with one sign change: Newton from x0, then Brent. */
function uniqueRoot(p: RootProblem, fn: string, x0: number, maxIter: number): number {
  const xn = newton(p, Math.min(Math.max(x0, XMIN + 1), XMAX - 1), maxIter);
  if (xn !== undefined && residualOk(p, xn)) return xn;
  if (bracketPosX === bracketPosX && bracketNegX === bracketNegX) {
    // Newton saw both signs: Brent on that bracket (else on the whole range, below).
    const xk = brent((z) => hAt(p, z), bracketNegX, bracketPosX, bracketNegH, bracketPosH);
    if (residualOk(p, xk)) return xk;
  }
  const flo = hAt(p, XMIN);
  const fhi = hAt(p, XMAX);
  if (flo > 0 !== fhi > 0 && flo !== 0 && fhi !== 0) {
    const xb = brent((z) => hAt(p, z), XMIN, XMAX, flo, fhi);
    if (residualOk(p, xb)) return xb;
    throw new ConvergenceError(fn, ErrorCode.NOT_CONVERGED, "the bracketing solver did not reach |NPV| ≤ 1e-9 × Σ|discounted flows|", {
      iterations: maxIter,
      lastEstimate: Math.expm1(xb),
      residual: hAt(p, xb),
    });
  }
  throw new ConvergenceError(fn, ErrorCode.NOT_CONVERGED, "the root lies outside the searchable range of rates (about -1 + 2e-22 to 5e21)", {
    iterations: maxIter,
  });
}

/** Every root in [XMIN, XMAX] (x, ascending); the unique one for one sign change. Throws when none. */
function everyRoot(p: RootProblem, fn: string, x0: number, maxIter: number): number[] {
  if (p.signChanges === 1) return [uniqueRoot(p, fn, x0, maxIter)];
  const roots = allRoots(p, XMIN, XMAX, 4000);
  if (roots.length === 0) {
    throw new ConvergenceError(fn, ErrorCode.NO_SIGN_CHANGE, `the flows change sign ${p.signChanges} times but the NPV is not zero at any rate found on a 4,000-point search from about -100 % to 5e21`, {
      iterations: 4000,
    });
  }
  return roots;
}

/** The root whose rate is nearest `rate` (ties: the lower). */
function nearest(roots: readonly number[], rate: number): number {
  let bestX = roots[0]!;
  let best = Math.expm1(bestX);
  for (const x of roots) {
    const r = Math.expm1(x);
    if (Math.abs(r - rate) < Math.abs(best - rate)) {
      best = r;
      bestX = x;
    }
  }
  return bestX;
}

/**
 * Excel's iteration: Newton on the rate r itself (not on ln(1 + r)), f(r) = Σ aᵢ (1+r)^(-tᵢ),
 * f'(r) = -Σ tᵢ aᵢ (1+r)^(-tᵢ-1), from the guess, until a step is below the tolerance. Returns the
 * rate it settles on, or undefined where Excel returns #NUM!.
 */
export function excelNewton(p: RootProblem, guess: number, limits: ExcelLimits): number | undefined {
  let r = guess;
  for (let it = 0; it < limits.maxIterations; it++) {
    if (!(r > -1) || !Number.isFinite(r)) return undefined;
    let f = 0;
    let df = 0;
    const b = 1 + r;
    for (let i = 0; i < p.n; i++) {
      const t = p.k[i]! / p.D;
      const v = Math.pow(b, -t);
      f += p.a[i]! * v;
      df -= (t * p.a[i]! * v) / b;
    }
    if (!Number.isFinite(f) || !Number.isFinite(df) || df === 0) return undefined;
    const rn = r - f / df;
    if (Math.abs(rn - r) <= limits.tolerance) return rn > -1 ? rn : undefined;
    r = rn;
  }
  return undefined;
}

/**
 * Solve for x = ln(1 + r) under a root policy (see `IrrRootPolicy`). Every x returned passed
 * {@link residualOk}.
 */
export function solveX(p: RootProblem, fn: string, settings: SolveSettings, excel: ExcelLimits): number {
  fail(p, fn);
  const { guess, root } = settings;
  const maxIter = settings.maxIterations ?? 50;
  const x0 = Math.log1p(guess);
  // Two flows: the unique root in closed form, whatever its size (see rateDecimal).
  if (p.n === 2 && root !== "excel") return (Math.log(-p.a[1]! / p.a[0]!) * p.D) / p.k[1]!;
  switch (root) {
    case "default":
      return p.signChanges === 1 ? uniqueRoot(p, fn, x0, maxIter) : nearest(everyRoot(p, fn, x0, maxIter), guess);
    case "closest-to-guess":
      return nearest(everyRoot(p, fn, x0, maxIter), guess);
    case "lowest":
      return everyRoot(p, fn, x0, maxIter)[0]!;
    case "highest":
      return everyRoot(p, fn, x0, maxIter).at(-1)!;
    case "unique": {
      const roots = everyRoot(p, fn, x0, maxIter);
      if (roots.length > 1) {
        const list = roots.map((x) => Math.expm1(x).toPrecision(10)).join(", ");
        throw new ConvergenceError(
          fn,
          ErrorCode.MULTIPLE_ROOTS,
          `${roots.length} rates make the NPV zero (${list}); options.root "unique" requires exactly one (choose "lowest", "highest", "closest-to-guess" or list them with the *Roots function)`,
          {
            iterations: 4000,
            lastEstimate: Math.expm1(roots[0]!),
          },
        );
      }
      return roots[0]!;
    }
    case "excel": {
      const limits = settings.maxIterations === undefined ? excel : { ...excel, maxIterations: settings.maxIterations };
      const rc = excelNewton(p, guess, limits);
      if (rc === undefined) {
        throw new ConvergenceError(
          fn,
          ErrorCode.NOT_CONVERGED,
          `Excel's Newton iteration from the guess ${guess} does not settle within ${limits.maxIterations} iterations (Excel returns #NUM!); try another guess or another options.root`,
          {
            iterations: limits.maxIterations,
          },
        );
      }
      // Refine to the exact root next to the rate Excel settles on.
      const xc = Math.log1p(rc);
      const xn = newton(p, Math.min(Math.max(xc, XMIN + 1), XMAX - 1), 50);
      if (xn !== undefined && residualOk(p, xn) && Math.abs(Math.expm1(xn) - rc) <= 1e-6 * Math.max(1, Math.abs(rc))) return xn;
      return nearest(everyRoot(p, fn, xc, maxIter), rc);
    }
  }
}

/** Below this x (r < -0.999999998) the float e^x - 1 keeps too few digits of 1 + r. */
const X_FLOAT_RATE_MIN = -20;

/**
 * The rate e^x - 1 of a root x found by {@link solveX}, as a `Decimal` above -1.
 *
 * Two flows (after same-day netting): the root has a closed form, r = (-a₁/a₀)^(D/k₁) - 1,
 * computed in 40-digit decimal from the amounts' shortest decimal forms, so that -100.10 now and
 * 110.11 a year later give exactly 0.1. Otherwise `Math.expm1(x)` for x ≥ -20; closer to -100 %
 * the float rate loses the digits that separate it from -1 (it rounds to exactly -1 below
 * x ≈ -37), so the rate is computed in 40 digits, rounded to 28, and the residual is checked again
 * at the rate actually returned. A rate that would round to -1 or below is never returned.
 */
export function rateDecimal(p: RootProblem, fn: string, x: number): Decimal {
  const r = rateOf(p, x);
  if (r === undefined) {
    throw new ConvergenceError(fn, ErrorCode.NOT_CONVERGED, "the root is too close to -100 % for the returned rate to meet the residual check", {
      iterations: 0,
      lastEstimate: Math.expm1(x),
    });
  }
  return r;
}

/** {@link rateDecimal} without the throw: `undefined` when the rate is not representable above -1. */
export function rateOf(p: RootProblem, x: number): Decimal | undefined {
  const H = hp();
  if (p.n === 2 && p.signChanges === 1 && p.k[1]! > 0) {
    const ratio = new H(-p.a[1]!).div(new H(p.a[0]!));
    const r = fromHp(ratio.pow(new H(p.D).div(new H(p.k[1]!))).minus(1));
    return r.greaterThan(-1) ? r : undefined;
  }
  if (x >= X_FLOAT_RATE_MIN) return new Decimal(Math.expm1(x));
  const r = fromHp(new H(x).exp().minus(1));
  const xr = r.greaterThan(-1) ? toHp(r).plus(1).ln().toNumber() : Number.NaN;
  if (!(xr > XMIN - 1) || !residualOk(p, xr)) return undefined;
  return r;
}

/** Validated range search used by xirrRoots / irrRoots: rates above -1, ascending, de-duplicated. */
export function ratesInRange(p: RootProblem, lower: number, upper: number, points: number): Decimal[] {
  if (p.signChanges === 0 || p.n < 2 || p.k[p.n - 1] === 0) return [];
  const xs = allRoots(p, Math.log1p(lower), Math.log1p(upper), points);
  const out: Decimal[] = [];
  let prev: number | undefined;
  for (const x of xs) {
    const r = Math.expm1(x);
    if (prev !== undefined && Math.abs(r - prev) <= 1e-12 * Math.max(1, Math.abs(r))) continue;
    const d = rateOf(p, x);
    if (d === undefined) continue;
    out.push(d);
    prev = r;
  }
  return out;
}
