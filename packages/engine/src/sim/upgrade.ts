/**
 * Active Upgrade: Idle → PrepareSplit → Split → PrepareMerge → Merge → Commit → Finish → Idle.
 * The DMR pair is split into two machines: the production side (CPU 0, I/O 10 and their devices)
 * keeps running the workload on the old version; the upgrade side (CPU 1, I/O 11...) installs the
 * new version and may not touch the data disks. Merge hands the application over (a short
 * pause), the upgraded side becomes production and the old side resynchronises to it. Abort is
 * allowed up to Merge and backs out to the old version.
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { TIMING } from '../timing.ts';
import {
  type CommandResult,
  OP_STATE_NAMES,
  OpState,
  SystemStatus,
  type UpgradeAction,
} from '../types.ts';
import { account } from './accounting.ts';
import { msToUs, setState } from './component-state.ts';
import { startRebuild } from './disks.ts';
import { log } from './events.ts';
import { joinLockstepSlot, leaveLockstep } from './lockstep-set.ts';
import { UPGRADE_SIDE } from './management.ts';
import { startResync } from './resync.ts';
import { refreshSystem } from './system-status.ts';
import { schedule, TimerType } from './timers.ts';
import { Kind } from './kinds.ts';
import type { World } from './world.ts';

const ABORTABLE = new Set(['PrepareSplit', 'Split', 'PrepareMerge']);
/** While committing, how often the engine looks whether the old side has resynchronised. */
const COMMIT_POLL_US = 1_000_000;
const fail = (error: string): CommandResult => ({ ok: false, error });

function bump(version: string): string {
  const m = /(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) return `${version} (upgraded)`;
  return `${version.slice(0, m.index)}${m[1]}.${Number(m[2]) + 1}.0`;
}

function step(w: World, s: number, state: string, ms: number): void {
  const u = w.management.systems[s].upgrade;
  u.state = state as typeof u.state;
  u.stepStartUs = w.timeUs;
  u.stepEndUs = w.timeUs + msToUs(ms);
  schedule(w, u.stepEndUs, TimerType.Upgrade, s);
  log(w, s, -1, 'info', `Active Upgrade of ${w.systemName(s)}: ${state}`);
}

/** Why the system cannot start an Active Upgrade, or ''. */
export function upgradeRefusal(w: World, s: number): string {
  const u = w.management.systems[s].upgrade;
  if (u.state !== 'Idle') return `an Active Upgrade is already in progress (${u.state})`;
  if (w.tmr[s]) return `${w.systemName(s)} runs TMR: Active Upgrade splits a DMR pair`;
  if (w.status[s] !== SystemStatus.Duplex) return `${w.systemName(s)} is not fully duplexed`;
  for (const c of w.sysComponents[s]) {
    const kind = w.kind[c];
    if (kind === Kind.Psu) continue;
    if (kind === Kind.Nic && w.state[c] !== OpState.Duplex)
      return `NICs are not teamed: ${w.label(c)} is ${OP_STATE_NAMES[w.state[c]]}`;
    if (w.state[c] !== OpState.Duplex)
      return `not fully duplexed: ${w.label(c)} is ${OP_STATE_NAMES[w.state[c]]}`;
  }
  return '';
}

export function upgradeCommand(
  w: World,
  s: number,
  action: UpgradeAction,
  version?: string,
): CommandResult {
  const u = w.management.systems[s].upgrade;
  switch (action) {
    case 'start': {
      const refusal = upgradeRefusal(w, s);
      if (refusal) return fail(`refused: ${refusal}`);
      if (version !== undefined && (typeof version !== 'string' || version.trim() === ''))
        return fail('version must be a non-empty string');
      u.productionVersion = w.management.systems[s].softwareVersion;
      u.upgradeVersion = version ?? bump(u.productionVersion);
      u.productionSide = 0;
      u.installed = false;
      step(w, s, 'PrepareSplit', TIMING.upgradePrepareMs.value);
      return { ok: true };
    }
    case 'merge':
      if (u.state !== 'Split') return fail(`merge needs the Split state (now ${u.state})`);
      if (!u.installed) return fail('the upgrade side is still installing');
      step(w, s, 'PrepareMerge', TIMING.upgradePrepareMs.value);
      log(
        w,
        s,
        -1,
        'info',
        `Stopping the application on the production side of ${w.systemName(s)}`,
      );
      return { ok: true };
    case 'abort':
      if (!ABORTABLE.has(u.state))
        return fail(`abort is allowed up to Merge only (now ${u.state})`);
      backOut(w, s);
      return { ok: true };
    default:
      return fail(`unknown upgrade action '${String(action)}'; expected start, merge or abort`);
  }
}

function upgradeSideComponents(w: World, s: number): number[] {
  return w.sysComponents[s].filter((c) => w.side[c] === UPGRADE_SIDE && w.kind[c] !== Kind.Psu);
}

function split(w: World, s: number): void {
  const u = w.management.systems[s].upgrade;
  // Something may have failed while preparing: the pair must still be whole to split.
  u.state = 'Idle';
  const refusal = upgradeRefusal(w, s);
  if (refusal) {
    u.upgradeVersion = null;
    log(
      w,
      s,
      -1,
      'warning',
      `Active Upgrade of ${w.systemName(s)} stopped before the split: ${refusal}`,
    );
    return;
  }
  step(w, s, 'Split', TIMING.upgradeInstallMs.value);
  for (const c of upgradeSideComponents(w, s)) {
    const kind = w.kind[c] as Kind;
    if (kind === Kind.Cpu) {
      leaveLockstep(w, c);
      setState(w, c, OpState.Initializing, `upgrade side: installing ${u.upgradeVersion}`);
      w.phaseEndUs[c] = u.stepEndUs;
    } else if (kind === Kind.Disk && w.specs[c].slot !== 1) {
      setState(w, c, OpState.Offline, 'split: the upgrade side may not touch data disks');
    } else {
      setState(
        w,
        c,
        OpState.Simplex,
        kind === Kind.Disk ? 'upgrade side boot disk' : 'upgrade side',
      );
    }
  }
  log(
    w,
    s,
    -1,
    'info',
    `${w.systemName(s)} split: production side runs ${u.productionVersion}; upgrade side installs ${u.upgradeVersion}`,
  );
  refreshSystem(w, s);
}

