/**
 * What the outside sees of an alternative rack, in the ftServer engine's vocabulary so that the
 * same twin component draws it: MIB states, health, LED words, flags and progress per component
 * (written into the engine's snapshot layout), status per system, ComponentInfo and counters.
 *
 * States: a conventional server's running parts are `simplex` (there is no second unit; for
 * them that is normal, so their health is OK); mirrored disks are `duplex`, or `simplex` with
 * their partner lost; stopped parts are `offline`, booting ones `initializing`.
 */
import { type LedRole, ledIndex } from '@ft/hardware';
import { ComponentFlag, COUNTERS_PER_SYSTEM, Counter, type SnapshotViews } from '../../snapshot.ts';
import { Health, LedDrive, OpState, SystemStatus } from '../../types.ts';
import { arrayPowered, hostPowered, partOk, volumeOk } from './conditions.ts';
import { pullRefusal } from './interventions.ts';
import { currentCounts } from './settle.ts';
import { diskProgress } from './storage.ts';
import { type AltState, NodePhase, ServicePhase } from './state.ts';

export interface Derived {
  state: OpState;
  reason: string;
}

function nodeStateOf(w: AltState, c: number, s: number): Derived {
  const node = w.nodes[s];
  if (w.kind[c] === 'psu' && node.phase !== NodePhase.Off)
    return { state: OpState.DeviceReady, reason: 'powering the server' };
  switch (node.phase) {
    case NodePhase.Off:
      return { state: OpState.Offline, reason: 'powered off' };
    case NodePhase.Repair:
      return { state: OpState.Offline, reason: 'server opened for repair' };
    case NodePhase.Down:
      return { state: OpState.Offline, reason: `server down: ${node.reason}` };
    case NodePhase.Booting:
      return { state: OpState.Initializing, reason: 'booting' };
    default:
      break;
  }
  if (w.kind[c] === 'nic' && w.linkDown[c]) return { state: OpState.Offline, reason: 'link lost' };
  const i = w.serviceOf[s];
  const svc = i >= 0 ? w.services[i] : null;
  const role =
    svc?.kind === 'cluster' ? (svc.on === s ? 'active node' : 'standby node') : 'running';
  return { state: OpState.Simplex, reason: `${role}; no redundant unit` };
}

function diskStateOf(w: AltState, d: number): Derived {
  const vol = w.volumes[w.volumeOf[d]];
  if (w.rebuildEndMs[d] > 0)
    return { state: OpState.Initializing, reason: 'rebuilding from mirror' };
  if (vol.restoring) return { state: OpState.Initializing, reason: 'restoring from backup' };
  if (!hostPowered(w, vol.host)) return { state: OpState.Offline, reason: 'host not running' };
  if (!w.valid[d]) return { state: OpState.Offline, reason: 'no current data' };
  const p = w.partner[d];
  if (p < 0) return { state: OpState.Simplex, reason: 'not mirrored' };
  const mirrored = partOk(w, p) && w.valid[p] === 1;
  return mirrored
    ? { state: OpState.Duplex, reason: 'mirrored' }
    : { state: OpState.Simplex, reason: 'mirror partner lost' };
}

/** The MIB state of component `c` and why. */
export function deriveState(w: AltState, c: number): Derived {
  if (w.pulled[c]) return { state: OpState.Removed, reason: 'removed' };
  if (w.broken[c]) return { state: OpState.Broken, reason: w.reason[c] || 'broken' };
  const s = w.sys[c];
  if (w.kind[c] === 'disk') return diskStateOf(w, c);
  if (w.isServer[s]) return nodeStateOf(w, c, s);
  if (w.arrayOff[s]) return { state: OpState.Offline, reason: 'powered off' };
  if (w.kind[c] === 'psu') return { state: OpState.DeviceReady, reason: 'powering the array' };
  const p = w.partner[c];
  const paired = p >= 0 && partOk(w, p);
  return paired
    ? { state: OpState.Duplex, reason: 'both controllers working' }
    : { state: OpState.Simplex, reason: 'partner controller lost' };
}

