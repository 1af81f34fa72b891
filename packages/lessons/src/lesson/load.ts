/**
 * Loading a lesson file: JSON, the variables block, then the lesson itself checked once for every
 * value of every pool (so that no seed can draw a broken lesson), including that every id it
 * names exists in its rack. `instantiate` draws the variables for a seed.
 */
import { predicateIds, stepsIds, checkIds, type IdRef } from '../scenario/ids.ts';
import { type FieldIssue, nestIssues, type Parsed } from '../schema/issues.ts';
import { parseJson, parseWith } from '../schema/parse.ts';
import { rackModelOf, rackName } from '../schema/rack.ts';
import { lessonSchema, variablesSchema } from './schema.ts';
import type { Lesson, LessonInstance, Variable, VariableValue } from './types.ts';
import { describeValues, drawVariables, nthValues, substitute } from './variables.ts';

/** A lesson file as loaded: its raw content and its variables, checked for every pool value. */
export interface LessonSource {
  raw: Record<string, unknown>;
  variables: Variable[];
  /** The lesson with the first value of every pool (for lists: id, title, level…). */
  preview: Lesson;
}

/** Ids named anywhere in a lesson, with their paths. */
export function lessonIds(lesson: Lesson): IdRef[] {
  return lesson.steps.flatMap((step, i) => [
    ...stepsIds(step.actions ?? [], `steps[${i}].actions`),
    ...stepsIds(step.solution, `steps[${i}].solution`),
    ...step.checks.flatMap((c, j) => predicateIds(c, `steps[${i}].checks[${j}]`)),
  ]);
}

function collectAnswerChecks(p: Lesson['steps'][number]['checks'][number], out: string[]): void {
  if (p.check === 'answer') out.push(p.question);
  else if (p.check === 'all' || p.check === 'any')
    for (const q of p.of) collectAnswerChecks(q, out);
  else if (p.check === 'not') collectAnswerChecks(p.of, out);
}

/** Checks the schema cannot express: questions referred to exist, ids exist in the rack. */
export function lessonIssues(lesson: Lesson): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const questions = new Set(lesson.steps.flatMap((s) => (s.question ? [s.question.id] : [])));
  lesson.steps.forEach((step, i) => {
    const asked: string[] = [];
    for (const c of step.checks) collectAnswerChecks(c, asked);
    for (const q of asked) {
      if (!questions.has(q))
        issues.push({ path: `steps[${i}].checks`, message: `no question "${q}" in this lesson` });
    }
    step.solution.forEach((s, j) => {
      if (s.do === 'answer' && s.question !== step.question?.id) {
        issues.push({
          path: `steps[${i}].solution[${j}].question`,
          message: `"${s.question}" is not this step's question${step.question ? ` (${step.question.id})` : ''}`,
        });
      }
    });
  });
  issues.push(...checkIds(lessonIds(lesson), rackModelOf(lesson.rack), rackName(lesson.rack)));
  return issues;
}

/** The raw value at a field path such as `steps[1].checks[0].target`, or undefined. */
function rawAt(raw: unknown, path: string): unknown {
  let at: unknown = raw;
  for (const [, key, index] of path.matchAll(/\.?([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key ?? index];
  }
  return at;
}

/** Says which variable values were used, for issues in fields written with placeholders. */
function withValues(
  raw: Record<string, unknown>,
  issues: FieldIssue[],
  values: Record<string, VariableValue>,
): FieldIssue[] {
  if (Object.keys(values).length === 0) return issues;
  return issues.map((i) => {
    const field = rawAt(raw, i.path);
    return typeof field === 'string' && field.includes('{{')
      ? { ...i, message: `${i.message} (with ${describeValues(values)})` }
      : i;
  });
}

/** Substitutes `values` into the raw lesson and checks the result. */
function build(
  raw: Record<string, unknown>,
  variables: Variable[],
  values: Record<string, VariableValue>,
): Parsed<Lesson> {
  const issues: FieldIssue[] = [];
  const { variables: declared, ...rest } = raw;
  const substituted = substitute(rest, values, issues) as Record<string, unknown>;
  if (issues.length > 0) return { ok: false, issues };
  const parsed = parseWith(lessonSchema, { ...substituted, variables: declared ?? [] });
  if (!parsed.ok) return { ok: false, issues: withValues(raw, parsed.issues, values) };
  const lesson = { ...(parsed.value as unknown as Lesson), variables };
  const semantic = lessonIssues(lesson);
  if (semantic.length > 0) return { ok: false, issues: withValues(raw, semantic, values) };
  return { ok: true, value: lesson };
}

/**
 * Loads and checks a lesson (JSON text or a parsed object). Never throws.
 *
 * @example
 * const r = parseLesson(readFileSync('public/lessons/cpu-hot-swap.json', 'utf8'));
 * if (!r.ok) console.error(r.issues[0]); // { path: 'steps[2].checks[0].target', message: '…' }
 */
export function parseLesson(input: unknown): Parsed<LessonSource> {
  let value = input;
  if (typeof input === 'string') {
    const json = parseJson(input);
    if (!json.ok) return json;
    value = json.value;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      issues: [{ path: '(root)', message: 'expected a lesson object { "id": …, "steps": [...] }' }],
    };
  }
  const raw = value as Record<string, unknown>;
  const vars = parseWith(variablesSchema, raw.variables ?? []);
  if (!vars.ok) return { ok: false, issues: nestIssues('variables', vars.issues) };
  const variables = vars.value as Variable[];
  const rounds = Math.max(1, ...variables.map((d) => d.pool.length));
  let preview: Lesson | null = null;
  for (let k = 0; k < rounds; k++) {
    const built = build(raw, variables, nthValues(variables, k));
    if (!built.ok) return built;
    preview ??= built.value;
  }
  return { ok: true, value: { raw, variables, preview: preview as Lesson } };
}

/**
 * The lesson as a trainee gets it: variables drawn with `seed` (default: the lesson's own) and
 * substituted; the engine runs with the same seed.
 *
 * @example
 * const lesson = instantiate(source, 42);
 * if (lesson.ok) lesson.value.drawn.cpu; // 'A.cpu-0' or 'A.cpu-1'
 */
export function instantiate(source: LessonSource, seed?: number): Parsed<LessonInstance> {
  const useSeed = seed ?? source.preview.seed;
  if (!Number.isInteger(useSeed) || useSeed < 0 || useSeed > 0xffffffff) {
    return {
      ok: false,
      issues: [
        {
          path: 'seed',
          message: `expected a seed in 0..4294967295, got ${String(useSeed).slice(0, 20)}`,
        },
      ],
    };
  }
  const drawn = drawVariables(source.variables, useSeed);
  const built = build(source.raw, source.variables, drawn);
  if (!built.ok) return built;
  return { ok: true, value: { ...built.value, seed: useSeed, drawn } };
}
