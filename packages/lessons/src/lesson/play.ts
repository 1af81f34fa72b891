/**
 * Plays a lesson headless in Node (the `pnpm lesson run` command, CI, tests) through the same
 * {@link LessonPlayer} as the browser: entry actions on entering each step, then either nothing
 * (a trainee who does nothing) or the step's solution, then simulated time until the step's
 * checks pass or `settleMs` runs out. Trainee time is the simulated time that was not skipped by
 * time warp (waiting skips quiet time, so it is small: the time bonus is about people).
 */
import { Engine } from '@ft/engine';
import { runScenario, type StepReport } from '../scenario/runner.ts';
import { EngineDriver } from '../scenario/engine-driver.ts';
import { rackConfigOf } from '../schema/rack.ts';
import { makeSession } from '../session/make.ts';
import type { Session } from '../session/types.ts';
import { LessonPlayer } from './player.ts';
import { answersOf, evaluate } from './progress.ts';
import type { FinishReport } from './report.ts';
import type { Attempt, LessonInstance } from './types.ts';

/** How long a headless run waits for a step's checks after its actions: 15 simulated minutes. */
export const DEFAULT_SETTLE_MS = 15 * 60_000;

export interface PlayOptions {
  /**
   * Apply each step's solution (true), or do nothing and see whether the lesson passes anyway
   * (false); or decide per step index.
   */
  solution: boolean | ((stepIndex: number) => boolean);
  settleMs?: number;
  signal?: AbortSignal;
}

export interface PlayedStep {
  id: string;
  passed: boolean;
  /** Simulated time the step passed (or was given up). */
  timeMs: number;
  /** Checks that did not hold when the step was given up. */
  failedChecks: string[];
  /** Entry action or solution steps that failed (refused commands, waits that timed out). */
  errors: string[];
}

export interface PlayResult {
  lesson: LessonInstance;
  attempt: Attempt;
  report: FinishReport;
  steps: PlayedStep[];
  /** The run as a session: replays to the same final state. */
  session: Session;
  driver: EngineDriver;
}

function errorsOf(reports: StepReport[], where: string): string[] {
  return reports.filter((r) => !r.ok).map((r) => `${where}[${r.index}] (${r.step.do}): ${r.error}`);
}

/**
 * @example
 * const result = await playLesson(lesson, { solution: true });
 * result.report.passed; // true for every shipped lesson
 */
export async function playLesson(
  lesson: LessonInstance,
  options: PlayOptions,
): Promise<PlayResult> {
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const engine = Engine.fromConfig(rackConfigOf(lesson.rack), { seed: lesson.seed });
  const driver = new EngineDriver(engine);
  const answers = answersOf(lesson);
  const played: PlayedStep[] = [];
  let entryErrors: string[] = [];
  const player = new LessonPlayer(lesson, driver, {
    signal: options.signal,
    onEntryError: (_, r) => entryErrors.push(...errorsOf([r], 'actions')),
  });
  let traineeMs = 0;
  const chargeTime = () => {
    const now = driver.engine.timeMs - driver.warpedMs;
    player.addTime(now - traineeMs);
    traineeMs = now;
  };
  const stepPassed = () => {
    const o = driver.observeNow();
    return evaluate(lesson, o.view, o.events, o.actions, player.attempt).stepPassed;
  };

  await player.start();
  while (player.attempt.status === 'running' && !options.signal?.aborted) {
    const index = player.attempt.stepIndex;
    const errors = entryErrors;
    entryErrors = [];
    const solve =
      typeof options.solution === 'function' ? options.solution(index) : options.solution;
    if (solve) {
      driver.recordActions = true;
      const solved = await runScenario({ steps: lesson.steps[index].solution }, driver, {
        signal: options.signal,
        lessonAnchor: player.attempt.lessonAnchor ?? undefined,
        answers,
      });
      driver.recordActions = false;
      errors.push(...errorsOf(solved.steps, 'solution'));
    }
    driver.untilNow(stepPassed, settleMs, options.signal);
    chargeTime();
    const timeMs = driver.engine.timeMs;
    const ev = await player.check();
    const passed = ev?.stepPassed === true;
    played.push({
      id: lesson.steps[index].id,
      passed,
      timeMs,
      failedChecks: ev ? ev.checks.filter((c) => !c.passed).map((c) => c.label) : [],
      errors,
    });
    if (!passed) player.giveUp();
  }
  const { attempt } = player;
  const session = makeSession({
    rack: lesson.rack,
    seed: lesson.seed,
    log: driver.log,
    endMs: driver.engine.timeMs,
    lesson: {
      id: lesson.id,
      seed: lesson.seed,
      variables: lesson.drawn,
      attempt,
      actions: driver.actions.slice(),
    },
  });
  return { lesson, attempt, report: player.report(), steps: played, session, driver };
}
