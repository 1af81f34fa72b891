/**
 * Markov closed forms of the three architectures, from the same per-part rates (FAULT_MTBF_H),
 * the same fault effects (sim/faults.ts) and the same durations (parameters.ts, timing.ts) as
 * the simulations. Repair and recovery times are taken as exponential with the simulations'
 * (fixed) durations as means: exact for the single-failure terms that dominate, approximate
 * (within a factor of two) for the rare double-failure terms. docs/comparison.md draws the chains.
 */
import { type RackConfig, type RackModel, DEFAULT_DISK_ID, DISKS } from '@ft/hardware';
import { FAULT_MTBF_H, TIMING } from '../timing.ts';
import type { FaultKind } from '../types.ts';
import { comparisonRacks, type ComparisonRackOptions } from './equivalents.ts';
import { probability, solveChain } from './markov.ts';
import { ALTERNATIVES, nodeDetectionMs } from './parameters.ts';
import { FAULT_EFFECTS, type FaultEffect } from './sim/faults.ts';
import { isManagementAdapter } from './sim/state.ts';
import type { Architecture } from './simulation.ts';

const HOUR_MS = 3_600_000;
const YEAR_S = 365 * 24 * 3_600;
const h = (ms: number) => ms / HOUR_MS;
const P = ALTERNATIVES;

export interface ClosedForm {
  /** Steady-state availability of the average service (system, server or cluster). */
  availability: number;
  /** Expected downtime per service and year, seconds. */
  downtimeSPerYear: number;
}

function rateOf(kind: string, fault: string): number {
  const table = (FAULT_MTBF_H as Record<string, Record<string, number>>)[kind] ?? {};
  const mtbf = table[fault];
  return mtbf > 0 ? 1 / mtbf : 0;
}

/** Failure rates per hour of one conventional server's parts, by what the failure does. */
export interface NodeRates {
  crash: number;
  hard: number;
  link: number;
  adapter: number;
  /** Application crash (an unreadable block on an unmirrored disk). */
  application: number;
  /** An unmirrored disk lost: its volume is restored from backup. */
  dataLoss: number;
  /** Silent corruptions (the transients that do not crash). */
  silent: number;
}

/** Rates of server `s` of an alternative rack, from its parts and the fault effect table. */
export function nodeRates(rack: RackModel, s: number): NodeRates {
  const r: NodeRates = {
    crash: 0,
    hard: 0,
    link: 0,
    adapter: 0,
    application: 0,
    dataLoss: 0,
    silent: 0,
  };
  const share = P.transientCrashShare.value;
  for (const part of rack.systems[s].components) {
    const effects = FAULT_EFFECTS.server[part.kind] ?? {};
    const management = isManagementAdapter(part);
    for (const [fault, effect] of Object.entries(effects) as [FaultKind, FaultEffect][]) {
      const rate = rateOf(part.kind, fault);
      const mirrored = part.partnerId !== null;
      if (effect === 'transient') {
        r.crash += rate * share;
        r.silent += rate * (1 - share);
      } else if (effect === 'crash') r.crash += rate;
      else if (effect === 'hard') r.hard += rate;
      else if (effect === 'link') r.link += rate;
      else if (effect === 'adapter' && !management) r.adapter += rate;
      else if (effect === 'media' && !mirrored) r.application += rate;
      else if (effect === 'disk' && !mirrored) r.dataLoss += rate;
    }
  }
  return r;
}

const diskFailureRate = rateOf('disk', 'disk-failure');
const rebuildH = h(
  ((DISKS[DEFAULT_DISK_ID].capacityGB.value * 1e9) / P.diskRebuildBytesPerS.normal.value) * 1000,
);

/**
 * Availability of one mirrored pair of disks: both in (2), one lost until its replacement is
 * delivered and rebuilt (1), both lost until a new disk is in and the backup restored (0).
 */
function mirrorAvailability(outageH: number): number {
  const degradedH = h(P.partReplacementMs.value) + rebuildH;
  const chain = solveChain(
    2,
    (s) => String(s),
    (s) =>
      s === 2
        ? [[1, 2 * diskFailureRate]]
        : s === 1
          ? [
              [2, 1 / degradedH],
              [0, diskFailureRate],
            ]
          : [[2, 1 / outageH]],
  );
  return 1 - probability(chain, (s) => s === 0);
}

