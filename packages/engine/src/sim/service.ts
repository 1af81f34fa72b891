/**
 * ActiveService: a hard fault isolated to a CRU (or a lost network) opens a service call that
 * goes to the support centre (directly, or through the rack's ftGateway or its backup), orders
 * the part, and follows it: opened → part shipped → part delivered → replaced → closed, closing
 * once the replacement is in and synchronised.
 *
 * Calls opened while systems run inside a slice are opened at the end of the slice, in time order
 * (the call list and the call timers must not depend on the order systems ran in). Routing reads
 * the other systems' reachability as refreshed at the last canonical time (refreshCallRoutes).
 */
import { TIMING } from '../timing.ts';
import type { ServiceCall, ServiceCallStatus } from '../types.ts';
import { SystemStatus } from '../types.ts';
import { Acc, addCount } from './accounting.ts';
import { log, pushEvent } from './events.ts';
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

function reachableNow(w: World, s: number): boolean {
  const status = w.status[s];
  return (
    w.management.systems[s].gatewayLinkUp &&
    status !== SystemStatus.Down &&
    status !== SystemStatus.Booting
  );
}

/** Refreshes which systems can carry call-home traffic (at commands, timers and slice grid). */
export function refreshCallRoutes(w: World): void {
  for (let s = 0; s < w.m; s++) w.reachableForCalls[s] = reachableNow(w, s) ? 1 : 0;
}

/** How a call from system `s` reaches the support centre right now. */
export function routeCall(w: World, s: number): string {
  const reachable = (k: number) => w.reachableForCalls[k] === 1;
  const { gateway, backup } = gatewayRoles(w);
  if (gateway < 0) return reachable(s) ? 'direct' : 'queued';
  if (s >= GATEWAY_CAPACITY && s !== gateway) return reachable(s) ? 'direct' : 'queued';
  if (reachable(gateway)) return `gateway ${w.systemId(gateway)}`;
  if (reachable(backup)) return `backup ${w.systemId(backup)}`;
  return 'queued';
}

