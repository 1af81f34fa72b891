/** Events of an alternative rack, in the ftServer engine's event types (the twin shows both). */
import {
  OP_STATE_NAMES,
  OpState,
  SYSTEM_STATUS_NAMES,
  type Severity,
  SystemStatus,
} from '../../types.ts';
import type { AltState } from './state.ts';

/** Events kept when nobody drains them (long headless runs drain as they go). */
const MAX_PENDING_EVENTS = 50_000;

type AltEvent = AltState['events'][number];

export function pushEvent(w: AltState, event: AltEvent): void {
  if (w.events.length >= MAX_PENDING_EVENTS) w.events.shift();
  w.events.push(event);
}

/** A log line of system `s` (about component `c`, or the system when `c` is -1). */
export function log(w: AltState, s: number, c: number, severity: Severity, message: string): void {
  pushEvent(w, {
    kind: 'log',
    timeMs: w.timeMs,
    systemId: w.systemId(s),
    componentId: c >= 0 ? w.specs[c].id : null,
    severity,
    message,
  });
}

export function stateChanged(
  w: AltState,
  c: number,
  from: OpState,
  to: OpState,
  why: string,
): void {
  const s = w.sys[c];
  pushEvent(w, {
    kind: 'state',
    timeMs: w.timeMs,
    systemId: w.systemId(s),
    componentId: w.specs[c].id,
    severity: to === OpState.Broken ? 'error' : 'info',
    message: `${w.label(c)} of ${w.systemName(s)}: ${OP_STATE_NAMES[from]} → ${OP_STATE_NAMES[to]}${why ? ` (${why})` : ''}`,
    from,
    to,
    reason: why,
  });
}

export function statusChanged(w: AltState, s: number, from: SystemStatus, to: SystemStatus): void {
  pushEvent(w, {
    kind: 'system',
    timeMs: w.timeMs,
    systemId: w.systemId(s),
    componentId: null,
    severity: to === SystemStatus.Down ? 'critical' : 'info',
    message: `${w.systemName(s)}: ${SYSTEM_STATUS_NAMES[from]} → ${SYSTEM_STATUS_NAMES[to]}`,
    from,
    to,
  });
}
