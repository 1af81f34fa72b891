import { describe, expect, it } from 'vitest';
import { replaySession, sameBytes } from '../session/replay.ts';
import { lesson } from '../test/lessons.ts';
import { playLesson } from './play.ts';

describe('playLesson (headless)', () => {
  it('passes with the solution, with full score, and records a replayable session', async () => {
    const small = lesson();
    const result = await playLesson(small, { solution: true });
    expect(result.report).toMatchObject({ passed: true, score: 30, maxScore: 30 });
    expect(result.steps.every((s) => s.passed && s.errors.length === 0)).toBe(true);
    expect(result.session.lesson?.attempt.status).toBe('passed');
    expect(result.session.log.some((e) => 'command' in e && e.command.type === 'insert')).toBe(
      true,
    );

    const { engine } = replaySession(result.session);
    result.driver.engine.drainEvents();
    engine.drainEvents();
    expect(sameBytes(engine.save(), result.driver.engine.save())).toBe(true);
  });

  it('does not pass with no actions, and says which checks did not hold', async () => {
    const result = await playLesson(lesson(), { solution: false, settleMs: 60_000 });
    expect(result.report.passed).toBe(false);
    expect(result.report.status).toBe('failed');
    expect(result.steps).toEqual([
      expect.objectContaining({
        id: 'ask',
        passed: false,
        failedChecks: ['answered question q correctly'],
      }),
    ]);
  });

  it('is deterministic for a seed', async () => {
    const a = await playLesson(lesson(undefined, 9), { solution: true });
    const b = await playLesson(lesson(undefined, 9), { solution: true });
    expect(b.session).toEqual(a.session);
  });
});
