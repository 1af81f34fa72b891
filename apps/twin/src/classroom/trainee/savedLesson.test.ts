import { startAttempt, type LessonInstance } from '@ft/lessons';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSavedLesson, saveLesson } from './savedLesson.ts';

const g = globalThis as { localStorage?: unknown };
let data: Map<string, string>;

beforeEach(() => {
  data = new Map();
  g.localStorage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
});
afterEach(() => {
  delete g.localStorage;
});

const lesson = {
  id: 'cpu-hot-swap',
  seed: 7,
  steps: [{ checks: [{}] }, { checks: [] }],
} as unknown as LessonInstance;
const saved = () => ({
  lessonId: 'cpu-hot-swap',
  seed: 7,
  attempt: { ...startAttempt(lesson), stepIndex: 1, elapsedMs: 30_000 },
  actions: [{ kind: 'select' as const, timeMs: 1200, target: 'A.cpu-1' }],
});

describe('saved lesson attempts', () => {
  it('come back for the same class, trainee, lesson and seed', () => {
    saveLesson('K7QH3M', 't1', saved());
    expect(loadSavedLesson('K7QH3M', 't1', 'cpu-hot-swap', 7)).toEqual(saved());
  });

  it('are not mixed up between trainees, lessons or seeds', () => {
    saveLesson('K7QH3M', 't1', saved());
    expect(loadSavedLesson('K7QH3M', 't2', 'cpu-hot-swap', 7)).toBeNull();
    expect(loadSavedLesson('K7QH3M', 't1', 'tmr-vote', 7)).toBeNull();
    expect(loadSavedLesson('K7QH3M', 't1', 'cpu-hot-swap', 8)).toBeNull();
  });

  it('ignore what they cannot read', () => {
    data.set('ft-classroom:lesson:K7QH3M:t1', '{"lessonId": "cpu-hot-swap", "seed": 7}');
    expect(loadSavedLesson('K7QH3M', 't1', 'cpu-hot-swap', 7)).toBeNull();
    data.set('ft-classroom:lesson:K7QH3M:t1', 'not json');
    expect(loadSavedLesson('K7QH3M', 't1', 'cpu-hot-swap', 7)).toBeNull();
  });

  it('survive a storage that throws', () => {
    g.localStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveLesson('K7QH3M', 't1', saved())).not.toThrow();
    expect(loadSavedLesson('K7QH3M', 't1', 'cpu-hot-swap', 7)).toBeNull();
  });
});
