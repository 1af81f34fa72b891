import { Engine } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { EngineDriver } from '../scenario/engine-driver.ts';
import { changed, lesson } from '../test/lessons.ts';
import { LessonPlayer } from './player.ts';
import type { Attempt } from './types.ts';

const small = lesson();
const cpu = (small.drawn.cpu as Record<string, string>).id;

function player(l = small) {
  const driver = new EngineDriver(Engine.fromPreset('4300-dmr', { seed: l.seed }), {
    recordActions: true,
  });
  const changes: Attempt[] = [];
  const p = new LessonPlayer(l, driver, { onChange: (a) => changes.push(a) });
  return { driver, p, changes };
}

describe('LessonPlayer', () => {
  it('enters steps, plays their entry actions, ticks checks and finishes', async () => {
    const { driver, p, changes } = player();
    await p.start();
    expect(p.attempt.steps[0].anchor).not.toBeNull();
    expect((await p.check())?.stepPassed).toBe(false);
    await driver.answer('q', cpu);
    const ev = await p.check();
    expect(ev?.stepPassed).toBe(true);
    // Step 1 was entered and its entry action (a caption) played.
    expect(p.attempt.stepIndex).toBe(1);
    expect(p.attempt.steps[1].anchor).not.toBeNull();
    expect(driver.presented).toContainEqual({ do: 'caption', text: 'go' });
    driver.commandNow({ type: 'pull', target: cpu });
    driver.commandNow({ type: 'insert', target: cpu });
    driver.untilNow(() => false, 60_000);
    await p.check();
    expect(p.attempt.status).toBe('passed');
    expect(p.report()).toMatchObject({ passed: true, score: 30, maxScore: 30 });
    expect(changes.length).toBeGreaterThan(3);
    expect(await p.check()).toBe(p.last);
  });

  it('gives hints, then the solution, and can be given up', async () => {
    const { p } = player();
    await p.start();
    expect(p.solution()).toEqual({ ok: false, error: 'take the 2 remaining hint(s) first' });
    expect(p.hint()).toEqual({ ok: true, hint: { text: 'first', cost: 3 } });
    expect(p.hint()).toEqual({ ok: true, hint: { text: 'second', cost: 4 } });
    expect(p.hint()).toEqual({ ok: false, error: 'no more hints for this step' });
    const solution = p.solution();
    expect(solution.ok && solution.steps).toEqual([{ do: 'answer', question: 'q', value: cpu }]);
    expect(p.attempt.steps[0].solutionShown).toBe(true);
    p.giveUp();
    expect(p.report().status).toBe('failed');
  });

  it('ends the attempt past its time limit', async () => {
    const timed = lesson(
      changed((l) => {
        l.timeLimitMs = 60_000;
      }),
    );
    const { p } = player(timed);
    await p.start();
    p.addTime(30_000);
    expect(p.attempt.status).toBe('running');
    p.addTime(31_000);
    expect(p.attempt.status).toBe('timed-out');
    expect(await p.check()).toBeNull();
  });

  it('reports entry actions that fail, and goes on', async () => {
    const broken = lesson(
      changed((l) => {
        l.steps[0].actions = [{ do: 'insert', target: 'A.cpu-0' }];
      }),
    );
    const { driver } = player(broken);
    const errors: string[] = [];
    const p = new LessonPlayer(broken, driver, {
      onEntryError: (i, r) => errors.push(`${i}: ${r.error}`),
    });
    await p.start();
    expect(errors).toEqual([expect.stringMatching(/^0: .*pull it before inserting it/)]);
  });
});
