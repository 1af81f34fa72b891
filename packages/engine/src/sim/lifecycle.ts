/**
 * The automatic recovery sequence of every component: shot → diagnostics → diagnostics-passed →
 * initializing (resync, rebuild, re-initialisation) → online, or broken when diagnostics fail;
 * plus booting, dumping, power and the parent/child relation of I/O elements and their devices.
 */
import { TIMING } from '../timing.ts';
import { OpState, SystemStatus } from '../types.ts';
import { log } from './events.ts';
import { completeDump, dumpDurationMs, firmwarePhaseEnd, recordDump } from './operations.ts';
import { openServiceCall } from './service.ts';
import { startRebuild } from './disks.ts';
import { resyncSourceLost, startResync } from './resync.ts';
import {
  abortResync,
  goDown,
  isOnline,
  lockstepCount,
  poweredOff,
  refreshSystem,
  setState,
  setSystemStatus,
  tryBoot,
} from './states.ts';
import { Defect, Kind, type World } from './world.ts';

const DEFECT_NAMES: Record<Defect, string> = {
  [Defect.None]: '',
  [Defect.StuckAt]: 'stuck-at fault',
  [Defect.AdapterFailure]: 'adapter failure',
  [Defect.DiskFailure]: 'disk failure',
  [Defect.PsuFailure]: 'power supply failure',
};

export function defectName(d: Defect): string {
  return DEFECT_NAMES[d];
}

/** Takes a CPU element out of the lockstep set (the system keeps running on the others). */
export function leaveLockstep(w: World, c: number): void {
  const s = w.sys[c];
  const slot = w.cpuSlot[c];
  if (slot < 0 || !w.inLockstep[s * 3 + slot]) return;
  w.inLockstep[s * 3 + slot] = 0;
  if (!resyncSourceLost(w, s, slot)) abortResync(w, s);
}

/** The component stays out until a person acts; hard faults open a service call. */
export function makeBroken(w: World, c: number, reason: string, callHome: boolean): void {
  leaveLockstep(w, c);
  setState(w, c, OpState.Broken, reason);
  if (w.kind[c] === Kind.Io || w.kind[c] === Kind.Xio) childrenDown(w, c, `${w.label(c)} broken`);
  if (w.kind[c] === Kind.Psu) powerChanged(w, c);
  if (callHome) openServiceCall(w, c, reason);
  refreshSystem(w, w.sys[c]);
}

/** Isolated by system logic: starts the automatic recovery sequence. */
export function shoot(w: World, c: number, reason: string): void {
  leaveLockstep(w, c);
  setState(w, c, OpState.Shot, reason, TIMING.shotToDiagnosticsMs.value);
  if (w.kind[c] === Kind.Io || w.kind[c] === Kind.Xio)
    childrenDown(w, c, `${w.label(c)} not online`);
  refreshSystem(w, w.sys[c]);
}

export function startDiagnostics(w: World, c: number, reason = 'running diagnostics'): void {
  const kind = w.kind[c];
  const ms = kind === Kind.Cpu ? TIMING.cpuDiagnosticsMs.value : TIMING.ioDiagnosticsMs.value;
  setState(w, c, OpState.Diagnostics, reason, ms);
}

/** A timer of the component's current phase has fired. */
export function onPhaseEnd(w: World, c: number): void {
  switch (w.state[c] as OpState) {
    case OpState.Shot:
      startDiagnostics(w, c);
      break;
    case OpState.Diagnostics:
      if (w.defect[c] !== Defect.None) {
        makeBroken(w, c, `failed diagnostics: ${DEFECT_NAMES[w.defect[c] as Defect]}`, true);
      } else {
        setState(
          w,
          c,
          OpState.DiagnosticsPassed,
          'self-test passed',
          TIMING.diagnosticsPassedMs.value,
        );
      }
      break;
    case OpState.DiagnosticsPassed:
      beginInitializing(w, c);
      break;
    case OpState.Initializing:
      initializingDone(w, c);
      break;
    case OpState.Dumping:
      completeDump(w, c);
      w.dumpSlot[w.sys[c]] = -1;
      startDiagnostics(w, c);
      break;
    case OpState.FirmwareUpdate:
    case OpState.FirmwareUpdateComplete:
      firmwarePhaseEnd(w, c);
      break;
    default:
      break;
  }
}

function beginInitializing(w: World, c: number): void {
  const s = w.sys[c];
  const status = w.status[s] as SystemStatus;
  switch (w.kind[c] as Kind) {
    case Kind.Cpu: {
      if (status === SystemStatus.Down) {
        setState(w, c, OpState.DiagnosticsPassed, 'waiting for the system to boot');
        tryBoot(w, s);
      } else if (status !== SystemStatus.Booting) {
        // Otherwise it waits in diagnostics-passed until the running resync ends.
        startResync(w, s, w.cpuSlot[c]);
      }
      break;
    }
    case Kind.Io:
    case Kind.Xio:
      setState(
        w,
        c,
        OpState.Initializing,
        'initialising I/O element',
        TIMING.ioInitializingMs.value,
      );
      break;
    case Kind.Pci:
      setState(
        w,
        c,
        OpState.Initializing,
        'initialising adapter',
        TIMING.adapterInitializingMs.value,
      );
      break;
    case Kind.Disk:
      startRebuild(w, c);
      break;
    default:
      goOnline(w, c, 'ready');
  }
}

