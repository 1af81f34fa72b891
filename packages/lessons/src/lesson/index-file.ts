/**
 * The lesson index (`public/lessons/index.json`): the list a Lessons menu shows without loading
 * every file. Each entry repeats the lesson's id, title, level, minutes and kind; `pnpm lesson
 * check` verifies that they match the files.
 */
import * as v from 'valibot';
import { integer, list, nonEmptyText, oneOf, strict } from '../schema/fields.ts';
import type { FieldIssue, Parsed } from '../schema/issues.ts';
import { parseJson, parseWith } from '../schema/parse.ts';
import { LESSON_ID_PATTERN, LEVELS } from './schema.ts';
import type { Lesson } from './types.ts';

export interface LessonIndexEntry {
  id: string;
  /** File name relative to the index, e.g. `cpu-hot-swap.json`. */
  file: string;
  title: string;
  summary: string;
  level: Lesson['level'];
  minutes: number;
  kind: Lesson['kind'];
}

export interface LessonIndex {
  lessons: LessonIndexEntry[];
}

const entrySchema = strict({
  id: v.pipe(
    nonEmptyText(60),
    v.regex(LESSON_ID_PATTERN, 'expected a lesson id like "cpu-hot-swap"'),
  ),
  file: v.pipe(
    nonEmptyText(100),
    v.regex(/^[a-z0-9-]+\.json$/, 'expected a file name like "cpu-hot-swap.json" (no folders)'),
  ),
  title: nonEmptyText(200),
  summary: nonEmptyText(1000),
  level: oneOf(LEVELS, 'a level, one of'),
  minutes: integer(1, 600, 'minutes'),
  kind: oneOf(['lesson', 'drill'] as const, 'one of'),
});

export const lessonIndexSchema = v.pipe(
  strict({ lessons: list(entrySchema, 500, 1) }),
  v.forward(
    v.check(
      (x) => new Set(x.lessons.map((l) => l.id)).size === x.lessons.length,
      'lesson ids must differ',
    ),
    ['lessons'],
  ),
) as v.GenericSchema<LessonIndex>;

/** Is this JSON value an index (rather than a lesson)? */
export function looksLikeIndex(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'lessons' in value && !('steps' in value);
}

/**
 * @example
 * const r = parseLessonIndex(await (await fetch('/lessons/index.json')).text());
 */
export function parseLessonIndex(input: unknown): Parsed<LessonIndex> {
  let value = input;
  if (typeof input === 'string') {
    const json = parseJson(input);
    if (!json.ok) return json;
    value = json.value;
  }
  return parseWith(lessonIndexSchema, value);
}

/** Where an index entry disagrees with the lesson file it names. */
export function indexEntryIssues(
  entry: LessonIndexEntry,
  lesson: Lesson,
  path: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const key of ['id', 'title', 'summary', 'level', 'minutes', 'kind'] as const) {
    if (entry[key] !== lesson[key]) {
      issues.push({
        path: `${path}.${key}`,
        message: `${JSON.stringify(entry[key]).slice(0, 40)} differs from the lesson file's ${JSON.stringify(lesson[key]).slice(0, 40)}`,
      });
    }
  }
  return issues;
}
