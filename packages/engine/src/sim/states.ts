/**
 * Component state changes and what follows from them: the redundancy state of partners
 * (duplex/simplex/triplex), the primary I/O element, and the status of the whole system, which
 * goes down when it loses its last CPU element, both I/O elements or both halves of a mirror.
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { TIMING } from '../timing.ts';
import { OpState, SYSTEM_STATUS_NAMES, SystemStatus } from '../types.ts';
import { isOnlineState, log, pushEvent, stateEvents } from './events.ts';
import { splitSideOf } from './ops.ts';
import { componentInService } from './service.ts';
import { schedule, TimerType } from './timers.ts';
import { Kind, type World } from './world.ts';

export function isOnline(w: World, c: number): boolean {
  return isOnlineState(w.state[c] as OpState);
}

/** Changes a component's state, records the reason, emits events and invalidates its timers. */
export function setState(w: World, c: number, to: OpState, reason: string, durationMs = 0): void {
  const from = w.state[c] as OpState;
  w.gen[c]++;
  w.reason[c] = reason;
  w.phaseStartMs[c] = w.timeMs;
  w.phaseEndMs[c] = durationMs > 0 ? w.timeMs + durationMs : 0;
  if (durationMs > 0) schedule(w, w.timeMs + durationMs, TimerType.Phase, c);
  if (from === to) return;
  w.state[c] = to;
  stateEvents(w, c, from, to, reason);
  if (isOnlineState(to)) componentInService(w, c);
}

/** Online CPU slots of a system as a bit mask. */
export function lockstepMask(w: World, s: number): number {
  let mask = 0;
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) if (w.inLockstep[s * 3 + k]) mask |= 1 << k;
  return mask;
}

export function lockstepCount(w: World, s: number): number {
  let n = 0;
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) n += w.inLockstep[s * 3 + k];
  return n;
}

function redundancyState(count: number): OpState {
  return count >= 3 ? OpState.Triplex : count === 2 ? OpState.Duplex : OpState.Simplex;
}

/** Sets every online component of a system to duplex/simplex/triplex by its redundancy. */
export function refreshRedundancy(w: World, s: number): void {
  const cpus = lockstepCount(w, s);
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
    const c = w.sysCpu[s * 3 + k];
    if (c >= 0 && w.inLockstep[s * 3 + k]) {
      const to = redundancyState(cpus);
      if (w.state[c] !== to) setState(w, c, to, 'in lockstep');
    }
  }
  const split = splitSideOf(w.ops, s);
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
  const io0 = w.sysIo[s * 2];
  const io1 = w.sysIo[s * 2 + 1];
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

export function setSystemStatus(w: World, s: number, to: SystemStatus, reason: string): void {
  const from = w.status[s] as SystemStatus;
  if (from === to) return;
  w.status[s] = to;
  const severity =
    to === SystemStatus.Down ? 'critical' : to === SystemStatus.Simplex ? 'warning' : 'info';
  pushEvent(w, {
    kind: 'system',
    timeMs: w.timeMs,
    systemId: w.systemId(s),
    componentId: null,
    severity,
    message: `${w.systemName(s)}: ${SYSTEM_STATUS_NAMES[from]} → ${SYSTEM_STATUS_NAMES[to]}${reason ? ` (${reason})` : ''}`,
    from,
    to,
  });
}

/** Why the system cannot run, or '' when it can. */
export function missingResource(w: World, s: number): string {
  if (lockstepCount(w, s) === 0) return 'no CPU element online';
  const split = splitSideOf(w.ops, s);
  const usable = (c: number) => c >= 0 && w.side[c] !== split && isOnline(w, c);
  if (!usable(w.sysIo[s * 2]) && !usable(w.sysIo[s * 2 + 1])) return 'no I/O element online';
  for (const d of w.sysDisks[s]) {
    const p = w.partner[d];
    if (d < p && !usable(d) && !usable(p)) {
      return `both halves of mirror ${w.specs[d].path} and ${w.specs[p].path} lost`;
    }
  }
  return '';
}

