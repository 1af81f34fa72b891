/** Test fixtures: a real view of a fresh rack, and engine events built by hand. */
import { Engine, type EngineEvent, OpState, type SystemStatus } from '@ft/engine';
import type { EvalContext } from '../predicate/evaluate.ts';
import { type Anchor, anchorOf, engineView, type StateView, type UserAction } from '../view.ts';

export function freshView(preset = '4300-dmr'): StateView {
  return engineView(Engine.fromPreset(preset, { seed: 1 }));
}

/** A copy of `view` with some component states changed. */
export function withStates(view: StateView, states: Record<string, string>): StateView {
  const components = { ...view.components };
  for (const [id, state] of Object.entries(states)) components[id] = { ...components[id], state };
  return { ...view, components };
}

const base = { systemId: 'A', severity: 'info' as const, message: '' };

export function stateEvent(timeMs: number, id: string, from: OpState, to: OpState): EngineEvent {
  return {
    ...base,
    kind: 'state',
    timeMs,
    componentId: id,
    from,
    to,
    reason: '',
    message: `${id} changed`,
  };
}

export function systemEvent(timeMs: number, from: SystemStatus, to: SystemStatus): EngineEvent {
  return { ...base, kind: 'system', timeMs, componentId: null, from, to };
}

export function logEvent(
  timeMs: number,
  severity: EngineEvent['severity'],
  message: string,
  id: string | null = null,
): EngineEvent {
  return { ...base, kind: 'log', timeMs, componentId: id, severity, message };
}

export function trapEvent(
  timeMs: number,
  id: string,
  trap: 'broken' | 'fixed' | 'removed' | 'inserted',
  to: OpState,
): EngineEvent {
  return {
    ...base,
    kind: 'trap',
    timeMs,
    componentId: id,
    trap,
    oid: '1.3.6.1.4.1.458.999.0.1',
    from: OpState.Duplex,
    to,
    reason: '',
    varbinds: [],
  };
}

export function callEvent(
  timeMs: number,
  id: string,
  status: 'opened' | 'closed',
  path: string,
): EngineEvent {
  return {
    ...base,
    kind: 'serviceCall',
    timeMs,
    componentId: id,
    callId: 'SC-A-0001',
    partNumber: 'P1',
    action: 'Replace',
    status,
    path,
  };
}

export function pullAction(
  timeMs: number,
  target: string,
  warning = '',
  targetState = 'duplex',
  siblingStates: Record<string, string> = {},
): UserAction {
  const a: UserAction = {
    kind: 'command',
    timeMs,
    command: { type: 'pull', target },
    ok: true,
    targetState,
    siblingStates,
  };
  if (warning) a.warning = warning;
  return a;
}

/** A context whose step and lesson windows start at `anchor` (default: before everything). */
export function context(
  view: StateView,
  events: EngineEvent[] = [],
  actions: UserAction[] = [],
  anchor: Anchor = {
    timeMs: 0,
    eventIndex: 0,
    actionIndex: 0,
    counters: anchorOf({ view, events: [], actions: [] }).counters,
  },
): EvalContext {
  return {
    view,
    events,
    actions,
    step: anchor,
    lesson: { ...anchor, eventIndex: 0, actionIndex: 0, timeMs: 0 },
  };
}
