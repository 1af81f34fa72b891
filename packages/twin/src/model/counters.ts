/**
 * Words for the engine's truthful counters on the status cards: how many transactions ran
 * through the voter for real and how many stand for time skipped by time warp, and the time a
 * system was up but not serving (paused by a resync, or unreachable on the network).
 */
import type { SystemCounters } from '@ft/engine';
import { formatCount, formatDuration } from './format.ts';

/**
 * The tooltip of the Committed figure: what was executed and what was modelled.
 *
 * @example
 * committedDetail({ transactionsCommitted: 1500, transactionsExecuted: 1000 } as SystemCounters);
 * // '1,000 ran through the voter for real; 500 stand for time skipped by time warp, at the workload's measured rate.'
 */
export function committedDetail(
  c: Pick<SystemCounters, 'transactionsCommitted' | 'transactionsExecuted'>,
): string {
  const executed = Math.min(c.transactionsExecuted, c.transactionsCommitted);
  const modelled = c.transactionsCommitted - executed;
  if (modelled <= 0)
    return `All ${formatCount(c.transactionsCommitted)} ran through the voter for real.`;
  return `${formatCount(executed)} ran through the voter for real; ${formatCount(modelled)} stand for time skipped by time warp, at the workload's measured rate.`;
}

/**
 * Up but not serving, in words for the tooltip of the Paused / Unreachable figures.
 *
 * @example
 * notServingDetail({ pausedMs: 1200, unreachableMs: 0 } as SystemCounters);
 * // 'Paused 1.2 s by resync stop-and-copy or an Active Upgrade merge; never unreachable.'
 */
export function notServingDetail(c: Pick<SystemCounters, 'pausedMs' | 'unreachableMs'>): string {
  const paused =
    c.pausedMs > 0
      ? `Paused ${formatDuration(c.pausedMs)} by resync stop-and-copy or an Active Upgrade merge`
      : 'Never paused by a resync';
  const unreachable =
    c.unreachableMs > 0
      ? `unreachable ${formatDuration(c.unreachableMs)} (up, but both network paths lost)`
      : 'never unreachable';
  return `${paused}; ${unreachable}.`;
}
