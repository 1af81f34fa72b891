/**
 * Records for panels and the JS API, in the ftServer engine's types: ComponentInfo per part,
 * SystemCounters and SystemInfo per system, Redfish-style JSON. Reading never changes state.
 */
import { toRedfish } from '../../redfish.ts';
import {
  type CommandType,
  type ComponentInfo,
  OP_STATE_NAMES,
  SYSTEM_STATUS_NAMES,
  type SystemCounters,
  type SystemInfo,
} from '../../types.ts';
import { pullRefusal } from './interventions.ts';
import { faultsOf } from './faults.ts';
import { currentCounts } from './settle.ts';
import { type AltState, NodePhase, ServicePhase } from './state.ts';
import {
  deriveState,
  healthOf,
  progressOf,
  pullWarning,
  safeToPull,
  systemStatusOf,
} from './view.ts';

function actionsOf(w: AltState, c: number): CommandType[] {
  const out: CommandType[] = [];
  if (faultsOf(w, c).length > 0) out.push('inject');
  if (w.pulled[c]) out.push('insert');
  else if (pullRefusal(w, c) === '') out.push('pull');
  if (w.kind[c] === 'nic' && w.linkDown[c]) out.push('restoreLink');
  if (w.kind[c] === 'disk') out.push('setDiskPriority');
  return out;
}

export function componentInfo(w: AltState, c: number): ComponentInfo {
  const spec = w.specs[c];
  const { state, reason } = deriveState(w, c);
  const safe = safeToPull(w, c);
  return {
    id: spec.id,
    kind: spec.kind,
    systemId: spec.systemId,
    label: spec.label,
    path: spec.path,
    state,
    stateName: OP_STATE_NAMES[state],
    health: healthOf(w, c, state),
    reason,
    safeToPull: safe,
    pullWarning: pullWarning(w, c),
    progress: progressOf(w, c),
    faultCount: w.faultCount[c],
    mtbfS: null,
    // Per-device restart policies are an ftSMC feature; nothing restarts a single part here.
    restartPolicy: 'never',
    faults: faultsOf(w, c),
    actions: actionsOf(w, c),
  };
}

export function systemCounters(w: AltState): SystemCounters[] {
  const { tally } = currentCounts(w);
  return tally.map((row, s) => ({
    systemId: w.systemId(s),
    status: systemStatusOf(w, s),
    uptimeMs: row.uptimeMs,
    downtimeMs: row.downtimeMs,
    availability:
      row.uptimeMs + row.downtimeMs > 0 ? row.uptimeMs / (row.uptimeMs + row.downtimeMs) : 1,
    transactionsCommitted: row.transactionsCommitted,
    // Modelled, not executed: an alternative runs no instructions through a voter.
    transactionsExecuted: 0,
    transactionsLost: row.transactionsLost,
    silentDataCorruptions: row.silentDataCorruptions,
    outputsSuppressed: 0,
    // No lockstep resync pauses and no NIC-team model in these architectures.
    pausedMs: 0,
    unreachableMs: 0,
    serviceCalls: w.calls.filter((call) => call.systemId === w.systemId(s)).length,
    // No voter: nothing is compared and no software rule picks.
    softwareRulePicks: 0,
    compares: 0,
  }));
}

const HOUR_MS = 3_600_000;

/** Modelled load (the same kind of daily curve as the ftServer's SAM figures), in percent. */
function load(w: AltState, s: number, serving: boolean): { cpu: number; memory: number } {
  const t = w.timeMs + s * 2.7 * HOUR_MS;
  const daily = Math.sin((2 * Math.PI * t) / (24 * HOUR_MS));
  const round = (x: number) => Math.round(Math.min(100, Math.max(0, x)) * 10) / 10;
  if (!serving) return { cpu: round(3 + daily), memory: round(22 + 2 * daily) };
  return { cpu: round(48 + 22 * daily), memory: round(58 + 8 * daily) };
}

export function systemInfo(w: AltState): SystemInfo[] {
  return w.rack.systems.map((sys, s) => {
    const i = w.serviceOf[s];
    const svc = i >= 0 ? w.services[i] : null;
    const up = svc !== null && svc.on === s && svc.phase === ServicePhase.Up;
    const running = w.isServer[s] && w.nodes[s].phase === NodePhase.Up;
    const software = w.isServer[s]
      ? svc?.kind === 'cluster'
        ? 'Windows Server 2003 Enterprise Edition (cluster service)'
        : 'Windows Server 2003'
      : 'disk array firmware';
    const status = systemStatusOf(w, s);
    const metrics = load(w, s, up);
    return {
      systemId: sys.config.id,
      name: sys.config.name,
      model: sys.config.model,
      mode: sys.config.mode,
      status,
      statusName: SYSTEM_STATUS_NAMES[status],
      softwareVersion: software,
      upgrade: {
        state: 'Idle',
        productionSide: 0,
        productionVersion: software,
        upgradeVersion: null,
        progress: -1,
      },
      // No call-home link: an administrator phones the service calls in.
      gateway: { role: 'direct', gatewayId: null, backupId: null, linkUp: false },
      sam: {
        cpuPct: running ? metrics.cpu : 0,
        memoryPct: running ? metrics.memory : 0,
        diskPct: 0,
        applicationUp: up,
        restarts: w.appStarts[s],
        alerts: [],
      },
    };
  });
}

export function componentRedfish(w: AltState, c: number): Record<string, unknown> {
  const spec = w.specs[c];
  const sys = w.rack.systems[w.sys[c]];
  const { Oem, ...rest } = toRedfish(componentInfo(w, c), {
    partNumber: spec.partNumber,
    serialNumber: `${sys.config.model.toUpperCase()}-${String(c + 1).padStart(5, '0')}`,
    firmwareVersion: 'n/a',
    model: `${sys.spec.name} ${spec.kind.toUpperCase()}`,
  });
  return { ...rest, Oem: { Comparison: (Oem as { Stratus: unknown }).Stratus } };
}