/**
 * Conventional server: a star chain. From Up, each kind of failure leads to its own down state,
 * left after its (mean) duration; nothing else fails meanwhile. A = 1 / (1 + Σ λₖ Dₖ).
 */
export function conventionalAvailability(rack: RackModel, s: number): number {
  const r = nodeRates(rack, s);
  const recovery = h(P.applicationRecoveryMs.value);
  const boot = h(P.bootMs.value);
  const part = h(P.partReplacementMs.value);
  const cold = h(P.coldSwapMs.value);
  const restore = h(P.restoreFromBackupMs.value);
  const down =
    r.crash * (boot + recovery) +
    (r.hard + r.adapter) * (part + cold + boot + recovery) +
    r.link * h(P.linkRepairMs.value) +
    r.application * recovery +
    r.dataLoss * (part + restore + recovery);
  const mirrors = rack.systems[s].components.filter(
    (c) => c.kind === 'disk' && c.partnerId !== null && c.slot === 1,
  ).length;
  const pair = mirrorAvailability(part + restore + recovery);
  return (1 / (1 + down)) * pair ** mirrors;
}

type NodeState = 'U' | 'Db' | 'Dh' | 'Dl' | 'Da1' | 'Da2';
type ServiceState = 'up' | 'det' | 'start' | 'down';
interface ClusterState {
  n: [NodeState, NodeState];
  svc: ServiceState;
  /** Node the service runs on (up, start) or that failed (det); -1 when down. */
  x: number;
}

/**
 * Two-node cluster: each node Up, rebooting (Db), down for a part (Dh), without its link (Dl),
 * or with a failed adapter waiting for its part (Da1) then the cold swap (Da2); the service up on
 * a node, detecting a failure, starting (group online + recovery) on a node, or down. The active
 * node's failure starts detection; the standby's only removes the spare. The shared array's
 * mirrors are independent pairs (series factor).
 */
export function clusterAvailability(
  rack: RackModel,
  nodes: [number, number],
  array: number,
): number {
  const rates = nodes.map((s) => nodeRates(rack, s));
  const boot = h(P.bootMs.value);
  const part = h(P.partReplacementMs.value);
  const cold = h(P.coldSwapMs.value);
  const detect = h(nodeDetectionMs());
  const start = h(P.groupOnlineMs.value + P.applicationRecoveryMs.value);
  const back: Record<Exclude<NodeState, 'U'>, [NodeState, number]> = {
    Db: ['U', 1 / boot],
    Dh: ['U', 1 / (part + cold + boot)],
    Dl: ['U', 1 / h(P.linkRepairMs.value)],
    Da1: ['Da2', 1 / part],
    Da2: ['U', 1 / (cold + boot)],
  };
  const ready = (st: ClusterState, i: number) => i >= 0 && st.n[i] === 'U';
  const other = (i: number) => 1 - i;
  const chain = solveChain<ClusterState>(
    { n: ['U', 'U'], svc: 'up', x: 0 },
    (st) => `${st.n[0]},${st.n[1]},${st.svc},${st.x}`,
    (st) => {
      const out: [ClusterState, number][] = [];
      for (const i of [0, 1]) {
        const r = rates[i];
        if (st.n[i] === 'U') {
          const failures: [NodeState, number][] = [
            ['Db', r.crash],
            ['Dh', r.hard],
            ['Dl', r.link],
            ['Da1', r.adapter],
          ];
          for (const [to, rate] of failures) {
            const n: [NodeState, NodeState] = [...st.n];
            n[i] = to;
            let { svc, x } = st;
            if (svc === 'up' && x === i) svc = 'det';
            else if (svc === 'start' && x === i) {
              const o = other(i);
              [svc, x] = n[o] === 'U' ? ['start', o] : ['down', -1];
            }
            out.push([{ n, svc, x }, rate]);
          }
        } else {
          const [to, rate] = back[st.n[i]];
          const n: [NodeState, NodeState] = [...st.n];
          n[i] = to;
          let { svc, x } = st;
          if (svc === 'down' && to === 'U') [svc, x] = ['start', i];
          out.push([{ n, svc, x }, rate]);
        }
      }
      if (st.svc === 'det') {
        const o = other(st.x);
        const y = ready(st, o) ? o : ready(st, st.x) ? st.x : -1;
        out.push([{ n: st.n, svc: y >= 0 ? 'start' : 'down', x: y }, 1 / detect]);
      }
      if (st.svc === 'start') out.push([{ n: st.n, svc: 'up', x: st.x }, 1 / start]);
      return out;
    },
  );
  const nodesUp = probability(chain, (st) => st.svc === 'up');
  const pair = mirrorAvailability(part + h(P.restoreFromBackupMs.value) + start);
  const mirrors = rack.systems[array].components.filter(
    (c) => c.kind === 'disk' && c.side === 0,
  ).length;
  return nodesUp * pair ** mirrors;
}