function mergePause(w: World, s: number): void {
  const from = w.replica(s, 0);
  const to = w.replica(s, UPGRADE_SIDE);
  // The application's state moves to the upgraded side while the OS is stopped.
  w.cpu.copyPages(from, to, 0, w.cpu.pages);
  w.cpu.copyRegisters(from, to);
  const pauseMs = 2 * TIMING.resyncFixedPauseMs.value;
  w.pauseUntilUs[s] = w.timeUs + msToUs(pauseMs);
  account(w, s);
  step(w, s, 'Merge', pauseMs);
}

function commit(w: World, s: number): void {
  const ops = w.management.systems[s];
  const u = ops.upgrade;
  const newCpu = w.sysCpu[s * REPLICAS_PER_SYSTEM + UPGRADE_SIDE];
  const oldCpu = w.sysCpu[s * REPLICAS_PER_SYSTEM];
  w.pauseUntilUs[s] = 0;
  account(w, s);
  joinLockstepSlot(w, s, UPGRADE_SIDE);
  leaveLockstep(w, oldCpu);
  ops.softwareVersion = u.upgradeVersion ?? ops.softwareVersion;
  u.productionSide = UPGRADE_SIDE;
  u.state = 'Commit';
  setState(w, newCpu, OpState.Simplex, `production: running ${ops.softwareVersion}`);
  setState(
    w,
    oldCpu,
    OpState.Offline,
    'leaving production: will resynchronise to the upgraded side',
  );
  for (const c of upgradeSideComponents(w, s)) {
    if (w.kind[c] === Kind.Disk && w.state[c] === OpState.Offline) startRebuild(w, c);
  }
  for (const c of w.sysComponents[s]) {
    if (w.kind[c] === Kind.Disk && w.side[c] !== UPGRADE_SIDE && w.specs[c].slot === 1)
      startRebuild(w, c);
  }
  refreshSystem(w, s);
  startResync(w, s, 0);
  log(
    w,
    s,
    -1,
    'info',
    `${w.systemName(s)}: upgraded side is production (${ops.softwareVersion}); the other side resynchronises to it`,
  );
  schedule(w, w.timeUs + COMMIT_POLL_US, TimerType.Upgrade, s);
}

function backOut(w: World, s: number): void {
  const u = w.management.systems[s].upgrade;
  const wasSplit = u.state !== 'PrepareSplit';
  u.state = 'Idle';
  const discarded = u.upgradeVersion;
  u.upgradeVersion = null;
  u.stepStartUs = 0;
  u.stepEndUs = 0;
  if (!wasSplit) {
    log(w, s, -1, 'info', `Active Upgrade of ${w.systemName(s)} aborted before the split`);
    return;
  }
  for (const c of upgradeSideComponents(w, s)) {
    if (w.kind[c] === Kind.Disk) startRebuild(w, c);
    else if (w.kind[c] !== Kind.Cpu) setState(w, c, OpState.Simplex, 'rejoined after back-out');
  }
  refreshSystem(w, s);
  startResync(w, s, UPGRADE_SIDE);
  log(
    w,
    s,
    -1,
    'warning',
    `Active Upgrade of ${w.systemName(s)} backed out: ${discarded} discarded, the upgrade side resynchronises to ${u.productionVersion}`,
  );
}

export function onUpgradeTimer(w: World, s: number): void {
  const u = w.management.systems[s].upgrade;
  if (w.timeUs < u.stepEndUs && u.state !== 'Commit') return;
  switch (u.state) {
    case 'PrepareSplit':
      split(w, s);
      break;
    case 'Split': {
      if (u.installed) break;
      u.installed = true;
      const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + UPGRADE_SIDE];
      setState(w, c, OpState.Simplex, `upgrade side running ${u.upgradeVersion}`);
      log(
        w,
        s,
        -1,
        'info',
        `Upgrade side of ${w.systemName(s)} runs ${u.upgradeVersion}: ready to merge or back out`,
      );
      break;
    }
    case 'PrepareMerge':
      mergePause(w, s);
      break;
    case 'Merge':
      commit(w, s);
      break;
    case 'Commit': {
      // Disks keep re-mirroring in the background; the commit is done once the CPU pair is whole.
      const settled = w.inLockstep[s * REPLICAS_PER_SYSTEM] === 1;
      if (settled) step(w, s, 'Finish', TIMING.upgradeFinishMs.value);
      else schedule(w, w.timeUs + COMMIT_POLL_US, TimerType.Upgrade, s);
      break;
    }
    case 'Finish':
      u.state = 'Idle';
      u.upgradeVersion = null;
      log(
        w,
        s,
        -1,
        'info',
        `Active Upgrade of ${w.systemName(s)} complete: running ${w.management.systems[s].softwareVersion}`,
      );
      break;
    default:
      break;
  }
}

export function upgradeProgress(w: World, s: number): number {
  const u = w.management.systems[s].upgrade;
  if (u.state === 'Idle' || u.stepEndUs <= u.stepStartUs) return -1;
  if (u.state === 'Split' && u.installed) return 1;
  return Math.min(1, Math.max(0, (w.timeUs - u.stepStartUs) / (u.stepEndUs - u.stepStartUs)));
}
