/** What a trainee's page shows, as one immutable snapshot React reads. */
import type { Assignment, ClassMessage, ClassState, ConnectionEvent } from '@ft/classroom/client';
import type { LessonInstance } from '@ft/lessons';
import type { LessonRun } from './lessonRun.ts';

export type TraineePhase = 'connecting' | 'refused' | 'loading' | 'restoring' | 'ready';

export interface TraineeView {
  phase: TraineePhase;
  /** Why the server refused the join (bad code, class ended…), for the join form. */
  refusal: string | null;
  name: string;
  classTitle: string;
  classState: ClassState;
  connection: ConnectionEvent;
  assignment: Assignment | null;
  lesson: LessonInstance | null;
  /** The lesson run (attempt, checks), or null in free play. */
  run: LessonRun | null;
  /** Changes whenever the attempt does (React re-renders the card). */
  attemptVersion: number;
  /** A problem to show (lesson file missing, restore approximate…). */
  notice: string | null;
  restore: { timeMs: number; targetMs: number } | null;
  messages: ClassMessage[];
}

/** Before the server answered: connecting, nothing assigned. */
export function initialView(name: string): TraineeView {
  return {
    phase: 'connecting',
    refusal: null,
    name,
    classTitle: '',
    classState: 'waiting',
    connection: { connected: false },
    assignment: null,
    lesson: null,
    run: null,
    attemptVersion: 0,
    notice: null,
    restore: null,
    messages: [],
  };
}