/** Mean time a CPU element is out after a transient it flagged or was outvoted for (hours). */
function cpuTransientOutH(memoryGB: number): number {
  const copyS = (memoryGB * 2 ** 30) / TIMING.copyBandwidthBytesPerS.value;
  const resyncMs =
    copyS * 1000 * (TIMING.resyncMaxPasses.value + 1) + TIMING.resyncFixedPauseMs.value;
  return h(
    TIMING.shotToDiagnosticsMs.value +
      TIMING.cpuDiagnosticsMs.value +
      TIMING.diagnosticsPassedMs.value +
      resyncMs,
  );
}

/**
 * ftServer: the one operating system crashes and reboots (then the application recovers, as on
 * the alternatives); and the CPU pair goes down only when the survivor of a removed element
 * flags a fatal error before the other is back. (Disk, I/O and supply pairs contribute under
 * 1e-9 and are left out.)
 */
export function ftServerAvailability(rack: RackModel, s: number): number {
  const sys = rack.systems[s];
  const boot = h(TIMING.bootMs.value);
  const recovery = h(P.applicationRecoveryMs.value);
  const osCrash = rateOf('cpu', 'os-crash');
  const transient =
    rateOf('cpu', 'bitflip-register') +
    rateOf('cpu', 'bitflip-memory') +
    rateOf('cpu', 'memory-uncorrectable') +
    rateOf('cpu', 'self-check');
  const hard = rateOf('cpu', 'stuck-at');
  const fatal = rateOf('cpu', 'memory-uncorrectable') + rateOf('cpu', 'self-check') + hard;
  const outT = cpuTransientOutH(sys.config.memoryGB);
  const outH = h(TIMING.partReplacementMs.value) + outT;
  type St = 'duplex' | 'simplexT' | 'simplexH' | 'crash' | 'double';
  const chain = solveChain<St>(
    'duplex',
    (x) => x,
    (x) => {
      switch (x) {
        case 'duplex':
          return [
            ['simplexT', 2 * transient],
            ['simplexH', 2 * hard],
            ['crash', osCrash],
          ];
        case 'simplexT':
          return [
            ['duplex', 1 / outT],
            ['double', fatal],
            ['crash', osCrash],
          ];
        case 'simplexH':
          return [
            ['duplex', 1 / outH],
            ['double', fatal],
            ['crash', osCrash],
          ];
        case 'crash':
          return [['duplex', 1 / (boot + recovery)]];
        default:
          return [['duplex', 1 / (outT + boot + recovery)]];
      }
    },
  );
  return 1 - probability(chain, (x) => x === 'crash' || x === 'double');
}

function closedForm(perService: readonly number[]): ClosedForm {
  const a = perService.reduce((sum, x) => sum + x, 0) / perService.length;
  return { availability: a, downtimeSPerYear: (1 - a) * YEAR_S };
}

/**
 * The closed forms of the three architectures for an ftServer rack (each averaged over its
 * services, as the Monte Carlo averages).
 *
 * @example
 * closedForms(getPreset('4300-dmr')).ftserver.downtimeSPerYear; // ≈ 75 s
 */
export function closedForms(
  config: RackConfig,
  options: ComparisonRackOptions = {},
): Record<Architecture, ClosedForm> {
  const racks = comparisonRacks(config, options);
  const ft = racks.ftserver.systems.map((_, s) => ftServerAvailability(racks.ftserver, s));
  const conv = racks.conventional.systems.map((_, s) =>
    conventionalAvailability(racks.conventional, s),
  );
  const index = (id: string) => racks.cluster.systems.findIndex((s) => s.config.id === id);
  const clusters = (racks.cluster.config.clusters ?? []).map((c) =>
    clusterAvailability(racks.cluster, [index(c.nodes[0]), index(c.nodes[1])], index(c.storage)),
  );
  return {
    ftserver: closedForm(ft),
    cluster: closedForm(clusters),
    conventional: closedForm(conv),
  };
}
