/**
 * The attempt model as pure functions: each takes an attempt and returns a new one (the old one
 * is never changed), so a browser store, the classroom server and a replay can all hold it.
 *
 * The player's loop: `startAttempt`; for the current step, `enterStep` (then play the step's
 * entry actions); on every batch of events (or "check my work"), `evaluate` and
 * `recordEvaluation`; when the step index moves on, enter the next step. `takeHint`,
 * `showSolution` and `addTime` on the trainee's request and as time passes.
 */
import { describePredicate } from '../predicate/describe.ts';
import { type EvalContext, evaluatePredicate } from '../predicate/evaluate.ts';
import {
  type Anchor,
  anchorOf,
  type Observation,
  type StateView,
  type UserAction,
} from '../view.ts';
import type { EngineEvent } from '@ft/engine';
import { findMistakes } from './penalties.ts';
import type { Attempt, Hint, Lesson, LessonInstance, Mistake, StepProgress } from './types.ts';

export interface CheckResult {
  label: string;
  passed: boolean;
}

export interface Evaluation {
  stepIndex: number;
  /** Simulated time of the state evaluated. */
  timeMs: number;
  checks: CheckResult[];
  stepPassed: boolean;
  /** Every wrong move since the lesson began. */
  mistakes: Mistake[];
}

function freshStep(lesson: Lesson, i: number): StepProgress {
  return {
    anchor: null,
    checks: lesson.steps[i].checks.map(() => false),
    passedAtMs: null,
    hintsTaken: 0,
    solutionShown: false,
  };
}

/**
 * A new attempt at the first step (not yet entered).
 *
 * @example
 * let attempt = startAttempt(lesson);
 * attempt = enterStep(attempt, observation);
 */
export function startAttempt(lesson: LessonInstance): Attempt {
  return {
    lessonId: lesson.id,
    seed: lesson.seed,
    status: 'running',
    stepIndex: 0,
    elapsedMs: 0,
    lessonAnchor: null,
    steps: lesson.steps.map((_, i) => freshStep(lesson, i)),
    mistakes: [],
  };
}

function withStep(attempt: Attempt, i: number, change: Partial<StepProgress>): Attempt {
  const steps = attempt.steps.slice();
  steps[i] = { ...steps[i], ...change };
  return { ...attempt, steps };
}

/**
 * Marks the current step as entered now (before its entry actions play, so that what they cause
 * counts as part of the step). The first step also anchors the lesson.
 */
export function enterStep(attempt: Attempt, now: Observation | Anchor): Attempt {
  const anchor = 'view' in now ? anchorOf(now) : now;
  const next = withStep(attempt, attempt.stepIndex, { anchor });
  return attempt.lessonAnchor ? next : { ...next, lessonAnchor: anchor };
}

/** Correct answer of every question, by id. */
export function answersOf(lesson: Lesson): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of lesson.steps) if (s.question) out[s.question.id] = s.question.answer;
  return out;
}

/**
 * Evaluates the current step's checks and the wrong moves so far. Pure and deterministic: the
 * same lesson, state, events, actions and attempt give the same evaluation.
 *
 * @example
 * const ev = evaluate(lesson, view, events, actions, attempt);
 * ev.checks; // [{ label: 'CPU element 1 is back in duplex', passed: false }]
 */
export function evaluate(
  lesson: Lesson,
  state: StateView,
  events: readonly EngineEvent[],
  actions: readonly UserAction[],
  attempt: Attempt,
): Evaluation {
  const mistakes = findMistakes(lesson, actions, attempt.lessonAnchor?.actionIndex ?? 0);
  const i = attempt.stepIndex;
  const step = lesson.steps[i];
  const anchor = attempt.steps[i]?.anchor;
  if (attempt.status !== 'running' || !step || !anchor) {
    return { stepIndex: i, timeMs: state.timeMs, checks: [], stepPassed: false, mistakes };
  }
  const ctx: EvalContext = {
    view: state,
    events,
    actions,
    step: anchor,
    lesson: attempt.lessonAnchor ?? anchor,
    answers: answersOf(lesson),
  };
  const checks = step.checks.map((c) => ({
    label: describePredicate(c),
    passed: evaluatePredicate(c, ctx),
  }));
  return {
    stepIndex: i,
    timeMs: state.timeMs,
    checks,
    stepPassed: checks.every((c) => c.passed),
    mistakes,
  };
}

