/**
 * Small statistics for the Monte Carlo: mean, a Student-t 95% interval, a fixed-bin histogram.
 */

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error('p must be in (0, 1)');
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * P(|T| ≤ t) for Student's t with an integer `df`: the finite series of Abramowitz & Stegun
 * 26.7.3 (odd df) and 26.7.4 (even df).
 */
function tAbsCdf(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const c2 = Math.cos(theta) ** 2;
  const sin = Math.sin(theta);
  if (df % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    return sin * sum;
  }
  if (df === 1) return (2 / Math.PI) * theta;
  let term = 1;
  let sum = 1;
  for (let k = 3; k <= df - 2; k += 2) {
    term *= ((k - 1) / k) * c2;
    sum += term;
  }
  return (2 / Math.PI) * (theta + sin * Math.cos(theta) * sum);
}

/**
 * Quantile of Student's t with `df` degrees of freedom: the exact distribution inverted by
 * bisection up to df = 200, the Cornish-Fisher expansion beyond (error below 1e-6 there).
 *
 * @example
 * studentTQuantile(0.975, 9); // ≈ 2.262
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new Error('p must be in (0, 1)');
  if (!(df >= 1) || !Number.isInteger(df)) throw new Error('df must be an integer ≥ 1');
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (df <= 200) {
    const target = 2 * p - 1;
    let lo = 0;
    let hi = 1e6;
    for (let i = 0; i < 200 && hi - lo > 1e-12 * (1 + lo); i++) {
      const mid = (lo + hi) / 2;
      if (tAbsCdf(mid, df) < target) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }
  const z = normalQuantile(p);
  return (
    z +
    (z ** 3 + z) / (4 * df) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/**
 * The 95% confidence interval of the mean of `xs` (Student t), or null with fewer than two
 * values (one run says nothing about its spread).
 *
 * @example
 * ci95([1, 2, 3, 4]); // [0.446…, 4.553…]
 */
export function ci95(xs: readonly number[]): [number, number] | null {
  const n = xs.length;
  if (n < 2) return null;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  const half = studentTQuantile(0.975, n - 1) * Math.sqrt(ss / (n - 1) / n);
  return [m - half, m + half];
}

/**
 * Lower edges, in seconds, of the downtime histogram bins: bin i holds [edge i, edge i+1), the
 * last is open-ended. Logarithmic-ish, from "none" to "a week": downtime spans six decades.
 */
export const DOWNTIME_BIN_EDGES_S: readonly number[] = [
  0,
  1,
  10,
  60,
  300,
  900,
  3_600,
  4 * 3_600,
  12 * 3_600,
  86_400,
  7 * 86_400,
];

export interface Histogram {
  /** Lower edge of each bin (seconds); the last bin is open-ended. */
  edgesS: number[];
  counts: number[];
}

/**
 * Counts values into the bins of `edgesS`.
 *
 * @example
 * histogram([0, 75, 150, 16_350]).counts; // [1, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0]
 */
export function histogram(valuesS: readonly number[], edgesS = DOWNTIME_BIN_EDGES_S): Histogram {
  const counts = edgesS.map(() => 0);
  for (const v of valuesS) {
    let bin = 0;
    while (bin + 1 < edgesS.length && v >= edgesS[bin + 1]) bin++;
    counts[bin]++;
  }
  return { edgesS: [...edgesS], counts };
}
