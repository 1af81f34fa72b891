import { readFileSync } from 'node:fs';
import { Engine } from '@ft/engine';
import {
  instantiate,
  type LessonInstance,
  parseLesson,
  rackConfigOf,
  replaySession,
} from '@ft/lessons';
import { describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS, LessonController, SKIP_LIMIT_MS } from './lessonController.ts';
import { LessonDriver } from './lessonDriver.ts';
import { SessionRecorder } from './sessionRecorder.ts';
import { HeadlessLiveDriver, HeadlessTwin, ManualClock } from './test/headlessTwin.ts';
import { TraineeActions } from './traineeActions.ts';

function load(id: string, seed?: number): LessonInstance {
  const text = readFileSync(
    new URL(`../../../../public/lessons/${id}.json`, import.meta.url),
    'utf8',
  );
  const source = parseLesson(text);
  if (!source.ok) throw new Error(source.issues[0].message);
  const lesson = instantiate(source.value, seed);
  if (!lesson.ok) throw new Error(lesson.issues[0].message);
  return lesson.value;
}

function setup(lesson: LessonInstance) {
  const twin = new HeadlessTwin(
    Engine.fromConfig(rackConfigOf(lesson.rack), { seed: lesson.seed }),
  );
  const live = new HeadlessLiveDriver(twin);
  const clock = new ManualClock();
  let controller: LessonController | null = null;
  const trainee = new TraineeActions(
    twin,
    live.actions,
    () => live.timeMs(),
    (a) => controller?.onTraineeAction(a),
  );
  const recorder = new SessionRecorder(twin.bus);
  const driver = new LessonDriver(live, trainee);
  controller = new LessonController({
    lesson,
    driver,
    solver: driver.forTrainee(),
    trainee,
    recorder,
    bus: twin.bus,
    clock,
  });
  const said: string[] = [];
  controller.subscribe(() => {
    const a = controller?.getState().announcement;
    if (a && said.at(-1) !== `${a.id}`) said.push(`${a.id}`, a.text);
  });
  const announcements = () => said.filter((_, i) => i % 2 === 1);
  return { twin, live, clock, controller, trainee, recorder, announcements };
}

/** Lets simulated time pass until `test` holds (at most `maxMs`). */
function runUntil(twin: HeadlessTwin, test: () => boolean, maxMs = 300_000): void {
  for (let t = 0; t < maxMs && !test(); t += 250) twin.advance(250);
  expect(test()).toBe(true);
}

