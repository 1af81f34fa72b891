/**
 * Schemas of scenario steps and scenarios, and `parseScenario`, which never throws and names the
 * step and field of the first problem: `steps[3].target: expected a component id like "A.cpu-1"`.
 */
import * as v from 'valibot';
import { predicateSchema } from '../predicate/schema.ts';
import { commandSchema, FAULT_KINDS, faultDetailSchema, faultsFor } from '../schema/command.ts';
import {
  bool,
  COMPONENT_ID_PATTERN,
  componentId,
  kindOfId,
  list,
  MAX_SIM_MS,
  nonEmptyText,
  oneOf,
  seed,
  simMs,
  strict,
  text,
} from '../schema/fields.ts';
import { quote, type Parsed } from '../schema/issues.ts';
import { parseJson, parseWith } from '../schema/parse.ts';
import { rackRefSchema } from '../schema/rack.ts';
import { SYSTEM_ID_PATTERN } from '@ft/hardware';
import type { Scenario, ScenarioStep, SolutionStep } from './types.ts';

/** Most steps in one scenario (or one lesson step's actions or solution). */
export const MAX_SCENARIO_STEPS = 500;
/** Longest caption, in characters. */
export const MAX_CAPTION_CHARS = 500;
/** Longest wall-clock hold: ten minutes. */
export const MAX_HOLD_MS = 600_000;
/** Fastest speed as a number (beyond it, use 'max'). */
export const MAX_SPEED = 100_000;

export const SCENARIO_STEP_KINDS = [
  'inject',
  'pull',
  'insert',
  'command',
  'speed',
  'camera',
  'select',
  'caption',
  'wait',
  'hold',
  'warp',
  'reset',
] as const;

const note = v.optional(text(500));

const CAMERA_EXAMPLE = `"front", "rear", "overview", "system:A" or "part:A.cpu-1"`;

/** Is `value` a camera target: a preset, `system:ID` or `part:COMPONENT-ID`? */
export function isCameraTarget(value: string): boolean {
  if (value === 'front' || value === 'rear' || value === 'overview') return true;
  if (value.startsWith('system:')) return SYSTEM_ID_PATTERN.test(value.slice(7));
  if (value.startsWith('part:')) return COMPONENT_ID_PATTERN.test(value.slice(5));
  return false;
}

const cameraTarget = v.pipe(
  v.string((i) => `expected a camera view, ${CAMERA_EXAMPLE}; got ${quote(i.input)}`),
  v.check(
    isCameraTarget,
    (i) => `expected a camera view, ${CAMERA_EXAMPLE}; got ${quote(i.input)}`,
  ),
);

const speed = v.union(
  [
    v.literal('max'),
    v.pipe(
      v.number(),
      v.check((n) => Number.isFinite(n) && n >= 0 && n <= MAX_SPEED),
    ),
  ],
  (i) => `expected a speed: a number 0..${MAX_SPEED} (0 pauses) or "max"; got ${quote(i.input)}`,
);

const injectStep = v.pipe(
  strict({
    do: v.literal('inject'),
    note,
    target: componentId,
    fault: oneOf(FAULT_KINDS, 'a fault, one of'),
    detail: v.optional(faultDetailSchema),
  }),
  v.forward(
    v.check(
      (s) => faultsFor(s.target).includes(s.fault),
      (i) => {
        const s = i.input as { target: string; fault: string };
        return `${s.target} cannot suffer ${quote(s.fault)}; a ${kindOfId(s.target)} can suffer: ${faultsFor(s.target).join(', ')}`;
      },
    ),
    ['fault'],
  ),
);

