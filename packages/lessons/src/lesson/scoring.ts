/**
 * Scoring: each passed step earns its points less the hints taken (nothing once its solution was
 * shown); a time bonus for finishing quickly; minus the penalties for wrong moves. Never below 0.
 */
import type { Attempt, Lesson } from './types.ts';

export interface StepScore {
  id: string;
  passed: boolean;
  points: number;
  hintCost: number;
  solutionShown: boolean;
  earned: number;
}

export interface Score {
  score: number;
  maxScore: number;
  steps: StepScore[];
  timeBonus: number;
  penalties: number;
}

/** Hint cost of the first `taken` hints of a step. */
export function hintCost(lesson: Lesson, stepIndex: number, taken: number): number {
  const hints = lesson.steps[stepIndex]?.hints ?? [];
  return hints.slice(0, taken).reduce((sum, h) => sum + h.cost, 0);
}

/** Time bonus earned after `elapsedMs` of trainee time (0 unless the lesson passed). */
export function timeBonusFor(lesson: Lesson, attempt: Attempt): number {
  const bonus = lesson.timeBonus;
  if (!bonus || attempt.status !== 'passed') return 0;
  const share = Math.min(1, Math.max(0, (2 * bonus.targetMs - attempt.elapsedMs) / bonus.targetMs));
  return Math.round(bonus.points * share);
}

/**
 * The attempt's score now.
 *
 * @example
 * scoreAttempt(lesson, attempt); // { score: 85, maxScore: 100, steps: [...], timeBonus: 0, penalties: 10 }
 */
export function scoreAttempt(lesson: Lesson, attempt: Attempt): Score {
  const steps = lesson.steps.map((step, i): StepScore => {
    const progress = attempt.steps[i];
    const passed = progress?.passedAtMs !== null && progress?.passedAtMs !== undefined;
    const cost = hintCost(lesson, i, progress?.hintsTaken ?? 0);
    const solutionShown = progress?.solutionShown ?? false;
    return {
      id: step.id,
      passed,
      points: step.points,
      hintCost: cost,
      solutionShown,
      earned: passed && !solutionShown ? Math.max(0, step.points - cost) : 0,
    };
  });
  const timeBonus = timeBonusFor(lesson, attempt);
  const penalties = attempt.mistakes.reduce((sum, m) => sum + m.points, 0);
  const earned = steps.reduce((sum, s) => sum + s.earned, 0);
  return {
    score: Math.max(0, earned + timeBonus - penalties),
    maxScore: lesson.steps.reduce((sum, s) => sum + s.points, 0) + (lesson.timeBonus?.points ?? 0),
    steps,
    timeBonus,
    penalties,
  };
}
