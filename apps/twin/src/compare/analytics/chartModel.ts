/**
 * The numbers behind the analytics charts, apart from their drawing: each architecture's
 * downtime per service-year (Monte Carlo mean, its 95% interval, the closed form) and the
 * ticks of a log axis that holds them all.
 */
import type { ClosedForm, ComparisonSummary } from '@ft/engine/alternatives';
import { formatDuration } from '../format.ts';
import type { Architecture } from '../serviceTracker.ts';

const YEAR_S = 365 * 86_400;

export interface IntervalRow {
  architecture: Architecture;
  /** Downtime per service and year, seconds. */
  meanS: number;
  lowS: number;
  highS: number;
  closedS: number;
}

/** Unavailability (1 − A) as seconds of downtime per year. */
const perYearS = (availability: number) => Math.max(0, 1 - availability) * YEAR_S;

/**
 * One row per architecture. The interval of the mean availability becomes an interval of
 * downtime per year (high availability → low downtime, so the ends swap).
 *
 * @example
 * intervalRows(summary, closed)[0].closedS; // ≈ 76 s for a 4300
 */
export function intervalRows(
  summary: ComparisonSummary,
  closedForm: Record<Architecture, ClosedForm>,
): IntervalRow[] {
  return (['ftserver', 'cluster', 'conventional'] as const).map((architecture) => {
    const s = summary[architecture];
    const mean = perYearS(s.availability);
    const [lo, hi] = s.ci95 ?? [s.availability, s.availability];
    return {
      architecture,
      meanS: mean,
      lowS: perYearS(hi),
      highS: perYearS(lo),
      closedS: closedForm[architecture].downtimeSPerYear,
    };
  });
}

/** A log axis in seconds: decades around the values (at least 1 s), and its ends. */
export function logTicks(valuesS: readonly number[]): {
  min: number;
  max: number;
  ticks: number[];
} {
  const positive = valuesS.filter((v) => v > 0 && Number.isFinite(v));
  const lo = positive.length > 0 ? Math.min(...positive) : 1;
  const hi = positive.length > 0 ? Math.max(...positive) : 10;
  const min = 10 ** Math.floor(Math.log10(Math.max(lo * 0.9, 1)));
  const max = 10 ** Math.ceil(Math.log10(Math.max(hi * 1.1, min * 10)));
  const ticks: number[] = [];
  for (let t = min; t <= max * 1.0001; t *= 10) ticks.push(t);
  return { min, max, ticks };
}

/**
 * The label of histogram bin `bin` of `edges` (seconds): "none", "1 s–10 s", "≥ 1 week".
 *
 * @example
 * binLabel([0, 1, 10], 1); // '1 s–10 s'
 */
export function binLabel(edges: readonly number[], bin: number, short = false): string {
  const lo = edges[bin];
  const hi = edges[bin + 1];
  if (bin === 0 && lo === 0) return short ? '<1 s' : 'less than a second';
  if (hi === undefined) return `≥ ${formatDuration(lo * 1000)}`;
  return short
    ? `${formatDuration(lo * 1000)}+`
    : `${formatDuration(lo * 1000)}–${formatDuration(hi * 1000)}`;
}