/**
 * Keeps an evaluation in the attempt: check ticks and mistakes; when the step passed, moves to
 * the next one (not yet entered) or finishes the attempt as passed.
 */
export function recordEvaluation(lesson: Lesson, attempt: Attempt, ev: Evaluation): Attempt {
  if (attempt.status !== 'running' || ev.stepIndex !== attempt.stepIndex) {
    return { ...attempt, mistakes: ev.mistakes };
  }
  let next = withStep({ ...attempt, mistakes: ev.mistakes }, ev.stepIndex, {
    checks: ev.checks.map((c) => c.passed),
  });
  if (!ev.stepPassed) return next;
  next = withStep(next, ev.stepIndex, { passedAtMs: ev.timeMs });
  const stepIndex = ev.stepIndex + 1;
  return { ...next, stepIndex, status: stepIndex >= lesson.steps.length ? 'passed' : 'running' };
}

/**
 * Shows the next hint of the current step; its cost comes off the step's points.
 *
 * @example
 * const r = takeHint(lesson, attempt);
 * if (r.ok) { attempt = r.attempt; show(r.hint.text); }
 */
export function takeHint(
  lesson: Lesson,
  attempt: Attempt,
): { ok: true; attempt: Attempt; hint: Hint } | { ok: false; error: string } {
  const i = attempt.stepIndex;
  const hints = lesson.steps[i]?.hints ?? [];
  const taken = attempt.steps[i]?.hintsTaken ?? 0;
  if (attempt.status !== 'running') return { ok: false, error: 'the attempt is over' };
  if (taken >= hints.length) return { ok: false, error: 'no more hints for this step' };
  return { ok: true, attempt: withStep(attempt, i, { hintsTaken: taken + 1 }), hint: hints[taken] };
}

/**
 * Shows the current step's solution, once every hint has been taken; the step then earns nothing.
 */
export function showSolution(
  lesson: Lesson,
  attempt: Attempt,
):
  | { ok: true; attempt: Attempt; solution: Lesson['steps'][number]['solution']; text?: string }
  | { ok: false; error: string } {
  const i = attempt.stepIndex;
  const step = lesson.steps[i];
  if (attempt.status !== 'running' || !step) return { ok: false, error: 'the attempt is over' };
  const hints = step.hints?.length ?? 0;
  const taken = attempt.steps[i].hintsTaken;
  if (taken < hints) {
    return { ok: false, error: `take the ${hints - taken} remaining hint(s) first` };
  }
  return {
    ok: true,
    attempt: withStep(attempt, i, { solutionShown: true }),
    solution: step.solution,
    text: step.solutionText,
  };
}

/** Adds trainee time; past the lesson's time limit the attempt ends as timed out. */
export function addTime(lesson: Lesson, attempt: Attempt, ms: number): Attempt {
  if (attempt.status !== 'running' || !(ms > 0)) return attempt;
  const elapsedMs = attempt.elapsedMs + ms;
  const over = lesson.timeLimitMs !== undefined && elapsedMs > lesson.timeLimitMs;
  return { ...attempt, elapsedMs, status: over ? 'timed-out' : 'running' };
}

/** Ends a running attempt as failed (the trainee gave up, or a headless run ran out of time). */
export function giveUp(attempt: Attempt): Attempt {
  return attempt.status === 'running' ? { ...attempt, status: 'failed' } : attempt;
}
