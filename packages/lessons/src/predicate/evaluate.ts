/**
 * The pure evaluation of {@link Predicate}s over an observation. Same inputs, same answer: no
 * clock, no randomness, no engine access.
 */
import { type EngineEvent, OP_STATE_NAMES, SYSTEM_STATUS_NAMES } from '@ft/engine';
import type { Anchor, CounterValues, Observation, UserAction } from '../view.ts';
import type {
  ActionPredicate,
  CompareOp,
  CounterPredicate,
  EventPredicate,
  Predicate,
  Scope,
} from './types.ts';

/** What a predicate is evaluated over: an observation and the windows `step` and `lesson`. */
export interface EvalContext extends Observation {
  /** Start of the current step or wait (`scope: 'step'`, the default). */
  step: Anchor;
  /** Start of the lesson or scenario (`scope: 'lesson'`). */
  lesson: Anchor;
  /** Correct answer per question id (answer checks). */
  answers?: Readonly<Record<string, string>>;
}

const SEVERITY_RANK: Record<string, number> = { info: 0, warning: 1, error: 2, critical: 3 };

function anchorFor(ctx: EvalContext, scope: Scope | undefined): Anchor {
  return scope === 'lesson' ? ctx.lesson : ctx.step;
}

function oneOfNames(value: string, wanted: string | string[]): boolean {
  return Array.isArray(wanted) ? wanted.includes(value) : value === wanted;
}

export function compare(a: number, op: CompareOp, b: number): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/** Does one engine event match an event predicate's fields (time window aside)? */
export function eventMatches(e: EngineEvent, p: EventPredicate): boolean {
  if (e.kind !== p.kind) return false;
  if (p.target !== undefined && e.componentId !== p.target) return false;
  if (p.system !== undefined && e.systemId !== p.system) return false;
  if (p.severity !== undefined && SEVERITY_RANK[e.severity] < SEVERITY_RANK[p.severity])
    return false;
  if (p.text !== undefined && !e.message.toLowerCase().includes(p.text.toLowerCase())) return false;
  switch (e.kind) {
    case 'state':
    case 'trap':
      if (p.from !== undefined && OP_STATE_NAMES[e.from] !== p.from) return false;
      if (p.to !== undefined && OP_STATE_NAMES[e.to] !== p.to) return false;
      if (e.kind === 'trap' && p.trap !== undefined && e.trap !== p.trap) return false;
      return true;
    case 'system':
      if (p.from !== undefined && SYSTEM_STATUS_NAMES[e.from] !== p.from) return false;
      if (p.to !== undefined && SYSTEM_STATUS_NAMES[e.to] !== p.to) return false;
      return true;
    case 'serviceCall':
      if (p.status !== undefined && e.status !== p.status) return false;
      if (p.path !== undefined && !e.path.startsWith(p.path)) return false;
      return true;
    case 'alert':
      return p.metric === undefined || e.metric === p.metric;
    default:
      return true;
  }
}

function countEvents(p: EventPredicate, ctx: EvalContext): number {
  const anchor = anchorFor(ctx, p.scope);
  const until = p.withinMs === undefined ? Number.POSITIVE_INFINITY : anchor.timeMs + p.withinMs;
  let n = 0;
  for (let i = anchor.eventIndex; i < ctx.events.length; i++) {
    const e = ctx.events[i];
    if (e.timeMs > until) break;
    if (eventMatches(e, p)) n++;
  }
  return n;
}

function counterValue(p: CounterPredicate, ctx: EvalContext): number | null {
  const system = ctx.view.systems[p.system];
  if (!system) return null;
  const now = system.counters[p.counter];
  if (p.scope !== 'step') return now;
  const base: CounterValues | undefined = ctx.step.counters[p.system];
  return base ? now - base[p.counter] : now;
}

/** Does one recorded action match an action predicate (done aside)? */
export function actionMatches(a: UserAction, p: ActionPredicate): boolean {
  if (p.do === 'select') {
    return a.kind === 'select' && (p.target === undefined || a.target === p.target);
  }
  if (a.kind !== 'command' || a.command.type !== p.do) return false;
  if (a.ok !== (p.ok ?? true)) return false;
  if (p.target !== undefined && a.command.target !== p.target) return false;
  if (p.unsafe !== undefined && Boolean(a.warning) !== p.unsafe) return false;
  if (p.with) {
    const fields = a.command as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(p.with)) {
      // An absent boolean field means false (`insert` without `replacement` is the same part).
      const actual = fields[key] ?? (typeof value === 'boolean' ? false : undefined);
      if (actual !== value) return false;
    }
  }
  return true;
}

function actionsSince(ctx: EvalContext, scope: Scope | undefined): readonly UserAction[] {
  return ctx.actions.slice(anchorFor(ctx, scope).actionIndex);
}

/**
 * True when the predicate holds for this observation.
 *
 * @example
 * evaluatePredicate({ check: 'component', target: 'A.cpu-1', state: 'duplex' }, ctx); // true
 */
export function evaluatePredicate(p: Predicate, ctx: EvalContext): boolean {
  switch (p.check) {
    case 'component': {
      const c = ctx.view.components[p.target];
      return c !== undefined && oneOfNames(c.state, p.state);
    }
    case 'system': {
      const s = ctx.view.systems[p.system];
      if (!s) return false;
      if (p.status !== undefined && !oneOfNames(s.status, p.status)) return false;
      if (p.upgrade !== undefined && !oneOfNames(s.upgrade, p.upgrade)) return false;
      if (p.softwareVersion !== undefined && s.softwareVersion !== p.softwareVersion) return false;
      if (p.applicationUp !== undefined && s.applicationUp !== p.applicationUp) return false;
      if (p.gatewayLinkUp !== undefined && s.gatewayLinkUp !== p.gatewayLinkUp) return false;
      return true;
    }
    case 'event':
      return countEvents(p, ctx) >= (p.atLeast ?? 1);
    case 'counter': {
      const value = counterValue(p, ctx);
      return value !== null && compare(value, p.op, p.value);
    }
    case 'action': {
      const did = actionsSince(ctx, p.scope).some((a) => actionMatches(a, p));
      return did === (p.done ?? true);
    }
    case 'answer': {
      const correct = ctx.answers?.[p.question];
      if (correct === undefined) return false;
      return actionsSince(ctx, p.scope).some(
        (a) => a.kind === 'answer' && a.question === p.question && a.value === correct,
      );
    }
    case 'serviceCall':
      return ctx.view.serviceCalls.some(
        (c) =>
          (p.target === undefined || c.componentId === p.target) &&
          (p.system === undefined || c.systemId === p.system) &&
          (p.status === undefined || oneOfNames(c.status, p.status)) &&
          (p.path === undefined || c.path.startsWith(p.path)),
      );
    case 'dump':
      return ctx.view.dumps.some(
        (d) =>
          (p.system === undefined || d.systemId === p.system) &&
          (p.target === undefined || d.componentId === p.target) &&
          (p.cause === undefined || d.cause === p.cause) &&
          (p.completed === undefined || d.completed === p.completed),
      );
    case 'all':
      return p.of.every((q) => evaluatePredicate(q, ctx));
    case 'any':
      return p.of.some((q) => evaluatePredicate(q, ctx));
    case 'not':
      return !evaluatePredicate(p.of, ctx);
  }
}