/** Re-derives the system status after a change; takes the system down when it must. */
export function refreshSystem(w: World, s: number): void {
  const status = w.status[s] as SystemStatus;
  if (status === SystemStatus.Down || status === SystemStatus.Booting) {
    tryBoot(w, s);
    return;
  }
  const missing = missingResource(w, s);
  if (missing) {
    goDown(w, s, missing);
    return;
  }
  refreshRedundancy(w, s);
  const cpus = lockstepCount(w, s);
  setSystemStatus(
    w,
    s,
    cpus >= 3 ? SystemStatus.Triplex : cpus === 2 ? SystemStatus.Duplex : SystemStatus.Simplex,
    '',
  );
}

/** The system stops: every CPU element leaves lockstep, in-flight work is lost. */
export function goDown(w: World, s: number, reason: string, keepForDump = -1): void {
  w.counters[s * 8 + 3] += 1; // the transaction in flight
  abortResync(w, s);
  w.pauseUntilMs[s] = 0;
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
    const c = w.sysCpu[s * 3 + k];
    if (c < 0 || !w.inLockstep[s * 3 + k]) continue;
    w.inLockstep[s * 3 + k] = 0;
    if (k === keepForDump) setState(w, c, OpState.Dumping, 'holding memory for the crash dump');
    else setState(w, c, OpState.Offline, `system down: ${reason}`);
  }
  setSystemStatus(w, s, SystemStatus.Down, reason);
  log(w, s, -1, 'critical', `${w.systemName(s)} is down: ${reason}`);
  tryBoot(w, s);
}

/** A CPU element that could boot the OS: present, powered, not broken, not held for a dump. */
function bootCandidate(w: World, s: number): number {
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
    const c = w.sysCpu[s * 3 + k];
    if (c < 0) continue;
    const st = w.state[c];
    if (st === OpState.Offline || st === OpState.DiagnosticsPassed || st === OpState.Stopped) {
      if (!poweredOff(w, c) && w.reason[c] !== 'brought down by operator') return k;
    }
  }
  return -1;
}

export function poweredOff(w: World, c: number): boolean {
  const s = w.sys[c];
  const psu = w.sysPsu[s * 3 + w.side[c]];
  return psu >= 0 && !isOnline(w, psu);
}

function ioAvailable(w: World, s: number): boolean {
  for (let k = 0; k < 2; k++) {
    const io = w.sysIo[s * 2 + k];
    if (io >= 0 && isOnline(w, io)) return true;
  }
  return false;
}

/** Starts booting when the system is down and has what it needs. */
export function tryBoot(w: World, s: number): void {
  if (w.status[s] !== SystemStatus.Down || !w.ops.systems[s].powered) return;
  if (!ioAvailable(w, s)) return;
  for (const d of w.sysDisks[s]) {
    const p = w.partner[d];
    if (d < p && !isOnline(w, d) && !isOnline(w, p)) return;
  }
  const slot = bootCandidate(w, s);
  if (slot < 0) return;
  const c = w.sysCpu[s * 3 + slot];
  setState(w, c, OpState.Initializing, 'booting the operating system', TIMING.bootMs.value);
  setSystemStatus(w, s, SystemStatus.Booting, `booting on ${w.label(c)}`);
}

export function abortResync(w: World, s: number): void {
  if (w.rsPhase[s] === 0) return;
  const target = w.rsTarget[s];
  w.rsPhase[s] = 0;
  w.rsTarget[s] = -1;
  w.rsSource[s] = -1;
  const c = target >= 0 ? w.sysCpu[s * 3 + target] : -1;
  if (c >= 0 && w.state[c] === OpState.Initializing) {
    setState(w, c, OpState.Offline, 'resynchronisation aborted');
  }
}
