/**
 * Plays a lesson headless in Node (the `pnpm lesson run` command, CI, tests): entry actions on
 * entering each step, then either nothing (a trainee who does nothing) or the step's solution,
 * then simulated time until the step's checks pass or `settleMs` runs out. Trainee time is the
 * simulated time that was not skipped by time warp.
 */
import { Engine } from '@ft/engine';
import { runScenario, type StepReport } from '../scenario/runner.ts';
import { EngineDriver } from '../scenario/engine-driver.ts';
import { rackConfigOf } from '../schema/rack.ts';
import { makeSession } from '../session/make.ts';
import type { Session } from '../session/types.ts';
import {
  addTime,
  answersOf,
  enterStep,
  evaluate,
  giveUp,
  recordEvaluation,
  startAttempt,
} from './progress.ts';
import { type FinishReport, finishReport } from './report.ts';
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
  let attempt = startAttempt(lesson);
  let traineeMs = 0;
  const chargeTime = () => {
    const now = driver.engine.timeMs - driver.warpedMs;
    attempt = addTime(lesson, attempt, now - traineeMs);
    traineeMs = now;
  };

  while (attempt.status === 'running' && !options.signal?.aborted) {
    const index = attempt.stepIndex;
    const step = lesson.steps[index];
    attempt = enterStep(attempt, driver.observeNow());
    const lessonAnchor = attempt.lessonAnchor ?? undefined;
    const errors: string[] = [];
    driver.recordActions = false;
    const entry = await runScenario({ steps: step.actions ?? [] }, driver, {
      signal: options.signal,
      lessonAnchor,
      answers,
    });
    errors.push(...errorsOf(entry.steps, 'actions'));
    const solve =
      typeof options.solution === 'function' ? options.solution(index) : options.solution;
    if (solve) {
      driver.recordActions = true;
      const solved = await runScenario({ steps: step.solution }, driver, {
        signal: options.signal,
        lessonAnchor,
        answers,
      });
      driver.recordActions = false;
      errors.push(...errorsOf(solved.steps, 'solution'));
    }
    const check = () => {
      const o = driver.observeNow();
      return evaluate(lesson, o.view, o.events, o.actions, attempt);
    };
    driver.untilNow(() => check().stepPassed, settleMs, options.signal);
    const ev = check();
    chargeTime();
    attempt = recordEvaluation(lesson, attempt, ev);
    played.push({
      id: step.id,
      passed: ev.stepPassed,
      timeMs: driver.engine.timeMs,
      failedChecks: ev.checks.filter((c) => !c.passed).map((c) => c.label),
      errors,
    });
    if (!ev.stepPassed) attempt = giveUp(attempt);
  }
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
  return { lesson, attempt, report: finishReport(lesson, attempt), steps: played, session, driver };
}
