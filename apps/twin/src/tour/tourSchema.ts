/**
 * The guided tour's file (`public/tours/*.json`): a title, the ftServer preset and seed, and
 * chapters. Each chapter plays on a stage (the ftServer twin alone, or the three twins of the
 * comparison), its `steps` are scenario steps (validated by @ft/lessons' parseScenario and
 * checked against the rack), and its `highlights` say which part of the page a step talks
 * about. `parseTour` never throws: it names the field of the first problems.
 */
import { PRESET_NAMES } from '@ft/hardware';
import {
  checkIds,
  type FieldIssue,
  type Parsed,
  parseScenario,
  quote,
  rackModelOf,
  type ScenarioStep,
  stepsIds,
} from '@ft/lessons';
import * as v from 'valibot';

export const STAGES = ['ftserver', 'compare'] as const;
export type Stage = (typeof STAGES)[number];

/** Parts of the page a highlight can point at, per stage. */
export const AREAS: Record<Stage, readonly string[]> = {
  ftserver: ['scene', 'status', 'lockstep', 'log', 'caption'],
  compare: ['cards', 'ftserver', 'cluster', 'conventional', 'caption'],
};
const ALL_AREAS = [...new Set(Object.values(AREAS).flat())];

export interface TourHighlight {
  /** Index of the chapter's step at which the highlight appears (it stays until the next). */
  step: number;
  area: string;
  /** A second caption line while the highlight shows. */
  text?: string;
}

export interface TourChapter {
  id: string;
  title: string;
  stage: Stage;
  steps: ScenarioStep[];
  highlights: TourHighlight[];
}

export interface Tour {
  title: string;
  rack: { preset: string };
  seed: number;
  chapters: TourChapter[];
}

export const MAX_CHAPTERS = 20;

const chapterShape = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected an id like "hot-swap"')),
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  stage: v.picklist(STAGES, `expected a stage, one of ${STAGES.join(', ')}`),
  note: v.optional(v.pipe(v.string(), v.maxLength(500))),
  highlights: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          step: v.pipe(v.number(), v.integer(), v.minValue(0)),
          area: v.picklist(ALL_AREAS, `expected an area, one of ${ALL_AREAS.join(', ')}`),
          text: v.optional(v.pipe(v.string(), v.maxLength(300))),
        }),
      ),
      v.maxLength(50),
    ),
  ),
  steps: v.pipe(v.array(v.unknown()), v.minLength(1)),
});

const tourShape = v.strictObject({
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
  rack: v.strictObject({
    preset: v.picklist(
      PRESET_NAMES,
      `expected an ftServer preset, one of ${PRESET_NAMES.join(', ')}`,
    ),
  }),
  seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffff_ffff)), 1),
  note: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  chapters: v.pipe(v.array(chapterShape), v.minLength(1), v.maxLength(MAX_CHAPTERS)),
});

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(root)';
}

/**
 * Validates a tour (parsed JSON or JSON text).
 *
 * @example
 * const parsed = parseTour(await (await fetch('/tours/sales.json')).json());
 * if (!parsed.ok) console.error(`${parsed.issues[0].path}: ${parsed.issues[0].message}`);
 */
export function parseTour(input: unknown): Parsed<Tour> {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      const why = e instanceof Error ? e.message.slice(0, 100) : 'not JSON';
      return { ok: false, issues: [{ path: '(root)', message: `not valid JSON (${why})` }] };
    }
  }
  const shaped = v.safeParse(tourShape, data);
  if (!shaped.success) {
    return {
      ok: false,
      issues: shaped.issues.slice(0, 5).map((issue) => ({
        path: pathOf(issue),
        message:
          issue.input === undefined
            ? issue.message
            : `${issue.message} (got ${quote(issue.input)})`,
      })),
    };
  }
  const raw = shaped.output;
  const rack = rackModelOf(raw.rack);
  const issues: FieldIssue[] = [];
  const chapters: TourChapter[] = [];
  const ids = new Set<string>();
  raw.chapters.forEach((chapter, i) => {
    const at = `chapters[${i}]`;
    if (ids.has(chapter.id))
      issues.push({ path: `${at}.id`, message: `duplicate id ${quote(chapter.id)}` });
    ids.add(chapter.id);
    const scenario = parseScenario({ steps: chapter.steps });
    if (!scenario.ok) {
      for (const issue of scenario.issues)
        issues.push({ path: `${at}.${issue.path}`, message: issue.message });
      return;
    }
    const steps = scenario.value.steps;
    for (const issue of checkIds(stepsIds(steps, `${at}.steps`), rack, raw.rack.preset))
      issues.push(issue);
    const highlights = chapter.highlights ?? [];
    highlights.forEach((h, k) => {
      if (h.step >= steps.length)
        issues.push({
          path: `${at}.highlights[${k}].step`,
          message: `the chapter has ${steps.length} steps (0..${steps.length - 1}), got ${h.step}`,
        });
      if (!AREAS[chapter.stage].includes(h.area))
        issues.push({
          path: `${at}.highlights[${k}].area`,
          message: `${quote(h.area)} is not on the ${chapter.stage} stage; areas there: ${AREAS[chapter.stage].join(', ')}`,
        });
    });
    chapters.push({
      id: chapter.id,
      title: chapter.title,
      stage: chapter.stage,
      steps,
      highlights: [...highlights].sort((a, b) => a.step - b.step),
    });
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { title: raw.title, rack: raw.rack, seed: raw.seed, chapters } };
}
