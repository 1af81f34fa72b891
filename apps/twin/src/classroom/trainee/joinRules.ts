/**
 * The trainee page's rules for joining and rejoining: whether the running twin is the one for an
 * assignment, whether a welcome continues the same session, and the join form's words for a
 * refusal.
 */
import type { Assignment, SessionHeader, TraineeWelcome } from '@ft/classroom/client';

/** Whether the twin running now is the one for this assignment (free play: no lesson). */
export function matches(assignment: Assignment | null, header: SessionHeader): boolean {
  if (!assignment) return header.lessonId === null;
  return header.lessonId === assignment.lessonId && header.seed === assignment.seed;
}

/** Whether the server's session (in a welcome) is the one this page runs. */
export function sameSession(w: TraineeWelcome, header: SessionHeader): boolean {
  const theirs = w.session?.header;
  return !!theirs && JSON.stringify(theirs) === JSON.stringify(header);
}

/** The join form's line for a refusal code (docs/classroom.md, handshake refusals). */
export function refusalText(code: string | undefined, message: string): string {
  switch (code) {
    case 'unknown-class':
      return 'No class has this code. Check the code on the instructor’s screen.';
    case 'class-ended':
      return 'This class has ended.';
    case 'class-full':
      return 'This class is full.';
    case 'unknown-token':
      return 'This browser’s place in the class was not found. Join again with your name.';
    case 'rate-limited':
      return 'Too many attempts from this computer. Wait a minute, then try again.';
    case 'invalid-auth':
      return `Check the code and your name: ${message}`;
    default:
      return `The classroom server refused to join: ${message}`;
  }
}