function initializingDone(w: World, c: number): void {
  const s = w.sys[c];
  if (w.kind[c] === Kind.Cpu && w.status[s] === SystemStatus.Booting) {
    bootDone(w, s, c);
    return;
  }
  goOnline(w, c, 'initialised');
}

/** Puts a non-CPU component online and lets the system re-derive redundancy. */
export function goOnline(w: World, c: number, reason: string): void {
  const kind = w.kind[c];
  setState(w, c, kind === Kind.Psu ? OpState.DeviceReady : OpState.Simplex, reason);
  if (kind === Kind.Io || kind === Kind.Xio) childrenUp(w, c);
  if (kind === Kind.Psu) powerChanged(w, c);
  refreshSystem(w, w.sys[c]);
}

function bootDone(w: World, s: number, c: number): void {
  const slot = w.cpuSlot[c];
  w.cpu.reset(w.replica(s, slot), false);
  w.inLockstep[s * 3 + slot] = 1;
  w.tainted[w.replica(s, slot)] = 0;
  setState(w, c, OpState.Simplex, 'operating system running');
  setSystemStatus(w, s, SystemStatus.Simplex, 'booted');
  log(w, s, -1, 'info', `${w.systemName(s)} is up on ${w.label(c)}`);
  refreshSystem(w, s);
  bringBackWaiting(w, s);
}

/** After a boot or a resync, the next CPU element waiting for its turn starts. */
export function bringBackWaiting(w: World, s: number): void {
  for (let k = 0; k < 3; k++) {
    const c = w.sysCpu[s * 3 + k];
    if (c < 0 || w.inLockstep[s * 3 + k]) continue;
    const st = w.state[c];
    if (st === OpState.Dumping && w.dumpSlot[s] === k && w.phaseEndMs[c] === 0) {
      setState(w, c, OpState.Dumping, 'writing the crash dump to disk', dumpDurationMs(w, s));
    } else if (
      st === OpState.DiagnosticsPassed ||
      (st === OpState.Offline && !poweredOff(w, c) && w.reason[c].startsWith('system down'))
    ) {
      if (st === OpState.Offline) startDiagnostics(w, c);
      else if (w.rsPhase[s] === 0) startResync(w, s, k);
    }
  }
}

/** An I/O element left: its disks, adapters and ports are unreachable. */
export function childrenDown(w: World, p: number, reason: string): void {
  for (const ch of w.children[p]) {
    if (w.pulled[ch] || w.state[ch] === OpState.Broken || w.state[ch] === OpState.Removed) continue;
    if (w.state[ch] !== OpState.Offline) setState(w, ch, OpState.Offline, reason);
  }
}

/** An I/O element is back: its devices return (disks re-mirror first). */
export function childrenUp(w: World, p: number): void {
  for (const ch of w.children[p]) {
    if (w.pulled[ch] || w.state[ch] !== OpState.Offline) continue;
    const kind = w.kind[ch];
    // A defective part stays defective whatever its enclosure went through.
    if (w.defect[ch] !== Defect.None)
      makeBroken(w, ch, DEFECT_NAMES[w.defect[ch] as Defect], false);
    else if (kind === Kind.Disk) startRebuild(w, ch);
    else if (kind === Kind.Nic && w.linkDown[ch]) setState(w, ch, OpState.Offline, 'link lost');
    else setState(w, ch, OpState.Simplex, 'ready');
  }
}

/** Elements fed by a power supply lose or regain power. */
export function powerChanged(w: World, psu: number): void {
  const s = w.sys[psu];
  const side = w.side[psu];
  const on = isOnline(w, psu);
  for (const c of w.sysComponents[s]) {
    const kind = w.kind[c];
    if (w.side[c] !== side || (kind !== Kind.Cpu && kind !== Kind.Io && kind !== Kind.Xio))
      continue;
    if (w.pulled[c] || w.state[c] === OpState.Broken) continue;
    if (!on && w.state[c] !== OpState.Offline) {
      leaveLockstep(w, c);
      setState(w, c, OpState.Offline, `no power: ${w.label(psu)} not online`);
      if (kind !== Kind.Cpu) childrenDown(w, c, `${w.label(c)} has no power`);
    } else if (on && w.state[c] === OpState.Offline && w.reason[c].startsWith('no power')) {
      startDiagnostics(w, c, 'power restored: running diagnostics');
    }
  }
}

/** The OS crashed: reboot on one element while another holds its memory for the dump. */
export function osCrash(w: World, s: number, reason: string): void {
  if (w.status[s] === SystemStatus.Down || w.status[s] === SystemStatus.Booting) return;
  let dumpSlot = -1;
  if (lockstepCount(w, s) >= 2) {
    for (let k = 2; k >= 0; k--) {
      if (w.inLockstep[s * 3 + k]) {
        dumpSlot = k;
        break;
      }
    }
  }
  w.dumpSlot[s] = dumpSlot;
  if (dumpSlot >= 0) recordDump(w, w.sysCpu[s * 3 + dumpSlot], 'crash');
  goDown(w, s, reason, dumpSlot);
}
