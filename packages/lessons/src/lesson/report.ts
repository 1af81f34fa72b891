/** The finish report: score, time, each step, and each mistake with what a real ftServer would have done. */
import { scoreAttempt, type StepScore } from './scoring.ts';
import type { Attempt, AttemptStatus, Lesson } from './types.ts';

export interface FinishReport {
  lessonId: string;
  title: string;
  status: AttemptStatus;
  passed: boolean;
  score: number;
  maxScore: number;
  /** Trainee time. */
  timeMs: number;
  timeLimitMs: number | null;
  timeBonus: number;
  penalties: number;
  steps: (StepScore & { title: string; feedback: string | null })[];
  mistakes: { timeMs: number; points: number; what: string; realFtServer: string }[];
}

/**
 * @example
 * const report = finishReport(lesson, attempt);
 * `${report.score}/${report.maxScore}`; // '90/100'
 */
export function finishReport(lesson: Lesson, attempt: Attempt): FinishReport {
  const score = scoreAttempt(lesson, attempt);
  return {
    lessonId: lesson.id,
    title: lesson.title,
    status: attempt.status,
    passed: attempt.status === 'passed',
    score: score.score,
    maxScore: score.maxScore,
    timeMs: attempt.elapsedMs,
    timeLimitMs: lesson.timeLimitMs ?? null,
    timeBonus: score.timeBonus,
    penalties: score.penalties,
    steps: score.steps.map((s, i) => ({
      ...s,
      title: lesson.steps[i].title,
      feedback: s.passed ? lesson.steps[i].feedback.pass : (lesson.steps[i].feedback.fail ?? null),
    })),
    mistakes: attempt.mistakes.map((m) => ({
      timeMs: m.timeMs,
      points: m.points,
      what: m.what,
      realFtServer: m.realFtServer,
    })),
  };
}
