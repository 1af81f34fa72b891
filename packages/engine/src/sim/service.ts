/**
 * ActiveService: a hard fault isolated to a CRU opens a service call that goes to the support
 * centre (directly, or through the rack's ftGateway or its backup), orders the part, and follows
 * it: opened → part shipped → part delivered → replaced → closed, closing once the replacement
 * is in and synchronised.
 */
import { TIMING } from '../timing.ts';
import type { ServiceCall, ServiceCallStatus } from '../types.ts';
import { SystemStatus } from '../types.ts';
import { pushEvent, log } from './events.ts';
import { schedule, TimerType } from './timers.ts';
import type { World } from './world.ts';

/** Systems one gateway serves (ftGateway). */
export const GATEWAY_CAPACITY = 20;

export enum CallStep {
  Shipped = 0,
  Delivered = 1,
}

export function gatewayRoles(w: World): { gateway: number; backup: number } {
  return w.m > 1 ? { gateway: 0, backup: 1 } : { gateway: -1, backup: -1 };
}

function reachable(w: World, s: number): boolean {
  const status = w.status[s];
  return (
    w.ops.systems[s].gatewayLinkUp &&
    status !== SystemStatus.Down &&
    status !== SystemStatus.Booting
  );
}

/** How a call from system `s` reaches the support centre right now. */
export function routeCall(w: World, s: number): string {
  const { gateway, backup } = gatewayRoles(w);
  if (gateway < 0) return reachable(w, s) ? 'direct' : 'queued';
  if (s >= GATEWAY_CAPACITY && s !== gateway) return reachable(w, s) ? 'direct' : 'queued';
  if (reachable(w, gateway)) return `gateway ${w.systemId(gateway)}`;
  if (reachable(w, backup)) return `backup ${w.systemId(backup)}`;
  return 'queued';
}

function emitCall(w: World, call: ServiceCall, message: string): void {
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

function advanceCall(
  w: World,
  call: ServiceCall,
  status: ServiceCallStatus,
  message: string,
): void {
  call.status = status;
  call.history.push({ status, timeMs: w.timeMs });
  emitCall(w, call, `Service call ${call.callId}: ${message}`);
}

/** Opens a call for component `c`; returns its id. */
export function openServiceCall(w: World, c: number, reason: string): string {
  const s = w.sys[c];
  const existing = w.ops.calls.find((k) => k.componentId === w.ids[c] && k.status !== 'closed');
  if (existing) return existing.callId;
  w.callSeq++;
  const callId = `SC-${w.systemId(s)}-${String(w.callSeq).padStart(4, '0')}`;
  const deliveryMs = w.timeMs + TIMING.partReplacementMs.value;
  const call: ServiceCall = {
    callId,
    systemId: w.systemId(s),
    componentId: w.ids[c],
    partNumber: w.partNumber[c],
    severity: 'error',
    reason,
    action: `Replace ${w.label(c)} (part ${w.partNumber[c]}) in ${w.systemName(s)}`,
    status: 'opened',
    path: routeCall(w, s),
    openedMs: w.timeMs,
    deliveryMs,
    history: [{ status: 'opened', timeMs: w.timeMs }],
  };
  w.ops.calls.push(call);
  const via = call.path === 'queued' ? 'queued: no call-home path' : `via ${call.path}`;
  emitCall(
    w,
    call,
    `Service call ${callId} opened (${via}): ${reason}. ${call.action}; part ordered.`,
  );
  if (call.path !== 'queued') orderPart(w, w.ops.calls.length - 1, c);
  return callId;
}

/** The support centre has the call: the part ships and is delivered on the contract's schedule. */
function orderPart(w: World, index: number, c: number): void {
  const call = w.ops.calls[index];
  call.deliveryMs = w.timeMs + TIMING.partReplacementMs.value;
  schedule(w, w.timeMs + TIMING.partShipMs.value, TimerType.Service, index, CallStep.Shipped);
  schedule(w, call.deliveryMs, TimerType.Service, index, CallStep.Delivered);
  if (w.options.autoRepair) schedule(w, call.deliveryMs, TimerType.Repair, c);
}

export function onCallTimer(w: World, index: number, step: CallStep): void {
  const call = w.ops.calls[index];
  if (!call || call.status === 'closed' || call.status === 'replaced') return;
  if (step === CallStep.Shipped && call.status === 'opened')
    advanceCall(w, call, 'part-shipped', `part ${call.partNumber} shipped`);
  if (step === CallStep.Delivered)
    advanceCall(w, call, 'part-delivered', `part ${call.partNumber} delivered on site`);
}

/** A new part went in: open calls for that component are replaced. */
export function partReplaced(w: World, c: number): void {
  for (const call of w.ops.calls) {
    if (call.componentId === w.ids[c] && call.status !== 'closed' && call.status !== 'replaced') {
      advanceCall(w, call, 'replaced', `${w.label(c)} replaced`);
    }
  }
}

/** The component is back in service: calls whose part was replaced close. */
export function componentInService(w: World, c: number): void {
  for (const call of w.ops.calls) {
    if (call.componentId === w.ids[c] && call.status === 'replaced') {
      advanceCall(w, call, 'closed', `closed: ${w.label(c)} is back in service`);
    }
  }
}

/** Sends calls that were queued while no call-home path existed. */
export function flushQueuedCalls(w: World): void {
  for (const [index, call] of w.ops.calls.entries()) {
    if (call.path !== 'queued' || call.status === 'closed') continue;
    const s = w.rack.systems.findIndex((sys) => sys.config.id === call.systemId);
    const path = routeCall(w, s);
    if (path !== 'queued') {
      call.path = path;
      const c = w.byId.get(call.componentId);
      if (c !== undefined && call.status === 'opened') orderPart(w, index, c);
      log(w, s, -1, 'info', `Service call ${call.callId} sent via ${path}`);
      emitCall(w, call, `Service call ${call.callId} sent via ${path}`);
    }
  }
}
