/**
 * Pulling a CRU out of the chassis and pushing it back in: the same part, or a new one from the
 * spares depot (no defect, no fault history, a blank disk), which replaces an open service call.
 */
import { type CommandResult, OpState } from '../types.ts';
import { isOnline, setState } from './component-state.ts';
import { startRebuild } from './disks.ts';
import { log } from './events.ts';
import { leaveLockstep } from './lockstep-set.ts';
import { clearMtbf } from './mtbf.ts';
import { goOnline, makeBroken, powerChanged, startDiagnostics } from './recovery.ts';
import { abortResync } from './resync.ts';
import { pullWarning } from './safety.ts';
import { partReplaced } from './service.ts';
import { poweredOff, refreshSystem } from './system-status.ts';
import { cancel, TimerType } from './timers.ts';
import { clearEvidence } from './voter.ts';
import { Defect, DISK_BLOCKS, Kind } from './kinds.ts';
import type { World } from './world.ts';

const fail = (error: string): CommandResult => ({ ok: false, error });

export function pull(w: World, c: number): CommandResult {
  if (!w.specs[c].hotSwappable.value) return fail(pullWarning(w, c));
  if (w.pulled[c]) return fail(`${w.label(c)} is already out of the chassis`);
  const s = w.sys[c];
  const warning = pullWarning(w, c);
  if (w.kind[c] === Kind.Cpu) {
    if (w.rsTarget[s] === w.cpuSlot[c]) abortResync(w, s);
    if (w.dumpSlot[s] === w.cpuSlot[c]) {
      w.dumpSlot[s] = -1;
      log(w, s, c, 'error', `Crash dump lost: ${w.label(c)} was pulled while holding it`);
    }
  }
  leaveLockstep(w, c);
  markPulled(w, c);
  if (w.kind[c] === Kind.Psu) powerChanged(w, c);
  if (warning) log(w, s, c, 'critical', `Pulled although not safe: ${warning}`);
  refreshSystem(w, s);
  return { ok: true };
}

function markPulled(w: World, c: number): void {
  w.pulled[c] = 1;
  setState(w, c, OpState.Removed, 'removed from the chassis');
  for (const ch of w.children[c]) markPulled(w, ch);
}

export function insert(w: World, c: number, replacement: boolean): CommandResult {
  if (!w.pulled[c]) return fail(`${w.label(c)} is in the chassis: pull it before inserting it`);
  if (w.parent[c] >= 0 && w.pulled[w.parent[c]]) {
    return fail(`${w.label(c)} sits in ${w.label(w.parent[c])}, which is out of the chassis`);
  }
  const s = w.sys[c];
  if (replacement) {
    renew(w, c);
    partReplaced(w, c);
  }
  w.pulled[c] = 0;
  for (const ch of w.children[c]) {
    w.pulled[ch] = 0;
    if (replacement) renew(w, ch);
    setState(w, ch, OpState.Offline, `waiting for ${w.label(c)}`);
  }
  log(
    w,
    s,
    c,
    'info',
    replacement
      ? `New ${w.label(c)} inserted (serial ${w.serial[c]})`
      : `${w.label(c)} inserted again`,
  );
  const kind = w.kind[c] as Kind;
  if (kind === Kind.Psu) {
    if (w.defect[c] !== Defect.None) makeBroken(w, c, 'power supply failure', false);
    else goOnline(w, c, 'power good');
  } else if (kind === Kind.Disk || kind === Kind.Pci || kind === Kind.Nic) {
    const parent = w.parent[c];
    if (parent >= 0 && !isOnline(w, parent)) {
      setState(w, c, OpState.Offline, `waiting for ${w.label(parent)}`);
    } else if (w.defect[c] !== Defect.None) makeBroken(w, c, `${w.label(c)} failed`, false);
    else if (kind === Kind.Disk) startRebuild(w, c);
    else startDiagnostics(w, c, 'inserted: running diagnostics');
  } else if (poweredOff(w, c)) {
    setState(w, c, OpState.Offline, 'no power');
  } else {
    startDiagnostics(w, c, 'inserted: running diagnostics');
  }
  refreshSystem(w, s);
  return { ok: true };
}

/** A new part from the spares depot: no defect, no fault history, blank disk. */
function renew(w: World, c: number): void {
  w.defect[c] = Defect.None;
  w.serial[c] += 1000;
  clearMtbf(w, c);
  clearEvidence(w, c);
  cancel(w, TimerType.Repair, c);
  if (w.kind[c] === Kind.Cpu) {
    const r = w.replica(w.sys[c], w.cpuSlot[c]);
    w.cpu.stuckMask[r] = 0;
    w.flagged[r] = 0;
  }
  if (w.kind[c] === Kind.Nic) {
    w.linkDown[c] = 0;
    cancel(w, TimerType.LinkRepair, c);
  }
  if (w.diskSlot[c] >= 0) {
    w.diskBlocks.fill(0, w.diskSlot[c] * DISK_BLOCKS, (w.diskSlot[c] + 1) * DISK_BLOCKS);
  }
}
