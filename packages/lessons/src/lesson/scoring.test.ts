import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changed, lesson } from '../test/lessons.ts';
import { startAttempt } from './progress.ts';
import { scoreAttempt } from './scoring.ts';
import type { Attempt, Mistake } from './types.ts';

const timed = lesson(
  changed((l) => {
    l.timeBonus = { points: 20, targetMs: 60_000 };
  }),
);

const stepState = fc.record({
  passed: fc.boolean(),
  hintsTaken: fc.integer({ min: 0, max: 2 }),
  solutionShown: fc.boolean(),
});
const mistake = fc.integer({ min: 0, max: 50 }).map(
  (points): Mistake => ({
    kind: 'unsafe-pull',
    timeMs: 0,
    points,
    what: '',
    realFtServer: '',
    actionIndex: 0,
  }),
);
const attempt = fc
  .record({
    steps: fc.tuple(stepState, stepState),
    mistakes: fc.array(mistake, { maxLength: 4 }),
    elapsedMs: fc.integer({ min: 0, max: 600_000 }),
  })
  .map(({ steps, mistakes, elapsedMs }): Attempt => {
    const base = startAttempt(timed);
    const passedAll = steps.every((s) => s.passed);
    return {
      ...base,
      status: passedAll ? 'passed' : 'running',
      elapsedMs,
      mistakes,
      steps: base.steps.map((p, i) => ({
        ...p,
        passedAtMs: steps[i].passed ? 1 : null,
        hintsTaken: steps[i].hintsTaken,
        solutionShown: steps[i].solutionShown,
      })),
    };
  });

describe('scoreAttempt (properties)', () => {
  it('stays within 0..maxScore; more mistakes, more time or more hints never raise it', () => {
    fc.assert(
      fc.property(attempt, mistake, (a, extra) => {
        const s = scoreAttempt(timed, a);
        expect(s.maxScore).toBe(50);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(s.maxScore);
        expect(
          scoreAttempt(timed, { ...a, mistakes: [...a.mistakes, extra] }).score,
        ).toBeLessThanOrEqual(s.score);
        expect(
          scoreAttempt(timed, { ...a, elapsedMs: a.elapsedMs + 10_000 }).score,
        ).toBeLessThanOrEqual(s.score);
        const moreHints = { ...a, steps: a.steps.map((p) => ({ ...p, hintsTaken: 2 })) };
        expect(scoreAttempt(timed, moreHints).score).toBeLessThanOrEqual(s.score);
      }),
    );
  });
});
