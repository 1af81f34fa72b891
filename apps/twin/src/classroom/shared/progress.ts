/**
 * What a trainee's page tells the roster: the counters of the lesson attempt now (step, score,
 * mistakes, trainee time, finished), the rack's status, the twin's simulated time, and each step
 * passed or mistake made since the last report. Pure: the trainee page feeds it the attempt from
 * the lesson player and the status from the twin.
 */
import type {
  MistakeRecord,
  ProgressInput,
  StepRecord,
  SystemStatusName,
} from '@ft/classroom/client';
import { type Attempt, type LessonInstance, scoreAttempt } from '@ft/lessons';

/** System statuses from worst to best (the engine's SystemStatus order). */
const STATUS_ORDER: readonly SystemStatusName[] = [
  'down',
  'booting',
  'simplex',
  'duplex',
  'triplex',
];
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_STEP_TITLE_CHARS = 120;
const MAX_MISTAKE_CHARS = 200;

/**
 * The worst status of a rack's systems (a mixed rack with one system down is "down").
 *
 * @example
 * worstStatus(['duplex', 'simplex']); // 'simplex'
 */
export function worstStatus(names: readonly string[]): SystemStatusName {
  let worst = STATUS_ORDER.length - 1;
  let known = false;
  for (const name of names) {
    const rank = STATUS_ORDER.indexOf(name as SystemStatusName);
    if (rank >= 0) {
      known = true;
      worst = Math.min(worst, rank);
    }
  }
  return known ? STATUS_ORDER[worst] : 'booting';
}

/** One line of people's text cut to `max` characters (the server refuses longer). */
export function cut(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

const clampMs = (ms: number) => Math.min(WEEK_MS, Math.max(0, Math.round(ms)));

export interface TwinFacts {
  systemStatus: SystemStatusName;
  simTimeMs: number;
}

/**
 * The counters of a running lesson.
 *
 * @example
 * lessonCounters(lesson, player.attempt, { systemStatus: 'duplex', simTimeMs: 61_000 });
 */
export function lessonCounters(
  lesson: LessonInstance,
  attempt: Attempt,
  twin: TwinFacts,
): ProgressInput {
  const score = scoreAttempt(lesson, attempt);
  return {
    lessonId: lesson.id,
    stepIndex: Math.min(attempt.stepIndex, 999),
    stepsTotal: Math.min(lesson.steps.length, 1000),
    score: score.score,
    maxScore: score.maxScore,
    mistakes: attempt.mistakes.length,
    systemStatus: twin.systemStatus,
    elapsedMs: clampMs(attempt.elapsedMs),
    finished: attempt.status !== 'running',
    simTimeMs: Math.max(0, Math.round(twin.simTimeMs)),
  };
}

/** The counters of a trainee without a lesson (free play): time since joining. */
export function freeCounters(elapsedMs: number, twin: TwinFacts): ProgressInput {
  return {
    lessonId: null,
    stepIndex: 0,
    stepsTotal: 0,
    score: 0,
    maxScore: 0,
    mistakes: 0,
    systemStatus: twin.systemStatus,
    elapsedMs: clampMs(elapsedMs),
    finished: false,
    simTimeMs: Math.max(0, Math.round(twin.simTimeMs)),
  };
}

export interface ProgressNews {
  stepPassed?: StepRecord;
  mistake?: MistakeRecord;
}

/**
 * Steps passed and mistakes made between two attempts, one item each (the server appends each
 * to the trainee's history; the report lists them with the trainee time they happened at).
 *
 * @example
 * progressNews(lesson, before, after); // [{ stepPassed: { index: 0, title, atMs, points: 10 } }]
 */
export function progressNews(
  lesson: LessonInstance,
  before: Attempt | null,
  after: Attempt,
): ProgressNews[] {
  const news: ProgressNews[] = [];
  const atMs = clampMs(after.elapsedMs);
  const score = scoreAttempt(lesson, after);
  after.steps.forEach((step, index) => {
    const was = before?.steps[index]?.passedAtMs ?? null;
    if (was === null && step.passedAtMs !== null) {
      news.push({
        stepPassed: {
          index,
          title: cut(lesson.steps[index]?.title ?? `Step ${index + 1}`, MAX_STEP_TITLE_CHARS),
          atMs,
          points: score.steps[index]?.earned ?? 0,
        },
      });
    }
  });
  for (const mistake of after.mistakes.slice(before?.mistakes.length ?? 0)) {
    news.push({ mistake: { atMs, text: cut(mistake.what, MAX_MISTAKE_CHARS) } });
  }
  return news;
}

/** The progress events to send: one per item of news (with the counters), or the counters. */
export function progressEvents(
  counters: ProgressInput,
  news: readonly ProgressNews[],
): ProgressInput[] {
  return news.length === 0 ? [counters] : news.map((item) => ({ ...counters, ...item }));
}
