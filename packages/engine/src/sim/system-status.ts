/**
 * The status of a whole system: it goes down when it loses its last CPU element, both I/O
 * elements or both halves of a mirror, and boots again when it has what it needs.
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { TIMING } from '../timing.ts';
import { OpState, SYSTEM_STATUS_NAMES, SystemStatus } from '../types.ts';
import { Acc, account, addCount } from './accounting.ts';
import { isOnline, lockstepCount, refreshRedundancy, setState } from './component-state.ts';
import { log, pushEvent } from './events.ts';
import { leaveLockstepSlot } from './lockstep-set.ts';
import { splitSideOf } from './management.ts';
import { refreshReachability } from './network.ts';
import { abortResync } from './resync.ts';
import { IO_ELEMENTS_PER_SYSTEM, PSUS_PER_SYSTEM } from './kinds.ts';
import type { World } from './world.ts';

/** Reason of a CPU element an operator brought down (it does not boot the system). */
export const BROUGHT_DOWN = 'brought down by operator';

export function systemUp(w: World, s: number): boolean {
  const status = w.status[s];
  return (
    status === SystemStatus.Simplex ||
    status === SystemStatus.Duplex ||
    status === SystemStatus.Triplex
  );
}

export function setSystemStatus(w: World, s: number, to: SystemStatus, reason: string): void {
  const from = w.status[s] as SystemStatus;
  if (from === to) return;
  w.status[s] = to;
  account(w, s);
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
  const split = splitSideOf(w.management, s);
  const usable = (c: number) => c >= 0 && w.side[c] !== split && isOnline(w, c);
  const io = s * IO_ELEMENTS_PER_SYSTEM;
  if (!usable(w.sysIo[io]) && !usable(w.sysIo[io + 1])) return 'no I/O element online';
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
    account(w, s);
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
  refreshReachability(w, s);
  account(w, s);
}

/** The system stops: every CPU element leaves lockstep, in-flight work is lost. */
export function goDown(w: World, s: number, reason: string, keepForDump = -1): void {
  addCount(w, s, Acc.InflightLost);
  abortResync(w, s);
  w.pauseUntilUs[s] = 0;
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
    const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + k];
    if (c < 0 || !w.inLockstep[s * REPLICAS_PER_SYSTEM + k]) continue;
    leaveLockstepSlot(w, s, k);
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
    const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + k];
    if (c < 0) continue;
    const st = w.state[c];
    if (st === OpState.Offline || st === OpState.DiagnosticsPassed || st === OpState.Stopped) {
      if (!poweredOff(w, c) && w.reason[c] !== BROUGHT_DOWN) return k;
    }
  }
  return -1;
}

export function poweredOff(w: World, c: number): boolean {
  const s = w.sys[c];
  const psu = w.sysPsu[s * PSUS_PER_SYSTEM + w.side[c]];
  return psu >= 0 && !isOnline(w, psu);
}

function ioAvailable(w: World, s: number): boolean {
  for (let k = 0; k < IO_ELEMENTS_PER_SYSTEM; k++) {
    const io = w.sysIo[s * IO_ELEMENTS_PER_SYSTEM + k];
    if (io >= 0 && isOnline(w, io)) return true;
  }
  return false;
}

/** Starts booting when the system is down and has what it needs. */
export function tryBoot(w: World, s: number): void {
  if (w.status[s] !== SystemStatus.Down || !w.management.systems[s].powered) return;
  if (!ioAvailable(w, s)) return;
  for (const d of w.sysDisks[s]) {
    const p = w.partner[d];
    if (d < p && !isOnline(w, d) && !isOnline(w, p)) return;
  }
  const slot = bootCandidate(w, s);
  if (slot < 0) return;
  const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + slot];
  setState(w, c, OpState.Initializing, 'booting the operating system', TIMING.bootMs.value);
  setSystemStatus(w, s, SystemStatus.Booting, `booting on ${w.label(c)}`);
}
