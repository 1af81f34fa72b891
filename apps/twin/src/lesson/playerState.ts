/** What the lesson player shows: the attempt, its score, answers, the last check and announcements. */
import type { Attempt, Score } from '@ft/lessons';

export type Tone = 'info' | 'ok' | 'warn';

export interface Announcement {
  /** Changes on every announcement, so the same words are announced again. */
  id: number;
  text: string;
  tone: Tone;
}

export interface AnswerState {
  value: string;
  correct: boolean;
}

export interface PlayerState {
  /** `setup`: a step's entry actions are playing; `over`: passed, failed or timed out. */
  phase: 'setup' | 'running' | 'over';
  attempt: Attempt;
  score: Score;
  /** The latest trainee answer per question id. */
  answers: Record<string, AnswerState>;
  announcement: Announcement | null;
  /** What "check my work" found last, for the current step (null before the first check). */
  lastCheck: { stepIndex: number; passing: number; total: number } | null;
  busy: 'skipping' | null;
  /** "Do it for me" is playing the current step's solution. */
  solving: boolean;
  /** Entry actions that failed (a refused command, a wait that timed out). */
  setupErrors: string[];
}
