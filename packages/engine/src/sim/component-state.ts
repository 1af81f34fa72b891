/**
 * Component state changes and what follows for the component's pair: the redundancy state of
 * partners (duplex/simplex/triplex) and the primary I/O element. The status of the whole system
 * is in system-status.ts.
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { OpState } from '../types.ts';
import { account } from './accounting.ts';
import { isOnlineState, log, stateEvents } from './events.ts';
import { splitSideOf } from './management.ts';
import { componentInService } from './service.ts';
import { schedule, TimerType } from './timers.ts';
import { IO_ELEMENTS_PER_SYSTEM, Kind } from './kinds.ts';
import type { World } from './world.ts';

export function isOnline(w: World, c: number): boolean {
  return isOnlineState(w.state[c] as OpState);
}

/** µs from ms, whole (every time in the engine is a whole number of microseconds). */
export function msToUs(ms: number): number {
  return Math.round(ms * 1000);
}

/**
 * Changes a component's state, records the reason, emits events and invalidates its timers.
 * With `durationMs`, the phase ends then (a Phase timer).
 */
export function setState(w: World, c: number, to: OpState, reason: string, durationMs = 0): void {
  const from = w.state[c] as OpState;
  w.gen[c]++;
  w.reason[c] = reason;
  w.phaseStartUs[c] = w.timeUs;
  const durationUs = msToUs(durationMs);
  w.phaseEndUs[c] = durationUs > 0 ? w.timeUs + durationUs : 0;
  if (durationUs > 0) schedule(w, w.timeUs + durationUs, TimerType.Phase, c);
  if (from === to) return;
  w.state[c] = to;
  stateEvents(w, c, from, to, reason);
  if (isOnlineState(to)) componentInService(w, c);
  account(w, w.sys[c]);
}

export function lockstepCount(w: World, s: number): number {
  let n = 0;
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) n += w.inLockstep[s * REPLICAS_PER_SYSTEM + k];
  return n;
}

/** Whether CPU element `c` is running in lockstep. */
export function cpuInLockstep(w: World, c: number): boolean {
  return w.inLockstep[w.sys[c] * REPLICAS_PER_SYSTEM + w.cpuSlot[c]] === 1;
}

function redundancyState(count: number): OpState {
  return count >= 3 ? OpState.Triplex : count === 2 ? OpState.Duplex : OpState.Simplex;
}

/** Sets every online component of a system to duplex/simplex/triplex by its redundancy. */
export function refreshRedundancy(w: World, s: number): void {
  const cpus = lockstepCount(w, s);
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
    const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + k];
    if (c >= 0 && w.inLockstep[s * REPLICAS_PER_SYSTEM + k]) {
      const to = redundancyState(cpus);
      if (w.state[c] !== to) setState(w, c, to, 'in lockstep');
    }
  }
  const split = splitSideOf(w.management, s);
  for (const c of w.sysComponents[s]) {
    const kind = w.kind[c];
    if (kind === Kind.Cpu || kind === Kind.Psu || !isOnline(w, c)) continue;
    const p = w.partner[c];
    // While an Active Upgrade splits the pair, the two sides are separate machines.
    const apart = split >= 0 && (w.side[c] === split || (p >= 0 && w.side[p] === split));
    const to = p >= 0 && isOnline(w, p) && !apart ? OpState.Duplex : OpState.Simplex;
    if (w.state[c] !== to) setState(w, c, to, w.reason[c]);
  }
  refreshPrimary(w, s);
}

/** One core I/O element is primary (video, USB, CD-ROM): element 10 unless it is not online. */
function refreshPrimary(w: World, s: number): void {
  const io0 = w.sysIo[s * IO_ELEMENTS_PER_SYSTEM];
  const io1 = w.sysIo[s * IO_ELEMENTS_PER_SYSTEM + 1];
  if (io0 < 0 || io1 < 0) return;
  const current = w.primary[io0] ? io0 : w.primary[io1] ? io1 : -1;
  if (current >= 0 && isOnline(w, current)) return;
  const next = isOnline(w, io0) ? io0 : isOnline(w, io1) ? io1 : -1;
  w.primary[io0] = next === io0 ? 1 : 0;
  w.primary[io1] = next === io1 ? 1 : 0;
  if (next >= 0 && current >= 0) {
    log(
      w,
      s,
      next,
      'warning',
      `${w.label(next)} of ${w.systemName(s)} is now the primary I/O element`,
    );
  }
}
