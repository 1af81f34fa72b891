/** Event-log filtering and the sentences announced to screen readers. Pure functions. */
import type { EngineEvent, Severity } from '@ft/engine';
import { severityRank } from './labels.ts';

/** Most events the app keeps; older ones are dropped first. */
export const EVENT_LOG_CAP = 2000;

/** Appends a batch to the log, keeping at most `cap` events (oldest dropped). */
export function appendEvents(
  log: readonly EngineEvent[],
  batch: readonly EngineEvent[],
  cap = EVENT_LOG_CAP,
): EngineEvent[] {
  const kept = batch.filter((e) => e.kind !== 'vote');
  if (kept.length === 0) return log as EngineEvent[];
  const all = log.concat(kept);
  return all.length > cap ? all.slice(all.length - cap) : all;
}

export interface EventFilter {
  /** Lowest severity shown. */
  minSeverity: Severity;
  /** System id, or '' for all. */
  systemId: string;
  /** Case-insensitive text searched in the message, component and system. */
  text: string;
  /**
   * Show SNMP trap records too. Off by default: every state change already has its own line,
   * and the traps (with OIDs and varbinds) have their own tab.
   */
  traps?: boolean;
}

export const ALL_EVENTS: EventFilter = { minSeverity: 'info', systemId: '', text: '', traps: true };

/** Events matching the filter, newest first, at most `limit`. */
export function filterEvents(
  log: readonly EngineEvent[],
  filter: EventFilter,
  limit: number,
): EngineEvent[] {
  const min = severityRank(filter.minSeverity);
  const text = filter.text.trim().toLowerCase();
  const out: EngineEvent[] = [];
  for (let i = log.length - 1; i >= 0 && out.length < limit; i--) {
    const e = log[i];
    if (e.kind === 'trap' && !filter.traps) continue;
    if (severityRank(e.severity) < min) continue;
    if (filter.systemId && e.systemId !== filter.systemId) continue;
    if (text && !haystack(e).includes(text)) continue;
    out.push(e);
  }
  return out;
}

function haystack(e: EngineEvent): string {
  return `${e.message} ${e.componentId ?? ''} ${e.systemId} ${e.kind}`.toLowerCase();
}

export interface Namer {
  component(id: string): string;
  system(id: string): string;
  opState(state: number): string;
  systemStatus(status: number): string;
}

/**
 * The sentence announced for a state or system-status change, or null for other events.
 *
 * @example
 * announcement(stateEvent, namer); // 'CPU element 1 of ft4300-A: duplex → shot'
 */
export function announcement(e: EngineEvent, names: Namer): string | null {
  if (e.kind === 'state' && e.componentId) {
    const reason = e.reason ? ` (${e.reason})` : '';
    return `${names.component(e.componentId)} of ${names.system(e.systemId)}: ${names.opState(e.from)} → ${names.opState(e.to)}${reason}`;
  }
  if (e.kind === 'system') {
    return `System ${names.system(e.systemId)}: ${names.systemStatus(e.from)} → ${names.systemStatus(e.to)}`;
  }
  return null;
}
