import { describe, expect, it } from 'vitest';
import { EngineDriver } from '../scenario/engine-driver.ts';
import { Engine } from '@ft/engine';
import { changed, lesson } from '../test/lessons.ts';
import {
  addTime,
  enterStep,
  evaluate,
  giveUp,
  recordEvaluation,
  showSolution,
  startAttempt,
  takeHint,
} from './progress.ts';
import { finishReport } from './report.ts';
import { scoreAttempt } from './scoring.ts';
import type { Attempt } from './types.ts';

const small = lesson();
const cpu = (small.drawn.cpu as Record<string, string>).id;

/** A driver recording trainee actions over a fresh 4300, and an attempt entered at step 0. */
function setup() {
  const driver = new EngineDriver(Engine.fromPreset('4300-dmr', { seed: small.seed }), {
    recordActions: true,
  });
  const attempt = enterStep(startAttempt(small), driver.observeNow());
  const check = (a: Attempt) => {
    const o = driver.observeNow();
    return evaluate(small, o.view, o.events, o.actions, a);
  };
  return { driver, attempt, check };
}

describe('the attempt model', () => {
  it('moves through the steps as their checks pass, and finishes', async () => {
    const { driver, check, attempt: first } = setup();
    let attempt = first;
    let ev = check(attempt);
    expect(ev.checks).toEqual([{ label: 'answered question q correctly', passed: false }]);
    attempt = recordEvaluation(small, attempt, ev);
    expect(attempt.stepIndex).toBe(0);

    await driver.answer('q', cpu === 'A.cpu-0' ? 'A.cpu-1' : 'A.cpu-0');
    ev = check(attempt);
    expect(ev.stepPassed).toBe(false);
    expect(ev.mistakes.map((m) => m.kind)).toEqual(['wrong-answer']);

    await driver.answer('q', cpu);
    ev = check(attempt);
    expect(ev.stepPassed).toBe(true);
    attempt = recordEvaluation(small, attempt, ev);
    expect(attempt.stepIndex).toBe(1);
    expect(attempt.steps[0].passedAtMs).toBe(0);
    expect(attempt.steps[1].anchor).toBeNull();

    attempt = enterStep(attempt, driver.observeNow());
    driver.commandNow({ type: 'pull', target: cpu });
    ev = check(attempt);
    expect(ev.checks.map((c) => c.passed)).toEqual([false, false]);
    driver.commandNow({ type: 'insert', target: cpu });
    driver.untilNow(() => check(attempt).stepPassed, 120_000);
    attempt = recordEvaluation(small, attempt, check(attempt));
    expect(attempt.status).toBe('passed');

    // Plain data: it survives JSON (a store, a socket, a session file) unchanged.
    expect(JSON.parse(JSON.stringify(attempt))).toEqual(attempt);
    const score = scoreAttempt(small, attempt);
    expect(score).toMatchObject({ maxScore: 30, penalties: 5, score: 25, timeBonus: 0 });
  });

  it('evaluates deterministically: same inputs, same result', () => {
    const { driver, attempt } = setup();
    const o = driver.observeNow();
    const a = evaluate(small, o.view, o.events, o.actions, attempt);
    const b = evaluate(
      small,
      structuredClone(o.view),
      [...o.events],
      [...o.actions],
      structuredClone(attempt),
    );
    expect(b).toEqual(a);
  });

  it('gives hints in order, and the solution only after every hint', () => {
    let { attempt } = setup();
    const early = showSolution(small, attempt);
    expect(early).toEqual({ ok: false, error: 'take the 2 remaining hint(s) first' });
    const first = takeHint(small, attempt);
    if (!first.ok) throw new Error(first.error);
    expect(first.hint.text).toBe('first');
    attempt = first.attempt;
    const second = takeHint(small, attempt);
    if (!second.ok) throw new Error(second.error);
    expect(second.hint.text).toBe('second');
    attempt = second.attempt;
    expect(takeHint(small, attempt)).toEqual({ ok: false, error: 'no more hints for this step' });
    const solution = showSolution(small, attempt);
    expect(solution.ok && solution.solution[0]).toEqual({
      do: 'answer',
      question: 'q',
      value: cpu,
    });
  });

  it('scores points less hint costs, nothing once the solution was shown, less penalties', () => {
    let attempt = startAttempt(small);
    const passStep = (a: Attempt, i: number): Attempt => {
      const steps = a.steps.slice();
      steps[i] = { ...steps[i], passedAtMs: 1 };
      return { ...a, steps };
    };
    attempt = passStep(passStep(attempt, 0), 1);
    expect(scoreAttempt(small, attempt).score).toBe(30);
    const hinted = {
      ...attempt,
      steps: [{ ...attempt.steps[0], hintsTaken: 2 }, attempt.steps[1]],
    };
    expect(scoreAttempt(small, hinted).steps[0]).toMatchObject({ hintCost: 7, earned: 3 });
    const solved = {
      ...attempt,
      steps: [{ ...attempt.steps[0], solutionShown: true }, attempt.steps[1]],
    };
    expect(scoreAttempt(small, solved).score).toBe(20);
    const penalised = {
      ...attempt,
      mistakes: [
        {
          kind: 'system-down' as const,
          timeMs: 0,
          points: 100,
          what: '',
          realFtServer: '',
          actionIndex: 0,
        },
      ],
    };
    expect(scoreAttempt(small, penalised).score).toBe(0);
  });

  it('adds a time bonus that shrinks linearly, and ends the attempt past its time limit', () => {
    const timed = lesson(
      changed((l) => {
        l.timeBonus = { points: 20, targetMs: 60_000 };
        l.timeLimitMs = 300_000;
      }),
    );
    const done = (elapsedMs: number): Attempt => ({
      ...startAttempt(timed),
      status: 'passed',
      elapsedMs,
      steps: startAttempt(timed).steps.map((s) => ({ ...s, passedAtMs: 1 })),
    });
    expect(scoreAttempt(timed, done(30_000))).toMatchObject({
      timeBonus: 20,
      score: 50,
      maxScore: 50,
    });
    expect(scoreAttempt(timed, done(90_000)).timeBonus).toBe(10);
    expect(scoreAttempt(timed, done(200_000)).timeBonus).toBe(0);
    let running = startAttempt(timed);
    running = addTime(timed, running, 299_000);
    expect(running.status).toBe('running');
    running = addTime(timed, running, 2_000);
    expect(running.status).toBe('timed-out');
    expect(scoreAttempt(timed, running).timeBonus).toBe(0);
    expect(giveUp(startAttempt(timed)).status).toBe('failed');
  });

  it('writes a finish report with each step and each mistake explained', async () => {
    const { driver, check, attempt: first } = setup();
    let attempt = first;
    await driver.answer('q', 'wrong');
    await driver.answer('q', cpu);
    attempt = recordEvaluation(small, attempt, check(attempt));
    const report = finishReport(small, giveUp(attempt));
    expect(report).toMatchObject({
      lessonId: 'small',
      status: 'failed',
      passed: false,
      score: 5,
      maxScore: 30,
    });
    expect(report.steps.map((s) => [s.id, s.passed, s.feedback])).toEqual([
      ['ask', true, 'ok'],
      ['swap', false, null],
    ]);
    expect(report.mistakes[0].what).toBe('You answered "wrong" to "Pick ' + cpu + '".');
    expect(report.mistakes[0].realFtServer).toMatch(/^The answer is "(zero|one)"\./);
  });
});
