import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ProgressSchema } from '@ft/classroom/protocol';
import {
  type Attempt,
  instantiate,
  type LessonInstance,
  parseLesson,
  startAttempt,
} from '@ft/lessons';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  cut,
  freeCounters,
  lessonCounters,
  progressEvents,
  progressNews,
  worstStatus,
} from './progress.ts';

function shippedLesson(file: string, seed: number): LessonInstance {
  const path = fileURLToPath(new URL(`../../../../../public/lessons/${file}`, import.meta.url));
  const source = parseLesson(readFileSync(path, 'utf8'));
  if (!source.ok) throw new Error(JSON.stringify(source.issues));
  const lesson = instantiate(source.value, seed);
  if (!lesson.ok) throw new Error(JSON.stringify(lesson.issues));
  return lesson.value;
}

const twin = { systemStatus: 'duplex', simTimeMs: 61_234.5 } as const;

function passStep(attempt: Attempt, index: number, elapsedMs: number): Attempt {
  const steps = attempt.steps.map((s, i) => (i === index ? { ...s, passedAtMs: 50_000 } : s));
  return { ...attempt, steps, stepIndex: index + 1, elapsedMs };
}

describe('worstStatus', () => {
  it('takes the worst system of the rack', () => {
    expect(worstStatus(['triplex', 'duplex', 'simplex'])).toBe('simplex');
    expect(worstStatus(['duplex', 'down'])).toBe('down');
    expect(worstStatus(['triplex'])).toBe('triplex');
  });
  it('says booting while nothing is known yet', () => {
    expect(worstStatus([])).toBe('booting');
    expect(worstStatus(['unknown'])).toBe('booting');
  });
});

describe('lesson progress', () => {
  const lesson = shippedLesson('cpu-hot-swap.json', 5);

  it('counts step, score, mistakes and time of an attempt, as the server accepts them', () => {
    const counters = lessonCounters(lesson, startAttempt(lesson), twin);
    expect(counters).toMatchObject({
      lessonId: 'cpu-hot-swap',
      stepIndex: 0,
      stepsTotal: lesson.steps.length,
      score: 0,
      mistakes: 0,
      systemStatus: 'duplex',
      finished: false,
      simTimeMs: 61_235,
    });
    expect(counters.maxScore).toBeGreaterThan(0);
    expect(v.safeParse(ProgressSchema, counters).success).toBe(true);
  });

  it('reports each step passed once, with its points and the trainee time', () => {
    const start = startAttempt(lesson);
    const one = passStep(start, 0, 30_000);
    const news = progressNews(lesson, start, one);
    expect(news).toEqual([
      {
        stepPassed: {
          index: 0,
          title: lesson.steps[0].title,
          atMs: 30_000,
          points: lesson.steps[0].points,
        },
      },
    ]);
    expect(progressNews(lesson, one, one)).toEqual([]);
    for (const event of progressEvents(lessonCounters(lesson, one, twin), news)) {
      expect(v.safeParse(ProgressSchema, event).success).toBe(true);
    }
  });

  it('reports new mistakes, cut to what the server takes', () => {
    const start = startAttempt(lesson);
    const mistake = {
      kind: 'pull-healthy' as const,
      timeMs: 9_000,
      points: 5,
      what: `Pulled ${'a very long name '.repeat(20)}`,
      realFtServer: 'It would have kept running.',
      actionIndex: 0,
    };
    const after = { ...start, mistakes: [mistake], elapsedMs: 12_000 };
    const news = progressNews(lesson, start, after);
    expect(news).toHaveLength(1);
    expect(news[0].mistake?.atMs).toBe(12_000);
    expect(news[0].mistake?.text.length).toBe(200);
    const [event] = progressEvents(lessonCounters(lesson, after, twin), news);
    expect(event.mistakes).toBe(1);
    expect(v.safeParse(ProgressSchema, event).success).toBe(true);
  });

  it('sends the counters alone when nothing new happened', () => {
    const counters = freeCounters(5_000, twin);
    expect(progressEvents(counters, [])).toEqual([counters]);
    expect(counters).toMatchObject({ lessonId: null, stepsTotal: 0, elapsedMs: 5_000 });
    expect(v.safeParse(ProgressSchema, counters).success).toBe(true);
  });
});

describe('cut', () => {
  it('keeps one line within the limit', () => {
    expect(cut('  two\n lines ', 40)).toBe('two lines');
    expect(cut('abcdef', 4)).toBe('abc…');
  });
});
