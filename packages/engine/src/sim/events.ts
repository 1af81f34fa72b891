/** Builders for engine events: log lines, state changes, SNMP-style traps and service calls. */
import { OP_STATE_NAMES, OpState, type Severity, type TrapKind } from '../types.ts';
import type { World } from './world.ts';

/** Events kept when nobody drains them (long headless runs drain as they go). */
const MAX_PENDING_EVENTS = 50_000;

/** Enterprise arc of the ftServer MIB traps [assumed: Stratus enterprise 458]. */
export const TRAP_OID_BASE = '1.3.6.1.4.1.458.103.0';
export const TRAP_NUMBERS: Record<Exclude<TrapKind, 'stateChange'>, number> = {
  broken: 1,
  fixed: 2,
  removed: 3,
  inserted: 4,
};

function push(w: World, event: World['events'][number]): void {
  if (w.events.length >= MAX_PENDING_EVENTS) {
    w.events.shift();
    w.eventsDropped++;
  }
  w.events.push(event);
}

export function log(w: World, s: number, c: number, severity: Severity, message: string): void {
  push(w, {
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

function trapFor(from: OpState, to: OpState): Exclude<TrapKind, 'stateChange'> | null {
  if (to === OpState.Broken) return 'broken';
  if (to === OpState.Removed) return 'removed';
  if (from === OpState.Removed || from === OpState.Empty) return 'inserted';
  if (isOnlineState(to) && !isOnlineState(from) && from !== OpState.Unknown) return 'fixed';
  return null;
}

export function stateEvents(w: World, c: number, from: OpState, to: OpState, reason: string): void {
  const s = w.sys[c];
  const name = `${w.label(c)} of ${w.systemName(s)}`;
  const text = `${name}: ${OP_STATE_NAMES[from]} → ${OP_STATE_NAMES[to]}${reason ? ` (${reason})` : ''}`;
  const base = { timeMs: w.timeMs, systemId: w.systemId(s), componentId: w.ids[c] };
  push(w, { ...base, kind: 'state', severity: severityOf(to), message: text, from, to, reason });
  const trap = trapFor(from, to);
  if (trap) {
    push(w, {
      ...base,
      kind: 'trap',
      severity: trap === 'broken' ? 'error' : 'info',
      message: `trap ${trap}: ${name}`,
      trap,
      oid: `${TRAP_OID_BASE}.${TRAP_NUMBERS[trap]}`,
      from,
      to,
      reason,
    });
  }
}

export function serviceCall(w: World, c: number, reason: string): string {
  const s = w.sys[c];
  w.callSeq++;
  const callId = `SC-${w.systemId(s)}-${String(w.callSeq).padStart(4, '0')}`;
  const action = `Replace ${w.label(c)} (part ${w.partNumber[c]}) in ${w.systemName(s)}`;
  push(w, {
    kind: 'serviceCall',
    timeMs: w.timeMs,
    systemId: w.systemId(s),
    componentId: w.ids[c],
    severity: 'error',
    message: `Service call ${callId} opened: ${reason}. ${action}; part ordered.`,
    callId,
    partNumber: w.partNumber[c],
    action,
  });
  return callId;
}
