/** The schema of {@link Predicate}s, with messages that name the field and what it expects. */
import { OP_STATE_NAMES, SYSTEM_STATUS_NAMES, type UpgradeState } from '@ft/engine';
import * as v from 'valibot';
import { COMMAND_TYPES } from '../schema/command.ts';
import {
  bool,
  componentId,
  integer,
  list,
  MAX_SIM_MS,
  nonEmptyText,
  oneOf,
  simMs,
  strict,
  systemId,
  text,
} from '../schema/fields.ts';
import { quote } from '../schema/issues.ts';
import { COUNTER_NAMES } from '../view.ts';
import type { Predicate } from './types.ts';

export const STATE_NAMES = OP_STATE_NAMES as readonly string[];
export const STATUS_NAMES = SYSTEM_STATUS_NAMES as readonly string[];
export const UPGRADE_STATES = [
  'Idle',
  'PrepareSplit',
  'Split',
  'PrepareMerge',
  'Merge',
  'Commit',
  'Finish',
] as const satisfies readonly UpgradeState[];
export const TRAP_KINDS = ['broken', 'fixed', 'removed', 'inserted', 'stateChange'] as const;
export const CALL_STATUSES = [
  'opened',
  'part-shipped',
  'part-delivered',
  'replaced',
  'closed',
] as const;
export const SEVERITIES = ['info', 'warning', 'error', 'critical'] as const;
export const ALERT_METRICS = ['cpu', 'memory', 'disk', 'application'] as const;
export const EVENT_KINDS = ['state', 'system', 'log', 'trap', 'serviceCall', 'alert'] as const;
export const COMPARE_OPS = ['==', '!=', '<', '<=', '>', '>='] as const;
export const ACTION_KINDS = [...COMMAND_TYPES, 'select'] as const;

/** Most sub-checks in one all/any, and deepest nesting of all/any/not. */
export const MAX_PREDICATE_ITEMS = 32;
export const MAX_PREDICATE_DEPTH = 6;

const scope = v.optional(oneOf(['step', 'lesson'] as const, 'a scope,'));
const label = v.optional(nonEmptyText(200));

function names(options: readonly string[], what: string) {
  const one = v.picklist(
    options,
    (i) => `expected ${what}, one of ${options.join(', ')}; got ${quote(i.input)}`,
  );
  return v.union(
    [one, list(one, options.length, 1)],
    (i) => `expected ${what} or a list of them; got ${quote(i.input)}`,
  );
}

const stateNames = names(STATE_NAMES, 'a state name');

const componentSchema = strict({
  check: v.literal('component'),
  label,
  target: componentId,
  state: stateNames,
});

const systemSchema = v.pipe(
  strict({
    check: v.literal('system'),
    label,
    system: systemId,
    status: v.optional(names(STATUS_NAMES, 'a system status')),
    upgrade: v.optional(names(UPGRADE_STATES, 'an Active Upgrade state')),
    softwareVersion: v.optional(nonEmptyText(40)),
    applicationUp: v.optional(bool()),
    gatewayLinkUp: v.optional(bool()),
  }),
  v.check(
    (p) =>
      p.status !== undefined ||
      p.upgrade !== undefined ||
      p.softwareVersion !== undefined ||
      p.applicationUp !== undefined ||
      p.gatewayLinkUp !== undefined,
    'a system check needs one of status, upgrade, softwareVersion, applicationUp, gatewayLinkUp',
  ),
);

/** Which optional event fields make sense for which kind. */
const EVENT_FIELDS: Record<string, readonly string[]> = {
  from: ['state', 'system', 'trap'],
  to: ['state', 'system', 'trap'],
  trap: ['trap'],
  status: ['serviceCall'],
  path: ['serviceCall'],
  metric: ['alert'],
};

const eventSchema = v.pipe(
  strict({
    check: v.literal('event'),
    label,
    kind: oneOf(EVENT_KINDS, 'an event kind, one of'),
    target: v.optional(componentId),
    system: v.optional(systemId),
    from: v.optional(nonEmptyText(40)),
    to: v.optional(nonEmptyText(40)),
    trap: v.optional(oneOf(TRAP_KINDS, 'a trap type, one of')),
    status: v.optional(oneOf(CALL_STATUSES, 'a service call status, one of')),
    path: v.optional(nonEmptyText(40)),
    metric: v.optional(oneOf(ALERT_METRICS, 'a SAM metric, one of')),
    severity: v.optional(oneOf(SEVERITIES, 'a severity, one of')),
    text: v.optional(nonEmptyText(200)),
    withinMs: v.optional(simMs(1, MAX_SIM_MS)),
    scope,
    atLeast: v.optional(integer(1, 1000, 'a count')),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const p = dataset.value as Record<string, unknown> & { kind: string };
    const at = (key: string): [v.IssuePathItem] => [
      { type: 'object', origin: 'value', input: p, key, value: p[key] },
    ];
    for (const [field, kinds] of Object.entries(EVENT_FIELDS)) {
      if (p[field] !== undefined && !kinds.includes(p.kind)) {
        addIssue({
          message: `"${field}" applies to ${kinds.join(' and ')} events, not to ${quote(p.kind)} events`,
          path: at(field),
        });
      }
    }
    for (const field of ['from', 'to']) {
      const value = p[field];
      const valid = p.kind === 'system' ? STATUS_NAMES : STATE_NAMES;
      if (
        value !== undefined &&
        EVENT_FIELDS[field].includes(p.kind) &&
        !valid.includes(value as string)
      ) {
        addIssue({
          message: `expected ${p.kind === 'system' ? 'a system status' : 'a state name'}, one of ${valid.join(', ')}; got ${quote(value)}`,
          path: at(field),
        });
      }
    }
  }),
);

