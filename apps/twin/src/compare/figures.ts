/**
 * The figures a comparison card shows for one twin: downtime, availability, outages (from the
 * service tracker, i.e. the twin's events), transactions lost and silent corruptions (from the
 * twin's counters). For the ftServer, the application recovery after a reboot and the work in
 * flight at a stop are modelled on top of the engine, as the Monte Carlo does; those parts are
 * returned apart so the page can say so.
 */
import type { SystemCounters } from '@ft/engine';
import { inFlightTransactions } from '@ft/engine/alternatives';
import type { ServiceTracker } from './serviceTracker.ts';

export interface CardFigures {
  timeMs: number;
  services: number;
  serving: number;
  downtimeMs: number;
  /** ftServer: the modelled application recovery inside `downtimeMs` (0 elsewhere). */
  modelledDowntimeMs: number;
  availability: number;
  outages: number;
  transactionsCommitted: number;
  transactionsLost: number;
  /** ftServer: the modelled part of `transactionsLost` (0 elsewhere). */
  modelledTransactionsLost: number;
  silentDataCorruptions: number;
}

const HOUR_MS = 3_600_000;

/**
 * The figures of one twin at simulated time `nowMs`.
 *
 * @example
 * cardFigures(tracker, twin.api.counters(), twin.api.simTimeMs()).downtimeMs;
 */
export function cardFigures(
  tracker: ServiceTracker,
  counters: readonly SystemCounters[],
  nowMs: number,
): CardFigures {
  let committed = 0;
  let lost = 0;
  let sdc = 0;
  let uptimeMs = 0;
  for (const c of counters) {
    committed += c.transactionsCommitted;
    lost += c.transactionsLost;
    sdc += c.silentDataCorruptions;
    uptimeMs += c.uptimeMs;
  }
  const modelledDowntimeMs = tracker.modelledDowntimeMs(nowMs);
  let modelledLost = 0;
  if (tracker.architecture === 'ftserver' && uptimeMs > 0) {
    // The engine ran (and counted as committed) what the modelled recovery forbids.
    const ratePerMs = committed / uptimeMs;
    const stops = tracker.outages(nowMs);
    modelledLost = ratePerMs * modelledDowntimeMs + stops * inFlightTransactions(ratePerMs * 1000);
    committed = Math.max(0, committed - ratePerMs * modelledDowntimeMs);
  }
  return {
    timeMs: nowMs,
    services: tracker.serviceCount,
    serving: tracker.servingCount(nowMs),
    downtimeMs: tracker.downtimeMs(nowMs),
    modelledDowntimeMs,
    availability: tracker.availability(nowMs),
    outages: tracker.outages(nowMs),
    transactionsCommitted: committed,
    transactionsLost: lost + modelledLost,
    modelledTransactionsLost: modelledLost,
    silentDataCorruptions: sdc,
  };
}

/**
 * What the downtime cost: hours of service downtime × the cost of one hour.
 *
 * @example
 * downtimeCost(1_800_000, 10_000); // 5000
 */
export function downtimeCost(downtimeMs: number, costPerHour: number): number {
  return (downtimeMs / HOUR_MS) * costPerHour;
}
