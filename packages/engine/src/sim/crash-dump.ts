/**
 * OS crashes and dumps: after a crash one CPU element is held back with its memory while the
 * system reboots on another, and the dump is written from it once the system is up; a dump can
 * also be taken from a running system (one element leaves, is dumped, and comes back).
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { TIMING } from '../timing.ts';
import { type CommandResult, OpState, SystemStatus } from '../types.ts';
import { cpuInLockstep, lockstepCount, setState } from './component-state.ts';
import { log } from './events.ts';
import { leaveLockstep } from './lockstep-set.ts';
import { goDown, refreshSystem } from './system-status.ts';
import { Kind } from './kinds.ts';
import type { World } from './world.ts';

const GIB = 1024 ** 3;

export function dumpDurationMs(w: World, s: number): number {
  return ((w.memoryGB[s] * GIB) / TIMING.dumpBytesPerS.value) * 1000;
}

/** Starts a dump record (crash dumps are written later, requested ones at once). */
export function recordDump(w: World, c: number, cause: 'crash' | 'requested'): void {
  const s = w.sys[c];
  const m = w.management.systems[s];
  m.dumpSeq++;
  w.management.dumps.push({
    id: `DUMP-${w.systemId(s)}-${String(m.dumpSeq).padStart(3, '0')}`,
    systemId: w.systemId(s),
    componentId: w.ids[c],
    cause,
    sizeBytes: w.memoryGB[s] * GIB,
    startedMs: w.timeMs,
    completedMs: null,
  });
}

/** The dump held by CPU element `c` has been written out. */
export function completeDump(w: World, c: number): void {
  const dump = [...w.management.dumps]
    .reverse()
    .find((d) => d.componentId === w.ids[c] && d.completedMs === null);
  if (w.dumpSlot[w.sys[c]] === w.cpuSlot[c]) w.dumpSlot[w.sys[c]] = -1;
  if (!dump) return;
  dump.completedMs = w.timeMs;
  log(
    w,
    w.sys[c],
    c,
    'info',
    `Dump ${dump.id} written: ${(dump.sizeBytes / GIB).toFixed(0)} GB from ${w.label(c)}`,
  );
}

/** The system is up again: the element holding the crash dump writes it out. */
export function startWritingCrashDump(w: World, s: number, c: number): void {
  setState(w, c, OpState.Dumping, 'writing the crash dump to disk', dumpDurationMs(w, s));
}

/** The OS crashed: reboot on one element while another holds its memory for the dump. */
export function osCrash(w: World, s: number, reason: string): void {
  if (w.status[s] === SystemStatus.Down || w.status[s] === SystemStatus.Booting) return;
  let dumpSlot = -1;
  if (lockstepCount(w, s) >= 2) {
    for (let k = REPLICAS_PER_SYSTEM - 1; k >= 0; k--) {
      if (w.inLockstep[s * REPLICAS_PER_SYSTEM + k]) {
        dumpSlot = k;
        break;
      }
    }
  }
  w.dumpSlot[s] = dumpSlot;
  if (dumpSlot >= 0) recordDump(w, w.sysCpu[s * REPLICAS_PER_SYSTEM + dumpSlot], 'crash');
  goDown(w, s, reason, dumpSlot);
}

/** Take dump now: one element of a running system leaves, writes its memory and comes back. */
export function takeDump(w: World, c: number): CommandResult {
  if (w.kind[c] !== Kind.Cpu) return { ok: false, error: `${w.label(c)} is not a CPU element` };
  const s = w.sys[c];
  if (!cpuInLockstep(w, c)) {
    return { ok: false, error: `${w.label(c)} is not running in lockstep` };
  }
  if (lockstepCount(w, s) < 2) {
    return {
      ok: false,
      error: `refused: ${w.label(c)} is the last online CPU element; dumping it would stop ${w.systemName(s)}`,
    };
  }
  leaveLockstep(w, c);
  recordDump(w, c, 'requested');
  setState(w, c, OpState.Dumping, 'dump requested: writing memory to disk', dumpDurationMs(w, s));
  refreshSystem(w, s);
  return { ok: true };
}