/** Health: a lone running part of a conventional server is its normal state, so OK. */
export function healthOf(w: AltState, c: number, state: OpState): Health {
  if (state === OpState.Broken) return Health.Critical;
  if (state === OpState.Removed || state === OpState.Empty) return Health.Unknown;
  if (state === OpState.Duplex || state === OpState.DeviceReady) return Health.Ok;
  if (state === OpState.Simplex) {
    const lonePart = w.isServer[w.sys[c]] && w.kind[c] !== 'disk';
    return lonePart || w.partner[c] < 0 ? Health.Ok : Health.Warning;
  }
  return Health.Warning;
}

/** System status: servers up/booting/down; an array duplex, simplex (degraded) or down. */
export function systemStatusOf(w: AltState, s: number): SystemStatus {
  if (w.isServer[s]) {
    const phase = w.nodes[s].phase;
    if (phase === NodePhase.Up) return SystemStatus.Simplex;
    return phase === NodePhase.Booting ? SystemStatus.Booting : SystemStatus.Down;
  }
  if (!arrayPowered(w, s)) return SystemStatus.Down;
  let whole = true;
  for (let v = 0; v < w.volumes.length; v++) {
    if (w.volumes[v].host !== s) continue;
    if (!volumeOk(w, v)) return SystemStatus.Down;
    if (w.volumes[v].disks.some((d) => !partOk(w, d) || !w.valid[d])) whole = false;
  }
  for (const c of w.partsOf(s, 'io')) if (!partOk(w, c)) whole = false;
  return whole ? SystemStatus.Duplex : SystemStatus.Simplex;
}

/** The I/O element whose PRIMARY LED is lit: the active node's, or an array's first controller. */
export function isPrimary(w: AltState, c: number): boolean {
  if (w.kind[c] !== 'io' || !partOk(w, c)) return false;
  const s = w.sys[c];
  if (!w.isServer[s]) return w.partsOf(s, 'io').find((x) => partOk(w, x)) === c;
  const i = w.serviceOf[s];
  const svc = i >= 0 ? w.services[i] : null;
  return svc?.kind === 'cluster' && svc.on === s && svc.phase === ServicePhase.Up;
}

export function progressOf(w: AltState, c: number): number {
  if (w.kind[c] === 'disk') return diskProgress(w, c);
  const s = w.sys[c];
  if (!w.isServer[s] || w.kind[c] !== 'cpu') return -1;
  const node = w.nodes[s];
  if (node.phase !== NodePhase.Booting && node.phase !== NodePhase.Repair) return -1;
  const span = node.phaseEndMs - node.phaseStartMs;
  return span > 0 ? Math.min(1, Math.max(0, (w.timeMs - node.phaseStartMs) / span)) : -1;
}

function powered(w: AltState, c: number): boolean {
  const s = w.sys[c];
  if (w.pulled[c]) return false;
  if (!w.isServer[s]) return !w.arrayOff[s];
  const phase = w.nodes[s].phase;
  return phase !== NodePhase.Off && w.partsOf(s, 'psu').some((p) => partOk(w, p));
}

function ledWord(w: AltState, c: number, state: OpState, safe: boolean): number {
  const kind = w.kind[c];
  const on = state === OpState.Simplex || state === OpState.Duplex || state === OpState.DeviceReady;
  const drives: [LedRole, LedDrive][] = [
    ['power', powered(w, c) && !w.broken[c] ? LedDrive.On : LedDrive.Off],
    ['fault', state === OpState.Broken ? LedDrive.On : LedDrive.Off],
    ['safeToPull', !w.pulled[c] && safe ? LedDrive.On : LedDrive.Off],
    [
      'activity',
      state === OpState.Initializing
        ? kind === 'disk'
          ? LedDrive.BlinkFast
          : LedDrive.BlinkSlow
        : on
          ? LedDrive.On
          : LedDrive.Off,
    ],
    ['primary', isPrimary(w, c) ? LedDrive.On : LedDrive.Off],
  ];
  let word = 0;
  for (const [role, drive] of drives) {
    const index = ledIndex(kind, role);
    if (index >= 0) word |= drive << (index * 2);
  }
  return word >>> 0;
}

