/**
 * The lessons and drills a class can be given: `lessons/index.json` beside the app and the lesson
 * files it names, fetched once each and checked with @ft/lessons. Both classroom pages use it:
 * the instructor to offer lessons and to know each one's rack (for the fault picker), the
 * trainee to play the one assigned. Failures are errors that name the file and the field.
 */
import {
  formatIssue,
  instantiate,
  type LessonIndexEntry,
  type LessonInstance,
  type LessonSource,
  parseLesson,
  parseLessonIndex,
  quote,
} from '@ft/lessons';

export type Fetcher = (
  url: string,
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/** Where the lessons are, relative to the page (the app serves `public/` at its root). */
export const LESSONS_BASE = 'lessons/';

export class LessonCatalog {
  private index: Promise<LessonIndexEntry[]> | null = null;
  private readonly sources = new Map<string, Promise<LessonSource>>();

  constructor(
    private readonly baseUrl: string,
    private readonly fetcher: Fetcher = (url) => fetch(url),
  ) {}

  /** Every lesson and drill of the index, in its order. */
  entries(): Promise<LessonIndexEntry[]> {
    this.index ??= this.fetchText('index.json').then((text) => {
      const parsed = parseLessonIndex(text);
      if (!parsed.ok) throw new Error(`index.json: ${parsed.issues.map(formatIssue).join('; ')}`);
      return parsed.value.lessons;
    });
    this.index.catch(() => {
      this.index = null; // a later call tries again
    });
    return this.index;
  }

  /** The checked lesson file of `lessonId` (variables not drawn yet). */
  async source(lessonId: string): Promise<LessonSource> {
    let source = this.sources.get(lessonId);
    if (!source) {
      source = this.loadSource(lessonId);
      this.sources.set(lessonId, source);
      source.catch(() => this.sources.delete(lessonId));
    }
    return source;
  }

  /**
   * The lesson as a trainee plays it: variables drawn with `seed`.
   *
   * @example
   * const lesson = await catalog.instance('cpu-hot-swap', 7); // lesson.rack, lesson.steps
   */
  async instance(lessonId: string, seed: number): Promise<LessonInstance> {
    const made = instantiate(await this.source(lessonId), seed);
    if (!made.ok) throw new Error(`${lessonId}: ${made.issues.map(formatIssue).join('; ')}`);
    return made.value;
  }

  private async loadSource(lessonId: string): Promise<LessonSource> {
    const entry = (await this.entries()).find((e) => e.id === lessonId);
    if (!entry) throw new Error(`no lesson ${quote(lessonId)} in index.json`);
    const parsed = parseLesson(await this.fetchText(entry.file));
    if (!parsed.ok) {
      throw new Error(`${entry.file}: ${parsed.issues.slice(0, 3).map(formatIssue).join('; ')}`);
    }
    return parsed.value;
  }

  private async fetchText(file: string): Promise<string> {
    const url = new URL(file, this.baseUrl).href;
    let res: Awaited<ReturnType<Fetcher>>;
    try {
      res = await this.fetcher(url);
    } catch (error) {
      throw new Error(
        `${file} could not be fetched (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (!res.ok) throw new Error(`${file} could not be fetched (HTTP ${res.status})`);
    return res.text();
  }
}

/** The page's catalog: lessons beside the app. */
export function pageCatalog(): LessonCatalog {
  return new LessonCatalog(new URL(LESSONS_BASE, document.baseURI).href);
}