function emitCall(w: World, call: ServiceCall, message: string, timeMs = w.timeMs): void {
  pushEvent(w, {
    kind: 'serviceCall',
    timeMs,
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

function openCallFor(w: World, c: number): ServiceCall | undefined {
  return w.management.calls.find((k) => k.componentId === w.ids[c] && k.status !== 'closed');
}

/**
 * Opens a call for component `c` (none if one is open for it already). `action` overrides the
 * default "replace the part" action (a lost network link needs no part).
 */
export function openServiceCall(
  w: World,
  c: number,
  reason: string,
  action: string | null = null,
): void {
  const sc = w.scratch;
  if (sc.inSlice) {
    sc.pendingCalls.push({ timeUs: w.timeUs, system: w.sys[c], component: c, reason, action });
    return;
  }
  openNow(w, w.timeUs, c, reason, action);
}

function openNow(w: World, atUs: number, c: number, reason: string, action: string | null): void {
  if (openCallFor(w, c)) return;
  const s = w.sys[c];
  w.callSeq[s]++;
  addCount(w, s, Acc.CallsOpened);
  const openedMs = atUs / 1000;
  const callId = `SC-${w.systemId(s)}-${String(w.callSeq[s]).padStart(4, '0')}`;
  const call: ServiceCall = {
    callId,
    systemId: w.systemId(s),
    componentId: w.ids[c],
    partNumber: action ? '' : w.partNumber[c],
    severity: 'error',
    reason,
    action: action ?? `Replace ${w.label(c)} (part ${w.partNumber[c]}) in ${w.systemName(s)}`,
    status: 'opened',
    path: routeCall(w, s),
    openedMs,
    deliveryMs: openedMs + TIMING.partReplacementMs.value,
    history: [{ status: 'opened', timeMs: openedMs }],
  };
  w.management.calls.push(call);
  const via = call.path === 'queued' ? 'queued: no call-home path' : `via ${call.path}`;
  const what = action ? call.action : `${call.action}; part ordered`;
  emitCall(w, call, `Service call ${callId} opened (${via}): ${reason}. ${what}.`, openedMs);
  if (call.path !== 'queued' && !action) orderPart(w, w.management.calls.length - 1, c, atUs);
}

/** Opens the calls of a slice in order of time, then system (see the file comment). */
export function openPendingCalls(w: World): void {
  const pending = w.scratch.pendingCalls;
  if (pending.length === 0) return;
  pending.sort((a, b) => a.timeUs - b.timeUs || a.system - b.system);
  for (const p of pending) openNow(w, p.timeUs, p.component, p.reason, p.action);
  pending.length = 0;
}

/** The support centre has the call: the part ships and is delivered on the contract's schedule. */
function orderPart(w: World, index: number, c: number, atUs: number): void {
  const call = w.management.calls[index];
  const deliveryUs = atUs + TIMING.partReplacementMs.value * 1000;
  call.deliveryMs = deliveryUs / 1000;
  schedule(w, atUs + TIMING.partShipMs.value * 1000, TimerType.Service, index, CallStep.Shipped);
  schedule(w, deliveryUs, TimerType.Service, index, CallStep.Delivered);
  if (w.options.autoRepair) schedule(w, deliveryUs, TimerType.Repair, c);
}

export function onCallTimer(w: World, index: number, step: CallStep): void {
  const call = w.management.calls[index];
  if (!call || call.status === 'closed' || call.status === 'replaced') return;
  if (step === CallStep.Shipped && call.status === 'opened')
    advanceCall(w, call, 'part-shipped', `part ${call.partNumber} shipped`);
  if (step === CallStep.Delivered)
    advanceCall(w, call, 'part-delivered', `part ${call.partNumber} delivered on site`);
}

/** A new part went in (or a link was put right): open calls for that component are replaced. */
export function partReplaced(w: World, c: number, what = `${w.label(c)} replaced`): void {
  for (const call of w.management.calls) {
    if (call.componentId === w.ids[c] && call.status !== 'closed' && call.status !== 'replaced') {
      advanceCall(w, call, 'replaced', what);
    }
  }
}

/** The component is back in service: calls whose part was replaced close. */
export function componentInService(w: World, c: number): void {
  for (const call of w.management.calls) {
    if (call.componentId === w.ids[c] && call.status === 'replaced') {
      advanceCall(w, call, 'closed', `closed: ${w.label(c)} is back in service`);
    }
  }
}

/** Sends calls that were queued while no call-home path existed. */
export function flushQueuedCalls(w: World): void {
  refreshCallRoutes(w);
  for (const [index, call] of w.management.calls.entries()) {
    if (call.path !== 'queued' || call.status === 'closed') continue;
    const s = w.systemIndex.get(call.systemId) ?? -1;
    if (s < 0) continue;
    const path = routeCall(w, s);
    if (path !== 'queued') {
      call.path = path;
      const c = w.byId.get(call.componentId);
      if (c !== undefined && call.status === 'opened' && call.partNumber !== '') {
        orderPart(w, index, c, w.timeUs);
      }
      log(w, s, -1, 'info', `Service call ${call.callId} sent via ${path}`);
      emitCall(w, call, `Service call ${call.callId} sent via ${path}`);
    }
  }
}

/** The call-home link of a system (ftGateway routing) goes down or comes back. */
export function setGatewayLink(w: World, s: number, up: boolean): { ok: boolean; error?: string } {
  if (typeof up !== 'boolean') return { ok: false, error: 'up must be true or false' };
  w.management.systems[s].gatewayLinkUp = up;
  log(
    w,
    s,
    -1,
    up ? 'info' : 'warning',
    `Call-home link of ${w.systemName(s)} ${up ? 'restored' : 'lost'}`,
  );
  refreshCallRoutes(w);
  if (up) flushQueuedCalls(w);
  return { ok: true };
}
