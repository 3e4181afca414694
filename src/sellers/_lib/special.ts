/**
 * Float64 special functions and a Nelder–Mead minimiser for the probabilistic lifetime-value
 * models (BG/NBD, Gamma-Gamma; #17). Model parameters are statistical estimates, not money, so
 * they are computed in IEEE-754 double precision (as lifetimes, BTYD and Hardie's spreadsheets
 * do); amounts leave the module as Decimals.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0: the Lanczos approximation (g = 7, n = 9; relative error of Γ about 1e-15),
 * with Γ(x) = Γ(x + 1)/x below 0.5. Press et al., Numerical Recipes (3rd ed.) §6.1;
 * coefficients as in Godfrey's table.
 */
export function lnGamma(x: number): number {
  if (x < 0.5) return lnGamma(x + 1) - Math.log(x); // Γ(x) = Γ(x + 1)/x: stable down to the smallest double
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) s += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** ln B(a, b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** ln(e^u + e^v) without overflow. */
export function logAddExp(u: number, v: number): number {
  const m = Math.max(u, v);
  if (m === -Infinity) return -Infinity;
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}

/** Most series terms of {@link hyp2f1} before it gives up. */
export const MAX_SERIES_TERMS = 20_000_000;

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1 by its power
 * series Σ (a)ₖ(b)ₖ / ((c)ₖ k!) zᵏ (Abramowitz & Stegun 15.1.1), summed until a term no longer
 * changes the sum in double precision. Returns `undefined` when {@link MAX_SERIES_TERMS} terms do
 * not reach that (z extremely close to 1).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number | undefined {
  if (z === 0) return 1;
  let term = 1;
  let sum = 1;
  for (let k = 0; k < MAX_SERIES_TERMS; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    const next = sum + term;
    // Terms are positive; once they shrink (term ratio < 1) and stop changing the sum, the rest of the
    // series is a geometric-like tail below the last term's own precision.
    if (next === sum && (a + k) * (b + k) * z < (c + k) * (k + 1)) return next;
    sum = next;
    if (!Number.isFinite(sum)) return undefined;
  }
  return undefined;
}

/** Result of {@link nelderMead}. */
export interface MinimumFound {
  readonly x: readonly number[];
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Minimise f over Rⁿ with the Nelder–Mead simplex (Nelder & Mead 1965; the standard
 * coefficients: reflection 1, expansion 2, contraction ½, shrink ½, as in Lagarias et al. 1998),
 * restarted from the best vertex until a restart no longer improves f by more than `ftol`
 * relative. A non-finite f counts as +∞ (the simplex steps away from it). With `bound`, it stops
 * (unconverged) as soon as the best vertex has a coordinate beyond ±bound.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: { readonly step?: number; readonly ftol?: number; readonly xtol?: number; readonly maxIterations?: number; readonly bound?: number } = {},
): MinimumFound {
  const step = options.step ?? 0.5;
  const ftol = options.ftol ?? 1e-12;
  const xtol = options.xtol ?? 1e-8;
  const maxIterations = options.maxIterations ?? 50_000;
  const bound = options.bound ?? Infinity;
  const n = start.length;
  const g = (x: readonly number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let best = [...start];
  let bestValue = g(best);
  let iterations = 0;
  let converged = false;
  for (let restart = 0; restart < 20 && iterations < maxIterations; restart++) {
    const simplex: number[][] = [best];
    for (let i = 0; i < n; i++) {
      const v = [...best];
      v[i] = (v[i] as number) + step;
      simplex.push(v);
    }
    const values = simplex.map(g);
    let localConverged = false;
    while (iterations < maxIterations) {
      iterations += 1;
      const order = values.map((_, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number));
      const sorted = order.map((i) => simplex[i] as number[]);
      const sortedValues = order.map((i) => values[i] as number);
      for (let i = 0; i <= n; i++) {
        simplex[i] = sorted[i] as number[];
        values[i] = sortedValues[i] as number;
      }
      const lo = values[0] as number;
      const hi = values[n] as number;
      if ((simplex[0] as number[]).some((u) => Math.abs(u) > bound)) return { x: simplex[0] as number[], value: lo, iterations, converged: false };
      let size = 0;
      for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(((simplex[i] as number[])[j] as number) - ((simplex[0] as number[])[j] as number)));
      // Converged: the simplex has collapsed (size ≤ xtol), or the values agree to ftol on a small
      // simplex (size ≤ 1e3 · xtol; for likelihoods whose rounding noise exceeds ftol).
      if (size <= xtol || (Math.abs(hi - lo) <= ftol * (Math.abs(lo) + 1e-30) && size <= 1e3 * xtol)) {
        localConverged = true;
        break;
      }
      const centroid = new Array<number>(n).fill(0);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + ((simplex[i] as number[])[j] as number) / n;
      const worst = simplex[n] as number[];
      const along = (t: number): number[] => centroid.map((c, j) => c + t * (c - (worst[j] as number)));
      const reflected = along(1);
      const fr = g(reflected);
      if (fr < lo) {
        const expanded = along(2);
        const fe = g(expanded);
        if (fe < fr) {
          simplex[n] = expanded;
          values[n] = fe;
        } else {
          simplex[n] = reflected;
          values[n] = fr;
        }
      } else if (fr < (values[n - 1] as number)) {
        simplex[n] = reflected;
        values[n] = fr;
      } else {
        const outside = fr < hi;
        const contracted = along(outside ? 0.5 : -0.5);
        const fc = g(contracted);
        if (fc < (outside ? fr : hi)) {
          simplex[n] = contracted;
          values[n] = fc;
        } else {
          const b = simplex[0] as number[];
          for (let i = 1; i <= n; i++) {
            simplex[i] = (simplex[i] as number[]).map((v, j) => (b[j] as number) + 0.5 * (v - (b[j] as number)));
            values[i] = g(simplex[i] as number[]);
          }
        }
      }
    }
    let k = 0;
    for (let i = 1; i <= n; i++) if ((values[i] as number) < (values[k] as number)) k = i;
    const improved = bestValue - (values[k] as number);
    best = simplex[k] as number[];
    bestValue = values[k] as number;
    if (localConverged && improved <= ftol * (Math.abs(bestValue) + 1e-30) && restart > 0) {
      converged = true;
      break;
    }
  }
  return { x: best, value: bestValue, iterations, converged };
}
