/**
 * What a person does to the machine: pull and insert CRUs (the same part or a new replacement),
 * bring devices down and up, clear the MTBF, set restart policies, plug a cable back in, set
 * the disk rebuild priority. Each command is checked first and refused with a reason.
 */
import { type CommandResult, type DiskPriority, OpState, type RestartPolicy } from '../types.ts';
import { DISK_PRIORITIES, startRebuild } from './disks.ts';
import { log } from './events.ts';
import {
  goOnline,
  leaveLockstep,
  makeBroken,
  startDiagnostics,
  childrenDown,
  powerChanged,
} from './lifecycle.ts';
import { clearMtbf, POLICY_NAMES } from './mtbf.ts';
import { pullWarning } from './safety.ts';
import { partReplaced } from './service.ts';
import {
  abortResync,
  isOnline,
  lockstepCount,
  poweredOff,
  refreshSystem,
  setState,
} from './states.ts';
import { cancel, TimerType } from './timers.ts';
import { Defect, DISK_BLOCKS, Kind, type World } from './world.ts';

const fail = (error: string): CommandResult => ({ ok: false, error });
const OK: CommandResult = { ok: true };
const BROUGHT_DOWN = 'brought down by operator';

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
  return OK;
}

function markPulled(w: World, c: number): void {
  w.pulled[c] = 1;
  setState(w, c, OpState.Removed, 'removed from the chassis');
  for (const ch of w.children[c]) markPulled(w, ch);
}

export function insert(w: World, c: number, replacement: boolean): CommandResult {
  if (!w.pulled[c]) return fail(`${w.label(c)} is in the chassis: pull it before inserting it`);
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
  } else if (kind === Kind.Disk) {
    const parent = w.parent[c];
    if (parent >= 0 && !isOnline(w, parent))
      setState(w, c, OpState.Offline, `waiting for ${w.label(parent)}`);
    else if (w.defect[c] !== Defect.None) makeBroken(w, c, 'disk failure', false);
    else startRebuild(w, c);
  } else if (poweredOff(w, c)) {
    setState(w, c, OpState.Offline, 'no power');
  } else {
    startDiagnostics(w, c, 'inserted: running diagnostics');
  }
  refreshSystem(w, s);
  return OK;
}

/** A new part from the spares depot: no defect, no fault history, blank disk. */
function renew(w: World, c: number): void {
  w.defect[c] = Defect.None;
  w.serial[c] += 1000;
  clearMtbf(w, c);
  cancel(w, TimerType.Repair, c);
  if (w.kind[c] === Kind.Cpu) {
    const r = w.replica(w.sys[c], w.cpuSlot[c]);
    w.cpu.stuckMask[r] = 0;
    w.tainted[r] = 0;
  }
  if (w.kind[c] === Kind.Nic) w.linkDown[c] = 0;
  if (w.diskSlot[c] >= 0)
    w.diskBlocks.fill(0, w.diskSlot[c] * DISK_BLOCKS, (w.diskSlot[c] + 1) * DISK_BLOCKS);
}

export function bringDown(w: World, c: number): CommandResult {
  const kind = w.kind[c] as Kind;
  if (kind === Kind.Psu || kind === Kind.Nic)
    return fail(`${w.label(c)} cannot be brought down from the console`);
  if (!isOnline(w, c)) return fail(`${w.label(c)} is not online`);
  const s = w.sys[c];
  const last = kind === Kind.Cpu ? lockstepCount(w, s) === 1 : !isOnline(w, w.partner[c]);
  if (last && kind !== Kind.Pci && kind !== Kind.Xio) {
    return fail(
      `refused: ${w.label(c)} is the last online one of its kind; bringing it down would stop ${w.systemName(s)}`,
    );
  }
  leaveLockstep(w, c);
  setState(w, c, OpState.Offline, BROUGHT_DOWN);
  if (kind === Kind.Io || kind === Kind.Xio) childrenDown(w, c, `${w.label(c)} brought down`);
  refreshSystem(w, s);
  return OK;
}

export function bringUp(w: World, c: number): CommandResult {
  if (w.state[c] !== OpState.Offline || w.reason[c] !== BROUGHT_DOWN) {
    return fail(`${w.label(c)} was not brought down by an operator`);
  }
  if (w.kind[c] === Kind.Disk) startRebuild(w, c);
  else startDiagnostics(w, c, 'brought up by operator');
  refreshSystem(w, w.sys[c]);
  return OK;
}

export function clearMtbfCommand(w: World, c: number): CommandResult {
  clearMtbf(w, c);
  log(w, w.sys[c], c, 'info', `MTBF of ${w.label(c)} cleared by operator`);
  if (w.state[c] === OpState.Broken && !w.pulled[c]) {
    if (w.kind[c] === Kind.Disk) startRebuild(w, c);
    else startDiagnostics(w, c, 'MTBF cleared: restarting');
  }
  return OK;
}

export function setPolicy(w: World, c: number, policy: RestartPolicy): CommandResult {
  const code = POLICY_NAMES.indexOf(policy);
  if (code < 0) return fail(`policy must be one of ${POLICY_NAMES.join(', ')}`);
  w.policy[c] = code;
  return OK;
}

export function restoreLink(w: World, c: number): CommandResult {
  if (w.kind[c] !== Kind.Nic) return fail(`${w.label(c)} is not a network port`);
  if (!w.linkDown[c]) return fail(`${w.label(c)} has its link`);
  w.linkDown[c] = 0;
  const parent = w.parent[c];
  if (w.state[c] === OpState.Offline && (parent < 0 || isOnline(w, parent))) {
    setState(w, c, OpState.Simplex, 'link restored');
  }
  refreshSystem(w, w.sys[c]);
  return OK;
}

export function setDiskPriority(w: World, c: number, priority: DiskPriority): CommandResult {
  if (w.kind[c] !== Kind.Disk) return fail(`${w.label(c)} is not a disk`);
  const code = DISK_PRIORITIES.indexOf(priority);
  if (code < 0) return fail(`priority must be one of ${DISK_PRIORITIES.join(', ')}`);
  w.diskPriority[c] = code;
  return OK;
}

export { BROUGHT_DOWN };