describe('the lesson controller', () => {
  it('plays "the last good CPU" with a trainee who answers wrong once and takes a hint', async () => {
    const lesson = load('last-good-cpu');
    const { failed, good } = lesson.drawn.cpu as Record<string, string>;
    const s = setup(lesson);
    const c = s.controller;
    await c.start();
    expect(c.getState()).toMatchObject({ phase: 'running', attempt: { stepIndex: 0 } });
    expect(s.twin.core.component(failed)?.stateName).toBe('broken');
    expect(s.live.actions).toEqual([]); // the lesson's inject is not the trainee's

    await c.checkMyWork();
    expect(c.getState().lastCheck).toEqual({ stepIndex: 0, passing: 0, total: 2 });
    expect(s.announcements().at(-1)).toBe(
      '0 of 2 checks pass. Not yet: You looked at the running element.',
    );

    c.solution();
    expect(s.announcements().at(-1)).toMatch(/not available yet: take the 1 remaining hint/);
    c.hint();
    expect(s.announcements().at(-1)).toMatch(/^Hint, −5 points: The broken element/);
    expect(c.getState().attempt.steps[0].hintsTaken).toBe(1);

    s.twin.select(good);
    await c.answer('safe-one', good);
    expect(s.announcements().at(-1)).toMatch(/^Not right\. The broken element carries nothing/);
    expect(c.getState().answers['safe-one']).toEqual({ value: good, correct: false });
    await c.idle();
    await c.checkMyWork();
    expect(c.getState().attempt.mistakes).toMatchObject([{ kind: 'wrong-answer', points: 5 }]);
    expect(c.getState().attempt.steps[0].checks).toEqual([true, false]);

    await c.answer('safe-one', failed);
    await c.idle();
    expect(c.getState().attempt.stepIndex).toBe(1);
    expect(s.announcements()).toContain(
      `Step 1 passed. ${lesson.steps[0].feedback.pass} Next, step 2: Replace the failed element.`,
    );

    await s.twin.engine.command({ type: 'pull', target: failed });
    await s.twin.engine.command({ type: 'insert', target: failed, replacement: true });
    runUntil(s.twin, () => s.twin.core.systems()[0].statusName === 'duplex');
    s.clock.tick(CHECK_EVERY_MS);
    await c.idle();
    const state = c.getState();
    expect(state.phase).toBe('over');
    expect(state.attempt.status).toBe('passed');
    // 20 − 5 (hint) + 40 − 5 (wrong answer)
    expect(state.score).toMatchObject({ score: 50, maxScore: 60, penalties: 5 });
    expect(s.announcements().at(-1)).toMatch(/Lesson complete\. Score 50 of 60\.$/);
    const report = c.report();
    expect(report.mistakes).toHaveLength(1);
    expect(report.mistakes[0].realFtServer).toMatch(/The answer is "CPU element/);

    // The session replays to the same component states, and carries the attempt.
    const session = c.session();
    expect(session.lesson).toMatchObject({
      id: 'last-good-cpu',
      seed: 13,
      attempt: { status: 'passed' },
    });
    expect(session.lesson?.actions.map((a) => a.kind)).toEqual([
      'select',
      'answer',
      'answer',
      'command',
      'command',
    ]);
    const replay = replaySession(session);
    expect(replay.engine.components().map((x) => x.stateName)).toEqual(
      s.twin.core.components().map((x) => x.stateName),
    );
  });

  it('charges a wrong move at once and says what a real ftServer would have done', async () => {
    const lesson = load('last-good-cpu');
    const { good } = lesson.drawn.cpu as Record<string, string>;
    const s = setup(lesson);
    await s.controller.start();
    await s.twin.engine.command({ type: 'pull', target: good });
    await s.controller.idle();
    const { attempt, score } = s.controller.getState();
    expect(attempt.mistakes.map((m) => m.kind)).toEqual(['system-down']);
    expect(score.penalties).toBe(40);
    expect(s.announcements().at(-1)).toMatch(
      /^Wrong move, −40 points: Pulling A\.cpu-\d took system A down\.$/,
    );
    expect(s.controller.report().mistakes[0].realFtServer).toMatch(
      /^A real ftServer keeps running/,
    );
  });

  it('counts wall-clock time and ends the attempt at the time limit', async () => {
    const lesson = { ...load('last-good-cpu'), timeLimitMs: 60_000 };
    const s = setup(lesson);
    await s.controller.start();
    s.clock.tick(30_000);
    expect(s.controller.getState().attempt.elapsedMs).toBe(30_000);
    s.clock.tick(31_000);
    expect(s.controller.getState()).toMatchObject({
      phase: 'over',
      attempt: { status: 'timed-out' },
    });
    expect(s.announcements().at(-1)).toMatch(/^Time is up\. Score 0 of 60\.$/);
    const elapsed = s.controller.getState().attempt.elapsedMs;
    s.clock.tick(10_000);
    expect(s.controller.getState().attempt.elapsedMs).toBe(elapsed);
  });

  it('skips to the next event, logs the warp for the replay, and ends on request', async () => {
    const lesson = load('cpu-hot-swap');
    const s = setup(lesson);
    await s.controller.start();
    await s.controller.skipToNextEvent();
    expect(s.announcements().at(-1)).toMatch(
      /^(Skipped .+ to the next event\.|Nothing is scheduled in the next 8 h: skipped that\.)$/,
    );
    expect(s.recorder.log.at(-1)).toMatchObject({ warpToNextEvent: SKIP_LIMIT_MS });
    s.controller.giveUp();
    expect(s.controller.getState()).toMatchObject({ phase: 'over', attempt: { status: 'failed' } });
    expect(s.controller.report()).toMatchObject({ passed: false, score: 0 });
  });

  // Every shipped lesson with its solution runs headless in `pnpm lesson run --solution` (its
  // own test); here, two short ones through the controller (the headless twin polls waits in
  // 250 ms steps, with no time warp, so long resynchronisations take minutes of CPU).
  const QUICK = ['last-good-cpu', 'nic-teaming'];
  it('"do it for me" plays the shown solution as the trainee, and the lesson passes', async () => {
    const outcomes: string[] = [];
    for (const id of QUICK) {
      const s = setup(load(id));
      const c = s.controller;
      await c.start();
      expect(c.canPlaySolution()).toBe(false);
      for (let guard = 0; c.getState().attempt.status === 'running' && guard < 20; guard++) {
        const step = c.getState().attempt.stepIndex;
        while (
          c.getState().attempt.steps[step].hintsTaken < (c.lesson.steps[step].hints ?? []).length
        )
          c.hint();
        c.solution();
        expect([id, step, c.canPlaySolution()]).toEqual([id, step, true]);
        await c.playSolution();
        // Let what the solution started finish (a resynchronisation, a rebuild): ticks check.
        for (let t = 0; t < 900 && c.getState().attempt.stepIndex === step; t++) {
          if (c.getState().attempt.status !== 'running') break;
          await s.live.advance(1000);
          s.clock.tick(CHECK_EVERY_MS);
          await c.idle();
        }
      }
      const { attempt, score } = c.getState();
      outcomes.push(`${id}: ${attempt.status} ${score.score}/${score.maxScore}`);
      // Every step showed its solution, so none earns points; nothing was a wrong move.
      expect(attempt.mistakes).toEqual([]);
      c.dispose();
    }
    expect(outcomes).toEqual(
      QUICK.map((id) => expect.stringMatching(new RegExp(`^${id}: passed 0/\\d+$`))),
    );
  }, 240_000);
});
