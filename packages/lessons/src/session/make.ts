/** Building a session from what a host recorded. */
import type { RackRef } from '../schema/rack.ts';
import {
  SESSION_FORMAT,
  SESSION_VERSION,
  type Session,
  type SessionEntry,
  type SessionLesson,
} from './types.ts';

export interface SessionParts {
  rack: RackRef;
  seed: number;
  randomFaults?: boolean;
  log: readonly SessionEntry[];
  endMs: number;
  lesson?: SessionLesson;
}

/**
 * A session document from its parts (the log is copied).
 *
 * @example
 * const session = makeSession({ rack: { preset: 'mixed' }, seed: 1, log, endMs: twin.simTimeMs() });
 */
export function makeSession(parts: SessionParts): Session {
  const session: Session = {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    rack: parts.rack,
    seed: parts.seed,
    log: parts.log.slice(),
    endMs: parts.endMs,
  };
  if (parts.randomFaults) session.randomFaults = true;
  if (parts.lesson) session.lesson = parts.lesson;
  return session;
}
