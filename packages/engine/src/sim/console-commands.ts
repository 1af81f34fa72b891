/**
 * What an operator does from the ftSMC console: bring devices down and up, clear the MTBF, set
 * restart policies and the disk rebuild priority. Each command is checked first and refused with
 * a reason.
 */
import { type CommandResult, type DiskPriority, OpState, type RestartPolicy } from '../types.ts';
import { isOnline, lockstepCount, setState } from './component-state.ts';
import { DISK_PRIORITIES, rebuildPriorityChanged, startRebuild } from './disks.ts';
import { shown } from '../text.ts';
import { log } from './events.ts';
import { leaveLockstep } from './lockstep-set.ts';
import { clearMtbf, POLICY_NAMES } from './mtbf.ts';
import { childrenDown, startDiagnostics } from './recovery.ts';
import { BROUGHT_DOWN, refreshSystem } from './system-status.ts';
import { Kind } from './kinds.ts';
import type { World } from './world.ts';

const fail = (error: string): CommandResult => ({ ok: false, error });

export function bringDown(w: World, c: number): CommandResult {
  const kind = w.kind[c] as Kind;
  if (kind === Kind.Psu || kind === Kind.Nic) {
    return fail(`${w.label(c)} cannot be brought down from the console`);
  }
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
  return { ok: true };
}

export function bringUp(w: World, c: number): CommandResult {
  if (w.state[c] !== OpState.Offline || w.reason[c] !== BROUGHT_DOWN) {
    return fail(`${w.label(c)} was not brought down by an operator`);
  }
  if (w.kind[c] === Kind.Disk) startRebuild(w, c);
  else startDiagnostics(w, c, 'brought up by operator');
  refreshSystem(w, w.sys[c]);
  return { ok: true };
}

export function clearMtbfCommand(w: World, c: number): CommandResult {
  clearMtbf(w, c);
  log(w, w.sys[c], c, 'info', `MTBF of ${w.label(c)} cleared by operator`);
  if (w.state[c] === OpState.Broken && !w.pulled[c]) {
    if (w.kind[c] === Kind.Disk) startRebuild(w, c);
    else startDiagnostics(w, c, 'MTBF cleared: restarting');
  }
  return { ok: true };
}

export function setPolicy(w: World, c: number, policy: RestartPolicy): CommandResult {
  const code = POLICY_NAMES.indexOf(policy);
  if (code < 0)
    return fail(`policy must be one of ${POLICY_NAMES.join(', ')}, got ${shown(policy)}`);
  w.policy[c] = code;
  return { ok: true };
}

export function setDiskPriority(w: World, c: number, priority: DiskPriority): CommandResult {
  if (w.kind[c] !== Kind.Disk) return fail(`${w.label(c)} is not a disk`);
  const code = DISK_PRIORITIES.indexOf(priority);
  if (code < 0) {
    return fail(`priority must be one of ${DISK_PRIORITIES.join(', ')}, got ${shown(priority)}`);
  }
  w.diskPriority[c] = code;
  rebuildPriorityChanged(w, c);
  return { ok: true };
}