const waitStep = v.pipe(
  strict({
    do: v.literal('wait'),
    note,
    ms: v.optional(simMs(0, MAX_SIM_MS)),
    until: v.optional(predicateSchema),
    timeoutMs: v.optional(simMs(1, MAX_SIM_MS)),
  }),
  v.check(
    (s) => (s.ms === undefined) !== (s.until === undefined),
    'a wait needs either "ms" (simulated time) or "until" (a check) with "timeoutMs"',
  ),
  v.forward(
    v.check(
      (s) => s.until === undefined || s.timeoutMs !== undefined,
      'a wait "until" a check needs "timeoutMs" (simulated ms): the check may never hold',
    ),
    ['timeoutMs'],
  ),
  v.forward(
    v.check(
      (s) => s.until !== undefined || s.timeoutMs === undefined,
      '"timeoutMs" goes with "until"',
    ),
    ['timeoutMs'],
  ),
);

const scenarioVariants = [
  injectStep,
  strict({ do: v.literal('pull'), note, target: componentId, force: v.optional(bool()) }),
  strict({
    do: v.literal('insert'),
    note,
    target: componentId,
    replacement: v.optional(bool('true (a new part) or false (the same one)')),
  }),
  strict({ do: v.literal('command'), note, command: commandSchema }),
  strict({ do: v.literal('speed'), note, speed }),
  strict({ do: v.literal('camera'), note, view: cameraTarget }),
  strict({
    do: v.literal('select'),
    note,
    target: v.nullable(componentId),
  }),
  strict({
    do: v.literal('caption'),
    note,
    text: v.nullable(nonEmptyText(MAX_CAPTION_CHARS)),
  }),
  waitStep,
  strict({ do: v.literal('hold'), note, ms: simMs(0, MAX_HOLD_MS) }),
  strict({ do: v.literal('warp'), note, limitMs: simMs(1, MAX_SIM_MS) }),
  strict({ do: v.literal('reset'), note }),
] as const;

function stepMessage(kinds: readonly string[]) {
  return (i: v.BaseIssue<unknown>) =>
    i.expected === 'Object'
      ? `expected a step object like { "do": "pull", "target": "A.cpu-1" }, got ${quote(i.input)}`
      : `expected "do" to be one of ${kinds.join(', ')}; got ${quote(i.input)}`;
}

/** One scenario step. */
export const scenarioStepSchema = v.variant(
  'do',
  scenarioVariants,
  stepMessage(SCENARIO_STEP_KINDS),
) as v.GenericSchema<ScenarioStep>;

/** One step of a lesson solution: any scenario step, or an answer. */
export const solutionStepSchema = v.variant(
  'do',
  [
    ...scenarioVariants,
    strict({
      do: v.literal('answer'),
      note,
      question: nonEmptyText(60),
      value: nonEmptyText(200),
    }),
  ],
  stepMessage([...SCENARIO_STEP_KINDS, 'answer']),
) as v.GenericSchema<SolutionStep>;

export const scenarioStepsSchema = list(scenarioStepSchema, MAX_SCENARIO_STEPS);

/**
 * A scenario document.
 *
 * @example
 * v.parse(scenarioSchema, { steps: [{ do: 'inject', target: 'A.cpu-1', fault: 'stuck-at' }] });
 */
export const scenarioSchema = strict(
  {
    title: v.optional(nonEmptyText(200)),
    rack: v.optional(rackRefSchema),
    seed: v.optional(seed),
    loop: v.optional(bool()),
    onError: v.optional(oneOf(['continue', 'stop'] as const, 'one of')),
    steps: list(scenarioStepSchema, MAX_SCENARIO_STEPS, 1),
  },
  'a scenario object { steps: [...] }',
) as v.GenericSchema<Scenario>;

/**
 * Parses a scenario: an object `{ steps: [...] }`, a bare array of steps, or JSON text of
 * either. Never throws; on a bad one the issues name the step index and field.
 *
 * @example
 * const r = parseScenario('[{"do":"pull","target":"A.cpu-9x"}]');
 * r.ok || r.issues[0]; // { path: 'steps[0].target', message: 'expected a component id like "A.cpu-1", got "A.cpu-9x"' }
 */
export function parseScenario(input: unknown): Parsed<Scenario> {
  let value = input;
  if (typeof input === 'string') {
    const json = parseJson(input);
    if (!json.ok) return json;
    value = json.value;
  }
  if (Array.isArray(value)) value = { steps: value };
  return parseWith(scenarioSchema, value);
}
