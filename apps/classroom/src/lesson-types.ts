/**
 * What the classroom takes from `@ft/lessons`: the engine command schema and the rack reference
 * (`{ preset }` or `{ config }`) used by session logs, and the fault kinds. The server never
 * plays a lesson or a session: it checks their shape at the edge, stores and relays them.
 *
 * `@ft/lessons` defines a session (`src/session/types.ts`: seed + rack + timed command log) but
 * does not export it or a schema for it yet; `SessionEntry` below mirrors its entry type, and
 * should become an import once the package exports one.
 */
import type { Command } from '@ft/engine';
import type { RackRef } from '@ft/lessons';

export {
  commandSchema,
  COMPONENT_ID_PATTERN,
  FAULT_KINDS,
  faultsFor,
  rackRefSchema,
} from '@ft/lessons';
export type { RackRef };

/** Lesson and drill ids: lower-case words joined by hyphens, as the lesson files are named. */
export const LESSON_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What a trainee is asked to play. */
export interface Assignment {
  kind: 'lesson' | 'drill';
  lessonId: string;
  /** The seed drawing the lesson's variables (which CPU element fails...). */
  seed: number;
}

/** The start of a recorded session: enough to rebuild the trainee's engine. */
export interface SessionHeader {
  lessonId: string | null;
  seed: number;
  rack: RackRef;
}

/**
 * One entry of a session log, as `@ft/lessons` records it: an engine command at simulated time
 * `timeMs`, or a jump to the next event (`engine.warpToNextEvent(limitMs)`) taken there.
 */
export type SessionEntry =
  | { timeMs: number; command: Command }
  | { timeMs: number; warpToNextEvent: number };
