/**
 * Service calls for broken parts, on the ftServer's service contract (the same delivery times).
 * A conventional server has no call home: an administrator calls (path `administrator`); we
 * let the call open at the moment of the fault, which is generous to the alternatives.
 */
import { ALTERNATIVES } from '../parameters.ts';
import type { ServiceCall, ServiceCallStatus } from '../../types.ts';
import { pushEvent } from './events.ts';
import { schedule } from './timers.ts';
import { type AltState, TimerType } from './state.ts';

export const CALL_PATH = 'administrator';

function emit(w: AltState, call: ServiceCall, message: string): void {
  pushEvent(w, {
    kind: 'serviceCall',
    timeMs: w.timeMs,
    systemId: call.systemId,
    componentId: call.componentId,
    severity: call.status === 'closed' ? 'info' : call.severity,
    message,
    callId: call.callId,
    partNumber: call.partNumber,
    action: call.action,
    status: call.status,
    path: call.path,
  });
}

function advance(w: AltState, call: ServiceCall, status: ServiceCallStatus, text: string): void {
  call.status = status;
  call.history.push({ status, timeMs: w.timeMs });
  emit(w, call, `Service call ${call.callId}: ${text}`);
}

/** Opens a call for part `c` (one open call per part); the part is ordered at once. */
export function openCall(w: AltState, c: number, reason: string): void {
  const id = w.specs[c].id;
  if (w.calls.some((k) => k.componentId === id && k.status !== 'closed')) return;
  const s = w.sys[c];
  w.callSeq++;
  const callId = `SC-${w.systemId(s)}-${String(w.callSeq).padStart(4, '0')}`;
  const call: ServiceCall = {
    callId,
    systemId: w.systemId(s),
    componentId: id,
    partNumber: w.specs[c].partNumber,
    severity: 'error',
    reason,
    action: `Replace ${w.label(c)} (part ${w.specs[c].partNumber}) in ${w.systemName(s)}`,
    status: 'opened',
    path: CALL_PATH,
    openedMs: w.timeMs,
    deliveryMs: w.timeMs + ALTERNATIVES.partReplacementMs.value,
    history: [{ status: 'opened', timeMs: w.timeMs }],
  };
  w.calls.push(call);
  emit(w, call, `Service call ${callId} opened by the administrator: ${reason}. ${call.action}`);
  const index = w.calls.length - 1;
  schedule(w, w.timeMs + ALTERNATIVES.partShipMs.value, TimerType.CallShipped, index);
  schedule(w, call.deliveryMs, TimerType.CallDelivered, index);
}

export function onCallShipped(w: AltState, index: number): void {
  const call = w.calls[index];
  if (call?.status === 'opened')
    advance(w, call, 'part-shipped', `part ${call.partNumber} shipped`);
}

/** The part is on site; returns the component it is for (or -1 when the call moved on). */
export function onCallDelivered(w: AltState, index: number): number {
  const call = w.calls[index];
  if (!call || (call.status !== 'opened' && call.status !== 'part-shipped')) return -1;
  advance(w, call, 'part-delivered', `part ${call.partNumber} delivered on site`);
  return w.byId.get(call.componentId) ?? -1;
}

/** A new part went into `c`'s slot. */
export function partReplaced(w: AltState, c: number): void {
  const id = w.specs[c].id;
  for (const call of w.calls) {
    if (call.componentId === id && call.status !== 'closed' && call.status !== 'replaced')
      advance(w, call, 'replaced', `${w.label(c)} replaced`);
  }
}

/** Calls whose part was replaced close once it is back in service. */
export function closeServedCalls(w: AltState, inService: (c: number) => boolean): void {
  for (const call of w.calls) {
    if (call.status !== 'replaced') continue;
    const c = w.byId.get(call.componentId);
    if (c !== undefined && inService(c))
      advance(w, call, 'closed', `closed: ${w.label(c)} is back in service`);
  }
}
