/**
 * Predicates (checks): declarative tests over the twin's state, its events and the trainee's
 * actions. Plain data; evaluated by a pure function ({@link evaluatePredicate}).
 */
import type { CounterName } from '../view.ts';

/** `step`: only what happened since the step (or wait) began; `lesson`: since the lesson began. */
export type Scope = 'step' | 'lesson';

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** Event kinds a predicate can look for. */
export type EventKindName = 'state' | 'system' | 'log' | 'trap' | 'serviceCall' | 'alert';

interface Labelled {
  /** What the check means to a trainee ("CPU element 1 is back in lockstep"). */
  label?: string;
}

/** A component is in one of the given states (MIB names: `duplex`, `broken`…). */
export interface ComponentPredicate extends Labelled {
  check: 'component';
  target: string;
  state: string | string[];
}

/** A system's status, Active Upgrade state, software version, application or call-home link. */
export interface SystemPredicate extends Labelled {
  check: 'system';
  system: string;
  status?: string | string[];
  upgrade?: string | string[];
  softwareVersion?: string;
  applicationUp?: boolean;
  gatewayLinkUp?: boolean;
}

/** At least `atLeast` (default 1) engine events of a kind matching every given field. */
export interface EventPredicate extends Labelled {
  check: 'event';
  kind: EventKindName;
  /** Component id of the event. */
  target?: string;
  /** System id of the event. */
  system?: string;
  /** State name before (state and trap events) or system status before (system events). */
  from?: string;
  /** State name after (state and trap events) or system status after (system events). */
  to?: string;
  /** Trap type (trap events): broken, fixed, removed, inserted, stateChange. */
  trap?: string;
  /** Service call status (serviceCall events). */
  status?: string;
  /** How the service call travelled, matched as a prefix: `gateway`, `backup B`, `direct`. */
  path?: string;
  /** SAM metric (alert events): cpu, memory, disk, application. */
  metric?: string;
  /** Lowest severity that counts: info < warning < error < critical. */
  severity?: string;
  /** Text the message contains (case-insensitive). */
  text?: string;
  /** Only events at most this many simulated ms after the step (or lesson) began. */
  withinMs?: number;
  scope?: Scope;
  atLeast?: number;
}

/** A per-system counter compared with a value (`scope: 'step'`: its increase since the step began). */
export interface CounterPredicate extends Labelled {
  check: 'counter';
  system: string;
  counter: CounterName;
  op: CompareOp;
  value: number;
  scope?: Scope;
}

/** The trainee did (or, with `done: false`, did not do) something. */
export interface ActionPredicate extends Labelled {
  check: 'action';
  /** A command type (`pull`, `insert`, `inject`…) or `select`. */
  do: string;
  target?: string;
  /** Further command fields that must match, e.g. `{ "replacement": true }`. */
  with?: Record<string, string | number | boolean>;
  /** Only pulls that were not safe and were confirmed anyway (true), or only safe ones (false). */
  unsafe?: boolean;
  /** Whether the engine accepted the command (default true). */
  ok?: boolean;
  /** Default true; false means "never did it". */
  done?: boolean;
  scope?: Scope;
}

/** The trainee answered the step's question correctly. */
export interface AnswerPredicate extends Labelled {
  check: 'answer';
  question: string;
  scope?: Scope;
}

/** Some service call (for a component or a system) is in one of the given states. */
export interface ServiceCallPredicate extends Labelled {
  check: 'serviceCall';
  target?: string;
  system?: string;
  status?: string | string[];
  /** Prefix of the path it travelled: `direct`, `gateway`, `backup`, `queued`. */
  path?: string;
}

/** Some memory dump exists for a system (or CPU element), of a cause, written out or not. */
export interface DumpPredicate extends Labelled {
  check: 'dump';
  system?: string;
  target?: string;
  cause?: 'crash' | 'requested';
  completed?: boolean;
}

export interface AllPredicate extends Labelled {
  check: 'all';
  of: Predicate[];
}

export interface AnyPredicate extends Labelled {
  check: 'any';
  of: Predicate[];
}

export interface NotPredicate extends Labelled {
  check: 'not';
  of: Predicate;
}

export type Predicate =
  | ComponentPredicate
  | SystemPredicate
  | EventPredicate
  | CounterPredicate
  | ActionPredicate
  | AnswerPredicate
  | ServiceCallPredicate
  | DumpPredicate
  | AllPredicate
  | AnyPredicate
  | NotPredicate;

export type PredicateKind = Predicate['check'];