const counterSchema = strict({
  check: v.literal('counter'),
  label,
  system: systemId,
  counter: oneOf(COUNTER_NAMES, 'a counter, one of'),
  op: oneOf(COMPARE_OPS, 'a comparison, one of'),
  value: v.pipe(
    v.number((i) => `expected a number, got ${quote(i.input)}`),
    v.check((n) => Number.isFinite(n), 'expected a finite number'),
  ),
  scope,
});

const fieldValue = v.union(
  [text(200), v.number(), v.boolean()],
  (i) => `expected text, a number or true/false; got ${quote(i.input)}`,
);

const actionSchema = v.pipe(
  strict({
    check: v.literal('action'),
    label,
    do: oneOf(ACTION_KINDS, 'an action, one of'),
    target: v.optional(
      v.union(
        [componentId, systemId],
        (i) => `expected a component or system id like "A.cpu-1" or "A", got ${quote(i.input)}`,
      ),
    ),
    with: v.optional(
      v.pipe(
        v.record(v.string(), fieldValue, 'expected an object of command fields'),
        v.check((r) => Object.keys(r).length <= 8, 'expected at most 8 fields'),
      ),
    ),
    unsafe: v.optional(bool()),
    ok: v.optional(bool()),
    done: v.optional(bool()),
    scope,
  }),
  v.forward(
    v.check(
      (p) => p.unsafe === undefined || p.do === 'pull',
      '"unsafe" applies to pull actions only',
    ),
    ['unsafe'],
  ),
);

const answerSchema = strict({
  check: v.literal('answer'),
  label,
  question: nonEmptyText(60),
  scope,
});

const serviceCallSchema = strict({
  check: v.literal('serviceCall'),
  label,
  target: v.optional(componentId),
  system: v.optional(systemId),
  status: v.optional(names(CALL_STATUSES, 'a service call status')),
  path: v.optional(nonEmptyText(40)),
});

const dumpSchema = strict({
  check: v.literal('dump'),
  label,
  system: v.optional(systemId),
  target: v.optional(componentId),
  cause: v.optional(oneOf(['crash', 'requested'] as const, 'a dump cause,')),
  completed: v.optional(bool()),
});

const KINDS = [
  'component',
  'system',
  'event',
  'counter',
  'action',
  'answer',
  'serviceCall',
  'dump',
  'all',
  'any',
  'not',
] as const;

/**
 * Any predicate, nested up to {@link MAX_PREDICATE_DEPTH} levels of all/any/not.
 *
 * @example
 * v.parse(predicateSchema, { check: 'component', target: 'A.cpu-1', state: 'duplex' });
 */
export const predicateSchema: v.GenericSchema<Predicate> = v.pipe(
  v.variant(
    'check',
    [
      componentSchema,
      systemSchema,
      eventSchema,
      counterSchema,
      actionSchema,
      answerSchema,
      serviceCallSchema,
      dumpSchema,
      strict({
        check: v.literal('all'),
        label,
        of: list(
          v.lazy(() => predicateSchema),
          MAX_PREDICATE_ITEMS,
          1,
        ),
      }),
      strict({
        check: v.literal('any'),
        label,
        of: list(
          v.lazy(() => predicateSchema),
          MAX_PREDICATE_ITEMS,
          1,
        ),
      }),
      strict({
        check: v.literal('not'),
        label,
        of: v.lazy(() => predicateSchema),
      }),
    ],
    (i) =>
      i.expected === 'Object'
        ? `expected a check object like { "check": "component", "target": "A.cpu-1", "state": "duplex" }, got ${quote(i.input)}`
        : `expected "check" to be one of ${KINDS.join(', ')}; got ${quote(i.input)}`,
  ),
  v.check(
    (p) => depth(p as Predicate) <= MAX_PREDICATE_DEPTH,
    `checks nest at most ${MAX_PREDICATE_DEPTH} levels deep (all/any/not)`,
  ),
) as v.GenericSchema<Predicate>;

function depth(p: Predicate): number {
  if (p.check === 'all' || p.check === 'any') return 1 + Math.max(0, ...p.of.map(depth));
  if (p.check === 'not') return 1 + depth(p.of);
  return 0;
}
