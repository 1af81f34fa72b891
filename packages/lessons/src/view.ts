/**
 * What predicates look at: a plain, serialisable view of the twin's state (component states,
 * system status and counters, service calls, dumps), the engine's events and the trainee's
 * actions. Built from the engine's own plain records, so that a headless Engine and a twin whose
 * engine runs in a worker produce the same view.
 */
import type {
  Command,
  ComponentInfo,
  DumpRecord,
  Engine,
  EngineEvent,
  ServiceCall,
  SystemCounters,
  SystemInfo,
} from '@ft/engine';
import type { RackModel } from '@ft/hardware';

/** Counters a predicate can compare, per system. */
export const COUNTER_NAMES = [
  'uptimeMs',
  'downtimeMs',
  'availability',
  'transactionsCommitted',
  'transactionsLost',
  'silentDataCorruptions',
  'outputsSuppressed',
  'applicationRestarts',
  'transactionsExecuted',
  'pausedMs',
  'unreachableMs',
  'serviceCalls',
  'softwareRulePicks',
  'compares',
] as const;

export type CounterName = (typeof COUNTER_NAMES)[number];
export type CounterValues = Record<CounterName, number>;

export interface ComponentView {
  kind: string;
  systemId: string;
  /** MIB OpState name: `duplex`, `broken`, `removed`… */
  state: string;
  /** Redundant partners: the other CPU elements of the system, or the mirror half, teamed port… */
  siblings: string[];
  /** Why pulling it now would hurt (what ftSMC warns), or '' when it is safe to pull. */
  pullWarning: string;
}

export interface SystemView {
  /** `down`, `booting`, `simplex`, `duplex` or `triplex`. */
  status: string;
  counters: CounterValues;
  /** Active Upgrade state: `Idle`, `PrepareSplit`, `Split`… */
  upgrade: string;
  softwareVersion: string;
  applicationUp: boolean;
  gatewayLinkUp: boolean;
}

export interface ServiceCallView {
  callId: string;
  systemId: string;
  componentId: string;
  status: string;
  /** `direct`, `gateway A`, `backup B` or `queued`. */
  path: string;
}

export interface DumpView {
  id: string;
  systemId: string;
  componentId: string;
  cause: 'crash' | 'requested';
  completed: boolean;
}

/** The twin's state at one simulated time. Plain data. */
export interface StateView {
  timeMs: number;
  components: Record<string, ComponentView>;
  systems: Record<string, SystemView>;
  serviceCalls: ServiceCallView[];
  dumps: DumpView[];
}

/** What the trainee did: an engine command (with what the twin showed just before), a selection, an answer. */
export type UserAction =
  | {
      kind: 'command';
      timeMs: number;
      command: Command;
      ok: boolean;
      error?: string;
      /** State of the target component just before (component commands only). */
      targetState?: string;
      /** States of its redundant partners just before. */
      siblingStates?: Record<string, string>;
      /** The pull warning shown and confirmed ('' or absent: it was safe). */
      warning?: string;
      /** The command took its system down (it was up just before, down just after). */
      systemDown?: boolean;
    }
  | { kind: 'select'; timeMs: number; target: string | null }
  | { kind: 'answer'; timeMs: number; question: string; value: string };

/** State, events and actions together: what a predicate is evaluated over. */
export interface Observation {
  view: StateView;
  /** Engine events since the driver (or the lesson) started, oldest first. */
  events: readonly EngineEvent[];
  /** Trainee actions since then, oldest first (empty where nobody records them). */
  actions: readonly UserAction[];
}

/**
 * Where a window of evaluation starts (a lesson step, a scenario wait): the time, how many events
 * and actions there were, and each system's counters, so that `scope: 'step'` predicates look
 * only at what happened since.
 */
export interface Anchor {
  timeMs: number;
  eventIndex: number;
  actionIndex: number;
  counters: Record<string, CounterValues>;
}

/** The anchor at the current point of an observation. */
export function anchorOf(o: Observation): Anchor {
  const counters: Record<string, CounterValues> = {};
  for (const [id, s] of Object.entries(o.view.systems)) counters[id] = { ...s.counters };
  return {
    timeMs: o.view.timeMs,
    eventIndex: o.events.length,
    actionIndex: o.actions.length,
    counters,
  };
}

/** The engine's plain records at one time: what a worker API or an Engine can both provide. */
export interface EngineRecords {
  timeMs: number;
  rack: RackModel;
  components: readonly ComponentInfo[];
  counters: readonly SystemCounters[];
  systems: readonly SystemInfo[];
  serviceCalls: readonly ServiceCall[];
  dumps: readonly DumpRecord[];
}

