/**
 * A session: seed + rack + timed command log (+ the lesson and its progress). It replays to the
 * same states exactly, is saved as a file, and travels in a share link.
 */
import type { Command } from '@ft/engine';
import type { Attempt } from '../lesson/types.ts';
import type { RackRef } from '../schema/rack.ts';
import type { UserAction } from '../view.ts';

/** A command applied at simulated time `timeMs`, or a time warp taken there. */
export type SessionEntry =
  | { timeMs: number; command: Command }
  /** `engine.warpToNextEvent(limitMs)` at `timeMs`. */
  | { timeMs: number; warpToNextEvent: number };

export interface SessionLesson {
  id: string;
  /** Seed the lesson's variables were drawn with. */
  seed: number;
  variables: Record<string, string | Record<string, string>>;
  attempt: Attempt;
  actions: UserAction[];
}

export const SESSION_FORMAT = 'ftserver-twin-session';
export const SESSION_VERSION = 1;

export interface Session {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  rack: RackRef;
  seed: number;
  randomFaults?: boolean;
  /** Entries in the order they were applied; times never go back. */
  log: SessionEntry[];
  /** Simulated time the session ends at (the replay advances there after the last entry). */
  endMs: number;
  lesson?: SessionLesson;
}
