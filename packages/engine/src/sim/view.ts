/**
 * What the outside sees of the world: LED words, health, flags and progress per component
 * (written into a snapshot), and ComponentInfo records for panels and the JS API.
 */
import { ComponentFlag, COUNTERS_PER_SYSTEM, type SnapshotViews } from '../snapshot.ts';
import {
  type CommandType,
  type ComponentInfo,
  Health,
  LedDrive,
  OP_STATE_NAMES,
  OpState,
} from '../types.ts';
import { writeSnapshotCounters } from './accounting.ts';
import { cpuInLockstep, isOnline } from './component-state.ts';
import { rebuildProgress } from './disks.ts';
import { FAULTS_BY_KIND } from './faults.ts';
import { mtbfS, POLICY_NAMES } from './mtbf.ts';
import { resyncProgress } from './resync.ts';
import { pullWarning } from './safety.ts';
import { BROUGHT_DOWN } from './system-status.ts';
import { Kind, KIND_NAMES, LED_ROLES } from './kinds.ts';
import type { World } from './world.ts';

const ROLES = LED_ROLES.length;
const [POWER, FAULT, SAFE, ACTIVITY, PRIMARY] = [0, 1, 2, 3, 4];

export function healthOf(w: World, c: number): Health {
  const st = w.state[c] as OpState;
  if (st === OpState.Broken) return Health.Critical;
  if (st === OpState.Removed || st === OpState.Empty || st === OpState.Unknown)
    return Health.Unknown;
  if (st === OpState.Duplex || st === OpState.Triplex || st === OpState.DeviceReady)
    return Health.Ok;
  return Health.Warning;
}

function online(w: World, c: number): boolean {
  return w.kind[c] === Kind.Cpu ? cpuInLockstep(w, c) : isOnline(w, c);
}

export function progressOf(w: World, c: number): number {
  const st = w.state[c] as OpState;
  if (
    w.kind[c] === Kind.Cpu &&
    st === OpState.Initializing &&
    w.rsTarget[w.sys[c]] === w.cpuSlot[c]
  ) {
    return resyncProgress(w, w.sys[c]);
  }
  if (w.kind[c] === Kind.Disk && st === OpState.Initializing) return rebuildProgress(w, c);
  const end = w.phaseEndUs[c];
  if (
    end > 0 &&
    (st === OpState.Diagnostics || st === OpState.Initializing || st === OpState.Dumping)
  ) {
    const start = w.phaseStartUs[c];
    return Math.min(1, Math.max(0, (w.timeUs - start) / (end - start)));
  }
  return -1;
}

function drive(w: World, c: number, on: boolean, present: boolean, safe: boolean): number {
  const leds = w.scratch.leds;
  const st = w.state[c] as OpState;
  const kind = w.kind[c] as Kind;
  const powered = present && !(st === OpState.Offline && w.reason[c].startsWith('no power'));
  leds.fill(LedDrive.Off);
  leds[POWER] =
    kind === Kind.Psu ? (on ? LedDrive.On : LedDrive.Off) : powered ? LedDrive.On : LedDrive.Off;
  if (st === OpState.Broken) leds[FAULT] = LedDrive.On;
  else if (st === OpState.Shot) leds[FAULT] = LedDrive.BlinkFast;
  else if (st === OpState.Diagnostics) leds[FAULT] = LedDrive.BlinkSlow;
  leds[SAFE] = present && safe ? LedDrive.On : LedDrive.Off;
  if (st === OpState.Initializing)
    leds[ACTIVITY] = kind === Kind.Disk ? LedDrive.BlinkFast : LedDrive.BlinkSlow;
  else if (st === OpState.Dumping) leds[ACTIVITY] = LedDrive.BlinkFast;
  else if (on) leds[ACTIVITY] = LedDrive.On;
  leds[PRIMARY] = w.primary[c] && on ? LedDrive.On : LedDrive.Off;
  let word = 0;
  for (let r = 0; r < ROLES; r++) {
    const index = w.ledIndex[c * ROLES + r];
    if (index >= 0) word |= leds[r] << (index * 2);
  }
  return word >>> 0;
}

