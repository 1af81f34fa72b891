/**
 * Summary of a Monte Carlo comparison over many seeds: per architecture, the mean availability
 * with its 95% interval, the mean downtime, transactions lost and silent corruptions per run,
 * and the distribution of the downtime per run.
 */
import type { SeedResult } from './montecarlo.ts';
import { ARCHITECTURES, type Architecture } from './simulation.ts';
import { ci95, type Histogram, histogram, mean } from './stats.ts';

export interface ArchitectureSummary {
  seeds: number;
  /** Mean over seeds of each run's availability (uptime / time, over all its services). */
  availability: number;
  /** Student-t 95% interval of that mean; null with a single seed. */
  ci95: [number, number] | null;
  /** Mean downtime per run, seconds (summed over the rack's services). */
  downtimeS: number;
  transactionsLost: number;
  silentDataCorruptions: number;
  /** Mean unclean stops per run. */
  outages: number;
  /** Runs by downtime (seconds), for plotting. */
  histogram: Histogram;
  /** Each run's downtime, seconds, in seed order (to re-bin or plot otherwise). */
  downtimesS: number[];
}

export type ComparisonSummary = Record<Architecture, ArchitectureSummary>;

function summarizeOne(results: readonly SeedResult[], arch: Architecture): ArchitectureSummary {
  const outcomes = results.map((r) => r[arch]);
  const availabilities = outcomes.map((o) => o.availability);
  const downtimesS = outcomes.map((o) => o.downtimeMs / 1000);
  return {
    seeds: outcomes.length,
    availability: mean(availabilities),
    ci95: ci95(availabilities),
    downtimeS: mean(downtimesS),
    transactionsLost: mean(outcomes.map((o) => o.transactionsLost)),
    silentDataCorruptions: mean(outcomes.map((o) => o.silentDataCorruptions)),
    outages: mean(outcomes.map((o) => o.outages)),
    histogram: histogram(downtimesS),
    downtimesS,
  };
}

/**
 * Summarizes seed results (in any order; they are sorted by seed first, so the result does not
 * depend on which worker finished first).
 *
 * @example
 * summarize(seeds.map((s) => runSeed(prepared, s))).cluster.ci95; // [0.99998…, 0.99999…]
 */
export function summarize(results: readonly SeedResult[]): ComparisonSummary {
  if (results.length === 0) throw new Error('no seed results to summarize');
  const sorted = [...results].sort((a, b) => a.seed - b.seed);
  const out = {} as ComparisonSummary;
  for (const arch of ARCHITECTURES) out[arch] = summarizeOne(sorted, arch);
  return out;
}
