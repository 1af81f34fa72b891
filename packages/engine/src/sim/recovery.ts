/**
 * The automatic recovery sequence of every component: shot → diagnostics → diagnostics-passed →
 * initializing (resync, rebuild, re-initialisation, boot) → online, or broken when diagnostics
 * fail; plus power, and the parent/child relation of I/O elements and their devices.
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { TIMING } from '../timing.ts';
import { OpState, SystemStatus } from '../types.ts';
import { account } from './accounting.ts';
import { isOnline, setState } from './component-state.ts';
import { startWritingCrashDump } from './crash-dump.ts';
import { startRebuild } from './disks.ts';
import { log } from './events.ts';
import { joinLockstepSlot, leaveLockstep } from './lockstep-set.ts';
import { bootReference, checkReference } from './reference.ts';
import { startResync } from './resync.ts';
import { openServiceCall } from './service.ts';
import { poweredOff, refreshSystem, setSystemStatus, tryBoot } from './system-status.ts';
import { Defect, Kind } from './kinds.ts';
import type { World } from './world.ts';

const DEFECT_NAMES: Record<Defect, string> = {
  [Defect.None]: '',
  [Defect.StuckAt]: 'stuck-at fault',
  [Defect.AdapterFailure]: 'adapter failure',
  [Defect.DiskFailure]: 'disk failure',
  [Defect.PsuFailure]: 'power supply failure',
};

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
  if (w.kind[c] === Kind.Io || w.kind[c] === Kind.Xio) {
    childrenDown(w, c, `${w.label(c)} not online`);
  }
  refreshSystem(w, w.sys[c]);
}

export function startDiagnostics(w: World, c: number, reason = 'running diagnostics'): void {
  const ms = w.kind[c] === Kind.Cpu ? TIMING.cpuDiagnosticsMs.value : TIMING.ioDiagnosticsMs.value;
  setState(w, c, OpState.Diagnostics, reason, ms);
}

/** Diagnostics ended: broken with a defect, else on towards initializing. */
export function diagnosticsDone(w: World, c: number): void {
  if (w.defect[c] !== Defect.None) {
    makeBroken(w, c, `failed diagnostics: ${DEFECT_NAMES[w.defect[c] as Defect]}`, true);
  } else {
    setState(w, c, OpState.DiagnosticsPassed, 'self-test passed', TIMING.diagnosticsPassedMs.value);
  }
}

export function beginInitializing(w: World, c: number): void {
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

/** Puts a non-CPU component online and lets the system re-derive redundancy. */
export function goOnline(w: World, c: number, reason: string): void {
  const kind = w.kind[c];
  setState(w, c, kind === Kind.Psu ? OpState.DeviceReady : OpState.Simplex, reason);
  if (kind === Kind.Io || kind === Kind.Xio) childrenUp(w, c);
  if (kind === Kind.Psu) powerChanged(w, c);
  refreshSystem(w, w.sys[c]);
}

/** The OS is up on CPU element `c`: the workload restarts on it (memory kept). */
export function bootDone(w: World, s: number, c: number): void {
  const slot = w.cpuSlot[c];
  w.cpu.reset(w.replica(s, slot), false, w.instrTarget[s]);
  w.votedTo[s] = w.instrTarget[s];
  joinLockstepSlot(w, s, slot);
  bootReference(w, s);
  checkReference(w, s);
  setState(w, c, OpState.Simplex, 'operating system running');
  setSystemStatus(w, s, SystemStatus.Simplex, 'booted');
  log(w, s, -1, 'info', `${w.systemName(s)} is up on ${w.label(c)}`);
  refreshSystem(w, s);
  bringBackWaiting(w, s);
}

/** The stop-and-copy pause is over: the target joins lockstep, bit-identical to the others. */
export function completeResync(w: World, s: number): void {
  w.pauseUntilUs[s] = 0;
  account(w, s);
  if (w.rsPhase[s] === 2) {
    const slot = w.rsTarget[s];
    w.rsPhase[s] = 0;
    w.rsTarget[s] = -1;
    w.rsSource[s] = -1;
    const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + slot];
    joinLockstepSlot(w, s, slot);
    setState(w, c, OpState.Duplex, 'resynchronised');
    refreshSystem(w, s);
  }
  bringBackWaiting(w, s);
}

/** After a boot or a resync, the next CPU element waiting for its turn starts. */
export function bringBackWaiting(w: World, s: number): void {
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
    const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + k];
    if (c < 0 || w.inLockstep[s * REPLICAS_PER_SYSTEM + k]) continue;
    const st = w.state[c];
    if (st === OpState.Dumping && w.dumpSlot[s] === k && w.phaseEndUs[c] === 0) {
      startWritingCrashDump(w, s, c);
    } else if (
      st === OpState.DiagnosticsPassed ||
      (st === OpState.Offline && !poweredOff(w, c) && w.reason[c].startsWith('system down'))
    ) {
      if (st === OpState.Offline) startDiagnostics(w, c);
      else if (w.rsPhase[s] === 0 && w.pauseUntilUs[s] === 0) startResync(w, s, k);
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
    if (w.defect[ch] !== Defect.None) {
      makeBroken(w, ch, DEFECT_NAMES[w.defect[ch] as Defect], false);
    } else if (kind === Kind.Disk) startRebuild(w, ch);
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
    if (w.side[c] !== side || (kind !== Kind.Cpu && kind !== Kind.Io && kind !== Kind.Xio)) {
      continue;
    }
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