/** Writes the whole snapshot (sequence odd while writing, even when consistent). */
export function writeSnapshot(w: World, v: SnapshotViews, speed: number, wallMs: number): void {
  Atomics.add(v.control, 0, 1);
  v.clock[0] = w.timeMs;
  v.clock[1] = speed;
  v.clock[2] = w.replicaInstructions;
  v.clock[3] = wallMs;
  for (let c = 0; c < w.n; c++) {
    const present = !w.pulled[c] && w.state[c] !== OpState.Removed && w.state[c] !== OpState.Empty;
    const on = online(w, c);
    const safe = pullWarning(w, c) === '';
    v.state[c] = w.state[c];
    v.health[c] = healthOf(w, c);
    let flags = 0;
    if (present && safe) flags |= ComponentFlag.SafeToPull;
    if (w.primary[c] && on) flags |= ComponentFlag.Primary;
    if (w.pulled[c]) flags |= ComponentFlag.Pulled;
    if (on) flags |= ComponentFlag.Online;
    v.flags[c] = flags;
    v.leds[c] = drive(w, c, on, present, safe);
    v.progress[c] = progressOf(w, c);
    v.faultCount[c] = w.faultCount[c];
  }
  v.sysStatus.set(w.status);
  for (let s = 0; s < w.m; s++) writeSnapshotCounters(w, s, v.counters, s * COUNTERS_PER_SYSTEM);
  v.laneValue.set(w.laneValue);
  v.laneFlag.set(w.laneFlag);
  v.laneHead.set(w.laneHead);
  Atomics.add(v.control, 0, 1);
}

function actionsOf(w: World, c: number): CommandType[] {
  const out: CommandType[] = ['inject', 'clearMtbf', 'setRestartPolicy'];
  const kind = w.kind[c] as Kind;
  if (w.specs[c].hotSwappable.value) out.push(w.pulled[c] ? 'insert' : 'pull');
  if (kind !== Kind.Psu && kind !== Kind.Nic && online(w, c)) out.push('bringDown');
  if (w.state[c] === OpState.Offline && w.reason[c] === BROUGHT_DOWN) out.push('bringUp');
  if (kind === Kind.Nic && w.linkDown[c]) out.push('restoreLink');
  if (kind === Kind.Disk) out.push('setDiskPriority');
  const st = w.state[c] as OpState;
  const idle = st === OpState.Offline || st === OpState.Broken || st === OpState.Stopped;
  if (kind !== Kind.Psu && kind !== Kind.Nic && (online(w, c) || idle) && !w.pulled[c])
    out.push('runDiagnostics');
  if (
    (kind === Kind.Cpu || kind === Kind.Io || kind === Kind.Xio || kind === Kind.Pci) &&
    online(w, c)
  ) {
    out.push('updateFirmware');
  }
  if (kind === Kind.Cpu && online(w, c)) out.push('takeDump');
  return out;
}

export function componentInfo(w: World, c: number): ComponentInfo {
  const spec = w.specs[c];
  const warning = w.pulled[c] ? '' : pullWarning(w, c);
  return {
    id: spec.id,
    kind: KIND_NAMES[w.kind[c]],
    systemId: spec.systemId,
    label: spec.label,
    path: spec.path,
    state: w.state[c] as OpState,
    stateName: OP_STATE_NAMES[w.state[c]],
    health: healthOf(w, c),
    reason: w.reason[c],
    safeToPull: warning === '',
    pullWarning: warning,
    progress: progressOf(w, c),
    faultCount: w.faultCount[c],
    mtbfS: mtbfS(w, c),
    restartPolicy: POLICY_NAMES[w.policy[c]],
    faults: [...FAULTS_BY_KIND[w.kind[c] as Kind]],
    actions: actionsOf(w, c),
  };
}