/**
 * Builds a {@link StateView} from the engine's plain records.
 *
 * @example
 * const view = buildView({ timeMs, rack, components, counters, systems, serviceCalls, dumps });
 * view.components['A.cpu-1'].state; // 'duplex'
 */
export function buildView(r: EngineRecords): StateView {
  const specs = new Map(r.rack.components.map((c) => [c.id, c]));
  const cpusBySystem = new Map<string, string[]>();
  for (const c of r.rack.components) {
    if (c.kind !== 'cpu') continue;
    const list = cpusBySystem.get(c.systemId) ?? [];
    list.push(c.id);
    cpusBySystem.set(c.systemId, list);
  }
  const components: Record<string, ComponentView> = {};
  for (const c of r.components) {
    const spec = specs.get(c.id);
    const siblings =
      c.kind === 'cpu'
        ? (cpusBySystem.get(c.systemId) ?? []).filter((id) => id !== c.id)
        : spec?.partnerId
          ? [spec.partnerId]
          : [];
    components[c.id] = {
      kind: c.kind,
      systemId: c.systemId,
      state: c.stateName,
      siblings,
      pullWarning: c.pullWarning,
    };
  }
  const info = new Map(r.systems.map((s) => [s.systemId, s]));
  const systems: Record<string, SystemView> = {};
  for (const k of r.counters) {
    const s = info.get(k.systemId);
    systems[k.systemId] = {
      status: s?.statusName ?? 'down',
      counters: {
        uptimeMs: k.uptimeMs,
        downtimeMs: k.downtimeMs,
        availability: k.availability,
        transactionsCommitted: k.transactionsCommitted,
        transactionsLost: k.transactionsLost,
        silentDataCorruptions: k.silentDataCorruptions,
        outputsSuppressed: k.outputsSuppressed,
        applicationRestarts: s?.sam.restarts ?? 0,
        transactionsExecuted: k.transactionsExecuted,
        pausedMs: k.pausedMs,
        unreachableMs: k.unreachableMs,
        serviceCalls: k.serviceCalls,
        softwareRulePicks: k.softwareRulePicks,
        compares: k.compares,
      },
      upgrade: s?.upgrade.state ?? 'Idle',
      softwareVersion: s?.softwareVersion ?? '',
      applicationUp: s?.sam.applicationUp ?? true,
      gatewayLinkUp: s?.gateway.linkUp ?? true,
    };
  }
  return {
    timeMs: r.timeMs,
    components,
    systems,
    serviceCalls: r.serviceCalls.map((c) => ({
      callId: c.callId,
      systemId: c.systemId,
      componentId: c.componentId,
      status: c.status,
      path: c.path,
    })),
    dumps: r.dumps.map((d) => ({
      id: d.id,
      systemId: d.systemId,
      componentId: d.componentId,
      cause: d.cause,
      completed: d.completedMs !== null,
    })),
  };
}

/** The view of a headless {@link Engine} now. */
export function engineView(engine: Engine): StateView {
  return buildView({
    timeMs: engine.timeMs,
    rack: engine.rack,
    components: engine.components(),
    counters: engine.counters(),
    systems: engine.systems(),
    serviceCalls: engine.serviceCalls(),
    dumps: engine.dumps(),
  });
}

/**
 * Records a command the trainee gave, with what the twin showed just before it (the target's
 * state, its partners' states and the pull warning that was confirmed) and, given the view just
 * after, whether it took its system down; so that wrong moves can be judged later from the
 * action list alone.
 */
export function commandAction(
  before: StateView,
  command: Command,
  result: { ok: boolean; error?: string },
  after?: StateView,
  timeMs = before.timeMs,
): UserAction {
  const target = before.components[command.target];
  const action: UserAction = { kind: 'command', timeMs, command, ok: result.ok };
  const systemId = target ? target.systemId : command.target;
  const was = before.systems[systemId]?.status;
  const now = after?.systems[systemId]?.status;
  if (was !== undefined && was !== 'down' && now === 'down') action.systemDown = true;
  if (!result.ok && result.error !== undefined) action.error = result.error;
  if (target) {
    action.targetState = target.state;
    action.siblingStates = Object.fromEntries(
      target.siblings.map((id) => [id, before.components[id]?.state ?? 'unknown']),
    );
    if (command.type === 'pull' && target.pullWarning) action.warning = target.pullWarning;
  }
  return action;
}