/** Whether pulling `c` now harms nothing (the blue LED). */
export function safeToPull(w: AltState, c: number): boolean {
  if (w.pulled[c] || pullRefusal(w, c) !== '') return false;
  if (w.broken[c]) return true;
  const s = w.sys[c];
  if (w.kind[c] === 'disk') {
    const vol = w.volumes[w.volumeOf[c]];
    return !w.valid[c] || vol.disks.some((d) => d !== c && partOk(w, d) && w.valid[d] === 1);
  }
  if (!w.isServer[s]) {
    const p = w.partner[c];
    return p >= 0 && partOk(w, p);
  }
  return w.nodes[s].phase !== NodePhase.Up && w.nodes[s].phase !== NodePhase.Booting;
}

/** Why pulling `c` now is not safe ('' when it is). */
export function pullWarning(w: AltState, c: number): string {
  if (w.pulled[c] || safeToPull(w, c)) return '';
  const refusal = pullRefusal(w, c);
  if (refusal) return refusal;
  const s = w.sys[c];
  if (w.kind[c] === 'disk') return `${w.label(c)} holds the last current copy of its volume`;
  if (!w.isServer[s]) return `its partner in ${w.systemName(s)} is not working`;
  return `pulling it stops ${w.systemName(s)}`;
}

/** Writes the whole snapshot (sequence odd while writing), in the engine's layout. */
export function writeAltSnapshot(
  w: AltState,
  v: SnapshotViews,
  speed: number,
  wallMs: number,
): void {
  Atomics.add(v.control, 0, 1);
  v.clock[0] = w.timeMs;
  v.clock[1] = speed;
  v.clock[2] = 0; // no instruction is executed: the alternatives are event-driven
  v.clock[3] = wallMs;
  for (let c = 0; c < w.n; c++) {
    const { state } = deriveState(w, c);
    const safe = safeToPull(w, c);
    v.state[c] = state;
    v.health[c] = healthOf(w, c, state);
    let flags = 0;
    if (safe) flags |= ComponentFlag.SafeToPull;
    if (isPrimary(w, c)) flags |= ComponentFlag.Primary;
    if (w.pulled[c]) flags |= ComponentFlag.Pulled;
    if (state === OpState.Simplex || state === OpState.Duplex) flags |= ComponentFlag.Online;
    v.flags[c] = flags;
    v.leds[c] = ledWord(w, c, state, safe);
    v.progress[c] = progressOf(w, c);
    v.faultCount[c] = w.faultCount[c];
  }
  for (let s = 0; s < w.m; s++) v.sysStatus[s] = systemStatusOf(w, s);
  writeCounters(w, v.counters);
  v.laneValue.fill(0);
  v.laneFlag.fill(0);
  v.laneHead.fill(0);
  Atomics.add(v.control, 0, 1);
}

function writeCounters(w: AltState, out: Float64Array): void {
  out.fill(0);
  const rows = systemRows(w);
  rows.forEach((row, s) => {
    const k = s * COUNTERS_PER_SYSTEM;
    out[k + Counter.UptimeMs] = row.uptimeMs;
    out[k + Counter.DowntimeMs] = row.downtimeMs;
    out[k + Counter.TxCommitted] = row.transactionsCommitted;
    out[k + Counter.TxLost] = row.transactionsLost;
    out[k + Counter.Sdc] = row.silentDataCorruptions;
    out[k + Counter.ServiceCalls] = w.calls.filter((c) => c.systemId === w.systemId(s)).length;
  });
}

/** Per-system rows as they stand (settled counters plus the open interval). */
export function systemRows(w: AltState): AltState['tally'] {
  return currentCounts(w).tally;
}
