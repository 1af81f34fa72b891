/**
 * What the lesson player announces (shown, and read by screen readers): whole sentences from the
 * facts of a check, a skip or a step passed. Pure, so the wording is tested alone.
 */
import type { Attempt, LessonInstance, Score } from '@ft/lessons';
import { formatSpan } from './format.ts';

/**
 * A title as the end of a sentence: a title's own mark stays.
 * @example ending('Which one may you pull?') // 'Which one may you pull?'
 */
export function ending(title: string): string {
  return /[.?!…]$/.test(title) ? title : `${title}.`;
}

/** @example scoreLine({ score: 15, maxScore: 60 }) // 'Score 15 of 60.' */
export function scoreLine(score: Pick<Score, 'score' | 'maxScore'>): string {
  return `Score ${score.score} of ${score.maxScore}.`;
}

/** Step `index` passed: its feedback, then the next step or the end of the lesson. */
export function stepPassed(
  lesson: LessonInstance,
  index: number,
  now: Pick<Attempt, 'status' | 'stepIndex'>,
  score: Pick<Score, 'score' | 'maxScore'>,
): string {
  const next = lesson.steps[now.stepIndex];
  const tail =
    now.status === 'passed'
      ? ` Lesson complete. ${scoreLine(score)}`
      : next
        ? ` Next, step ${now.stepIndex + 1}: ${ending(next.title)}`
        : '';
  return `Step ${index + 1} passed. ${lesson.steps[index].feedback.pass}${tail}`;
}

/** What "check my work" found: how many checks pass, the first that does not, the advice. */
export function checkFound(
  passing: number,
  total: number,
  missing: string | null,
  advice: string | undefined,
): string {
  return `${passing} of ${total} checks pass.${missing ? ` Not yet: ${missing}.` : ''}${advice ? ` ${advice}` : ''}`;
}

/** A skip to the next event moved the clock `skippedMs`, at most `limitMs`. */
export function skipped(skippedMs: number, limitMs: number): string {
  if (!(skippedMs > 0)) {
    return 'Nothing to skip right now: something is running that must run in real time.';
  }
  if (skippedMs >= limitMs - 1) {
    return `Nothing is scheduled in the next ${formatSpan(limitMs)}: skipped that.`;
  }
  return `Skipped ${formatSpan(skippedMs)} to the next event.`;
}
