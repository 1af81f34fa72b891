/**
 * Loading what the lesson pages show: the lesson index, a lesson by id or from a local file, and
 * a session from a file or a share link. Every failure becomes a {@link PageProblem} that names
 * the file and the field, with values quoted and cut, so that a page never stays blank.
 */
import {
  decodeSession,
  formatIssue,
  LESSON_ID_PATTERN,
  type FieldIssue,
  type LessonIndex,
  type LessonIndexEntry,
  type LessonSource,
  MAX_SESSION_JSON_BYTES,
  parseLesson,
  parseLessonIndex,
  parseSession,
  quote,
  type Session,
} from '@ft/lessons';

/** What went wrong, for an error panel: a title and the problems, one line each. */
export interface PageProblem {
  title: string;
  problems: string[];
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; problem: PageProblem };

/** Largest lesson file accepted from disk (the shipped ones are under 20 KB). */
export const MAX_LESSON_FILE_BYTES = 1024 * 1024;
/** Most problems listed at once: a person fixes one field at a time. */
const MAX_PROBLEMS = 5;

export type Fetcher = (
  url: string,
) => Promise<Pick<Response, 'ok' | 'status' | 'statusText' | 'text'>>;

function fail<T>(title: string, problems: string[]): Loaded<T> {
  return { ok: false, problem: { title, problems: problems.slice(0, MAX_PROBLEMS) } };
}

function issueLines(issues: readonly FieldIssue[]): string[] {
  return issues.map(formatIssue);
}

/** The text at `url`, or a problem naming the file and what the server or network said. */
async function fetchText(fetcher: Fetcher, url: string, what: string): Promise<Loaded<string>> {
  let response: Awaited<ReturnType<Fetcher>>;
  try {
    response = await fetcher(url);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(`${what} could not be loaded`, [`${url}: ${why.slice(0, 160)}`]);
  }
  if (!response.ok) {
    const status = `${response.status} ${response.statusText}`.trim();
    return fail(`${what} could not be loaded`, [`${url}: the server answered ${status}`]);
  }
  try {
    return { ok: true, value: await response.text() };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(`${what} could not be loaded`, [`${url}: ${why.slice(0, 160)}`]);
  }
}

/**
 * The lesson index (`lessons/index.json` under `base`).
 *
 * @example
 * const index = await loadIndex(fetch, '/lessons/');
 * if (index.ok) index.value.lessons.map((l) => l.title);
 */
export async function loadIndex(fetcher: Fetcher, base: string): Promise<Loaded<LessonIndex>> {
  const url = `${base}index.json`;
  const text = await fetchText(fetcher, url, 'The list of lessons');
  if (!text.ok) return text;
  const parsed = parseLessonIndex(text.value);
  if (!parsed.ok)
    return fail(`The list of lessons (${url}) is not valid`, issueLines(parsed.issues));
  return parsed;
}

/** Why `id` cannot name a lesson, or null when it can. */
export function lessonIdProblem(id: string): string | null {
  if (id.length === 0) return 'no lesson id given';
  if (id.length > 60 || !LESSON_ID_PATTERN.test(id)) {
    return `${quote(id)} is not a lesson id (lowercase words joined by dashes, like "cpu-hot-swap")`;
  }
  return null;
}

/**
 * The lesson with id `id`: looked up in the index, fetched, checked (for every variable value,
 * against its rack), and checked to be the lesson the index says.
 */
export async function loadLessonById(
  fetcher: Fetcher,
  base: string,
  id: string,
): Promise<Loaded<{ source: LessonSource; entry: LessonIndexEntry }>> {
  const bad = lessonIdProblem(id);
  if (bad) return fail('This lesson cannot be opened', [bad]);
  const index = await loadIndex(fetcher, base);
  if (!index.ok) return index;
  const entry = index.value.lessons.find((l) => l.id === id);
  if (!entry) {
    return fail('This lesson cannot be opened', [
      `there is no lesson ${quote(id)} in the list of lessons; choose one below`,
    ]);
  }
  const url = `${base}${entry.file}`;
  const text = await fetchText(fetcher, url, `The lesson file ${entry.file}`);
  if (!text.ok) return text;
  const source = lessonFromText(text.value, entry.file);
  if (!source.ok) return source;
  if (source.value.preview.id !== id) {
    return fail(`The lesson file ${entry.file} is not valid`, [
      `id: the file holds lesson ${quote(source.value.preview.id)}, the list says ${quote(id)}`,
    ]);
  }
  return { ok: true, value: { source: source.value, entry } };
}

/**
 * A lesson from JSON text (a fetched file or one a trainer opened), with its problems named.
 *
 * @example
 * const r = lessonFromText(await file.text(), file.name);
 * if (!r.ok) show(r.problem); // { title: 'The lesson file x.json is not valid', problems: ['steps[0].checks: …'] }
 */
export function lessonFromText(text: string, fileName: string): Loaded<LessonSource> {
  const parsed = parseLesson(text);
  if (!parsed.ok) {
    return fail(`The lesson file ${quote(fileName)} is not valid`, issueLines(parsed.issues));
  }
  return parsed;
}

/** A session from a file's text. */
export function sessionFromText(text: string, fileName: string): Loaded<Session> {
  const parsed = parseSession(text);
  if (!parsed.ok) {
    return fail(
      `The session file ${quote(fileName)} cannot be replayed`,
      issueLines(parsed.issues),
    );
  }
  return parsed;
}

/** A session from a share link's fragment (`#session=…`). */
export function sessionFromFragment(hash: string): Loaded<Session> {
  const decoded = decodeSession(hash);
  if (!decoded.ok) {
    return fail('This share link cannot be replayed', issueLines(decoded.issues));
  }
  return decoded;
}

/** A file that a person opened or dropped (the part of `File` used here). */
export interface OpenedFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** Reads a local file's text, refusing one too large for what it should be. */
export async function readOpenedFile(
  file: OpenedFile,
  maxBytes: number,
  what: string,
): Promise<Loaded<string>> {
  if (file.size > maxBytes) {
    return fail(`The ${what} ${quote(file.name)} cannot be opened`, [
      `it is ${file.size} bytes; a ${what} is at most ${maxBytes} bytes`,
    ]);
  }
  try {
    return { ok: true, value: await file.text() };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(`The ${what} ${quote(file.name)} cannot be read`, [why.slice(0, 160)]);
  }
}

/** Largest session file accepted (what a share link may inflate to, as well). */
export const MAX_SESSION_FILE_BYTES = MAX_SESSION_JSON_BYTES;
