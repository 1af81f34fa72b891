/** Builders for engine events: log lines, state changes, SNMP-style traps. */
import { trapOid, trapVarbinds } from '../snmp.ts';
import { OP_STATE_NAMES, OpState, type Severity, type TrapKind } from '../types.ts';
import type { World } from './world.ts';

/** Events kept when nobody drains them (long headless runs drain as they go). */
const MAX_PENDING_EVENTS = 50_000;

/** Queues an event for the next drain; the oldest are dropped past MAX_PENDING_EVENTS. */
export function pushEvent(w: World, event: World['events'][number]): void {
  w.events.push(event);
  // Inside a slice the cap waits for the slice's events to be put in time order (capEvents).
  if (!w.scratch.inSlice) capEvents(w);
}

export function capEvents(w: World): void {
  const over = w.events.length - MAX_PENDING_EVENTS;
  if (over > 0) {
    w.events.splice(0, over);
    w.eventsDropped += over;
  }
}

/**
 * Puts the events queued since `mark` in order of time, then system (stable within a system):
 * systems run one after the other inside a slice, and the order must not depend on it.
 */
export function orderEventsSince(w: World, mark: number): void {
  if (w.events.length - mark < 2) return;
  const tail = w.events.splice(mark);
  const index = w.systemIndex;
  tail.sort(
    (a, b) => a.timeMs - b.timeMs || (index.get(a.systemId) ?? 0) - (index.get(b.systemId) ?? 0),
  );
  for (const e of tail) w.events.push(e);
}

export function log(w: World, s: number, c: number, severity: Severity, message: string): void {
  pushEvent(w, {
    kind: 'log',
    timeMs: w.timeMs,
    systemId: w.systemId(s),
    componentId: c >= 0 ? w.ids[c] : null,
    severity,
    message,
  });
}

const ONLINE = new Set([OpState.Simplex, OpState.Duplex, OpState.Triplex, OpState.DeviceReady]);

export function isOnlineState(state: OpState): boolean {
  return ONLINE.has(state);
}

function severityOf(to: OpState): Severity {
  if (to === OpState.Broken) return 'error';
  if (to === OpState.Shot || to === OpState.Removed || to === OpState.Offline) return 'warning';
  return 'info';
}

/** Every state change is a trap; these four have their own notification types. */
export function trapFor(from: OpState, to: OpState): TrapKind {
  if (to === OpState.Broken) return 'broken';
  if (to === OpState.Removed) return 'removed';
  if (from === OpState.Removed || from === OpState.Empty) return 'inserted';
  if (isOnlineState(to) && !isOnlineState(from) && from !== OpState.Unknown) return 'fixed';
  return 'stateChange';
}

export function stateEvents(w: World, c: number, from: OpState, to: OpState, reason: string): void {
  const s = w.sys[c];
  const name = `${w.label(c)} of ${w.systemName(s)}`;
  const text = `${name}: ${OP_STATE_NAMES[from]} → ${OP_STATE_NAMES[to]}${reason ? ` (${reason})` : ''}`;
  const base = { timeMs: w.timeMs, systemId: w.systemId(s), componentId: w.ids[c] };
  pushEvent(w, {
    ...base,
    kind: 'state',
    severity: severityOf(to),
    message: text,
    from,
    to,
    reason,
  });
  const trap = trapFor(from, to);
  pushEvent(w, {
    ...base,
    kind: 'trap',
    severity: trap === 'broken' ? 'error' : 'info',
    message: `trap ${trap}: ${name}`,
    trap,
    oid: trapOid(trap),
    from,
    to,
    reason,
    varbinds: trapVarbinds(c + 1, w.ids[c], w.systemId(s), from, to, reason, w.timeMs),
  });
}
