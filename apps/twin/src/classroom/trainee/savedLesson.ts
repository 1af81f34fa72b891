/**
 * The trainee's lesson attempt, kept in localStorage after every change so that a reload
 * continues it (the twin itself is restored from the server's session log). Keyed by join code
 * and trainee, so two classes (or two trainees on one computer) do not mix.
 */
import type { Attempt, UserAction } from '@ft/lessons';
import * as v from 'valibot';
import type { SavedLesson } from './lessonRun.ts';

const PREFIX = 'ft-classroom:lesson:';

/** Enough of the shape to trust what a previous page wrote (it may be an older version). */
const SavedLessonSchema = v.object({
  lessonId: v.string(),
  seed: v.number(),
  attempt: v.looseObject({
    lessonId: v.string(),
    seed: v.number(),
    status: v.picklist(['running', 'passed', 'failed', 'timed-out']),
    stepIndex: v.number(),
    elapsedMs: v.number(),
    steps: v.array(v.looseObject({ passedAtMs: v.nullable(v.number()) })),
    mistakes: v.array(v.looseObject({ what: v.string() })),
  }),
  actions: v.array(v.looseObject({ kind: v.string(), timeMs: v.number() })),
});

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const keyOf = (code: string, traineeId: string) => `${PREFIX}${code}:${traineeId}`;

/** The saved attempt of this lesson and seed, or null (none, another lesson, unreadable). */
export function loadSavedLesson(
  code: string,
  traineeId: string,
  lessonId: string,
  seed: number,
): SavedLesson | null {
  try {
    const text = storage()?.getItem(keyOf(code, traineeId));
    if (!text) return null;
    const parsed = v.safeParse(SavedLessonSchema, JSON.parse(text));
    if (!parsed.success) return null;
    const saved = parsed.output;
    if (saved.lessonId !== lessonId || saved.seed !== seed) return null;
    return {
      lessonId,
      seed,
      attempt: saved.attempt as unknown as Attempt,
      actions: saved.actions as unknown as UserAction[],
    };
  } catch {
    return null;
  }
}

export function saveLesson(code: string, traineeId: string, saved: SavedLesson): void {
  try {
    storage()?.setItem(keyOf(code, traineeId), JSON.stringify(saved));
  } catch {
    // Storage full or blocked: a reload then restarts the attempt's bookkeeping, not the twin.
  }
}
