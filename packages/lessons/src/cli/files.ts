/** Reading lesson, index and session files for the CLI, each problem as one line. */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { indexEntryIssues, looksLikeIndex, parseLessonIndex } from '../lesson/index-file.ts';
import { type LessonSource, parseLesson } from '../lesson/load.ts';
import { firstProblem, formatIssue } from '../schema/issues.ts';
import { parseJson } from '../schema/parse.ts';

/** A mistake in how the CLI was called or in a file it was given (exit code 2). */
export class InputError extends Error {}

/** The file's text, or an InputError naming it. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(`${path}: cannot read the file (${code})`);
  }
}

/** A checked lesson, or an InputError `FILE: field: problem`. */
export function loadLessonFile(path: string): LessonSource {
  const parsed = parseLesson(readText(path));
  if (!parsed.ok) throw new InputError(firstProblem(path, parsed.issues));
  return parsed.value;
}

/**
 * Checks one file: a lesson, or the index (then also every lesson it lists, and that the
 * entries match them). Returns a one-line problem, or null when valid.
 */
export function checkFile(path: string): string | null {
  let text: string;
  try {
    text = readText(path);
  } catch (e) {
    return (e as Error).message;
  }
  const json = parseJson(text);
  if (!json.ok) return firstProblem(path, json.issues);
  if (!looksLikeIndex(json.value)) {
    const parsed = parseLesson(json.value);
    return parsed.ok ? null : firstProblem(path, parsed.issues);
  }
  const index = parseLessonIndex(json.value);
  if (!index.ok) return firstProblem(path, index.issues);
  for (const [i, entry] of index.value.lessons.entries()) {
    const file = join(dirname(path), entry.file);
    let lesson: LessonSource;
    try {
      lesson = loadLessonFile(file);
    } catch (e) {
      return `${path}: lessons[${i}].file: ${(e as Error).message}`;
    }
    const issues = indexEntryIssues(entry, lesson.preview, `lessons[${i}]`);
    if (issues.length > 0) return `${path}: ${formatIssue(issues[0])} (${basename(file)})`;
  }
  return null;
}
