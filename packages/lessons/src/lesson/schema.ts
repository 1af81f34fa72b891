/**
 * The schema of a lesson file (after its variables are substituted), with field-naming messages.
 * See docs/lessons.md for the format with an annotated example.
 */
import * as v from 'valibot';
import { predicateSchema } from '../predicate/schema.ts';
import { scenarioStepsSchema, solutionStepSchema } from '../scenario/schema.ts';
import {
  integer,
  list,
  MAX_SIM_MS,
  nonEmptyText,
  oneOf,
  seed,
  simMs,
  strict,
} from '../schema/fields.ts';
import { rackRefSchema } from '../schema/rack.ts';
import type { Lesson, PenaltyKind } from './types.ts';

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const PENALTY_KINDS = [
  'unsafe-pull',
  'pull-healthy-partner',
  'pull-healthy',
  'system-down',
  'wrong-answer',
] as const satisfies readonly PenaltyKind[];

/** Lesson and step ids: lower-case words joined by dashes, e.g. `cpu-hot-swap`. */
export const LESSON_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Variable names and record fields: `cpu`, `faultTarget`. */
export const VARIABLE_NAME_PATTERN = /^[a-z][A-Za-z0-9]{0,31}$/;

export const MAX_STEPS = 40;
export const MAX_CHECKS = 12;
export const MAX_HINTS = 6;
export const MAX_POINTS = 1000;

const id = (what: string) =>
  v.pipe(
    nonEmptyText(60),
    v.regex(
      LESSON_ID_PATTERN,
      `expected ${what} of lower-case words joined by dashes, like "cpu-hot-swap"`,
    ),
  );

const points = integer(0, MAX_POINTS, 'points');

const questionSchema = v.pipe(
  strict({
    id: id('a question id'),
    prompt: nonEmptyText(500),
    options: list(strict({ value: nonEmptyText(200), label: nonEmptyText(300) }), 8, 2),
    answer: nonEmptyText(200),
    explanation: v.optional(nonEmptyText(1000)),
  }),
  v.forward(
    v.check(
      (q) => q.options.some((o) => o.value === q.answer),
      'the answer must be the value of one of the options',
    ),
    ['answer'],
  ),
  v.forward(
    v.check(
      (q) => new Set(q.options.map((o) => o.value)).size === q.options.length,
      'option values must differ',
    ),
    ['options'],
  ),
);

const stepSchema = strict({
  id: id('a step id'),
  title: nonEmptyText(200),
  text: nonEmptyText(),
  actions: v.optional(scenarioStepsSchema),
  question: v.optional(questionSchema),
  checks: list(predicateSchema, MAX_CHECKS, 1),
  hints: v.optional(list(strict({ text: nonEmptyText(1000), cost: points }), MAX_HINTS)),
  solution: list(solutionStepSchema, 200, 1),
  solutionText: v.optional(nonEmptyText(2000)),
  points,
  feedback: strict({ pass: nonEmptyText(2000), fail: v.optional(nonEmptyText(2000)) }),
});

/** A lesson with its variables already substituted. */
export const lessonSchema = v.pipe(
  strict({
    id: id('a lesson id'),
    title: nonEmptyText(200),
    summary: nonEmptyText(1000),
    level: oneOf(LEVELS, 'a level, one of'),
    minutes: integer(1, 600, 'minutes'),
    kind: v.optional(oneOf(['lesson', 'drill'] as const, 'one of'), 'lesson'),
    symptom: v.optional(nonEmptyText(1000)),
    rack: rackRefSchema,
    seed,
    // Checked separately (before substitution); kept here so that the whole file validates.
    variables: v.optional(v.array(v.unknown()), []),
    timeLimitMs: v.optional(simMs(1000, MAX_SIM_MS)),
    timeBonus: v.optional(strict({ points, targetMs: simMs(1000, MAX_SIM_MS) })),
    penalties: v.optional(
      list(
        strict({
          kind: oneOf(PENALTY_KINDS, 'a penalty kind, one of'),
          points,
          explanation: v.optional(nonEmptyText(1000)),
        }),
        PENALTY_KINDS.length,
      ),
    ),
    steps: list(stepSchema, MAX_STEPS, 1),
  }),
  v.forward(
    v.check(
      (l) => new Set(l.steps.map((s) => s.id)).size === l.steps.length,
      'step ids must differ',
    ),
    ['steps'],
  ),
  v.forward(
    v.check(
      (l) => new Set((l.penalties ?? []).map((p) => p.kind)).size === (l.penalties ?? []).length,
      'each penalty kind may appear once',
    ),
    ['penalties'],
  ),
  v.forward(
    v.check((l) => l.kind !== 'drill' || l.symptom !== undefined, 'a drill needs a "symptom"'),
    ['symptom'],
  ),
) as unknown as v.GenericSchema<Omit<Lesson, 'variables'> & { variables: unknown[] }>;

const variableValue = v.union(
  [
    nonEmptyText(200),
    v.pipe(
      v.record(
        v.pipe(v.string(), v.regex(VARIABLE_NAME_PATTERN, 'expected a field name like "target"')),
        nonEmptyText(1000),
        'expected text or an object of texts',
      ),
      v.check(
        (r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 16,
        'expected 1..16 fields',
      ),
    ),
  ],
  'expected text or an object of texts like { "target": "A.cpu-1" }',
);

/** The `variables` block, checked before anything is substituted. */
export const variablesSchema = v.pipe(
  list(
    v.pipe(
      strict({
        name: v.pipe(
          nonEmptyText(32),
          v.regex(
            VARIABLE_NAME_PATTERN,
            'expected a variable name like "cpu" (letters and digits)',
          ),
        ),
        pool: list(variableValue, 64, 1),
      }),
      v.forward(
        v.check((d) => {
          const shape = (x: unknown) =>
            typeof x === 'string'
              ? ''
              : Object.keys(x as object)
                  .sort()
                  .join();
          return d.pool.every((x) => shape(x) === shape(d.pool[0]));
        }, 'every value of a pool must have the same shape (all texts, or objects with the same fields)'),
        ['pool'],
      ),
    ),
    16,
  ),
  v.check((l) => new Set(l.map((d) => d.name)).size === l.length, 'variable names must differ'),
);
