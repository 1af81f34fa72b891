/**
 * The narrow slice of `@ft/lessons` that the classroom relies on, declared here while that
 * package is being written. The server never interprets a lesson or a session: it stores and
 * relays them. What it needs to know is only their shape at the edge:
 * - a lesson or drill is named by an id and played with a seed (variables drawn by seed);
 * - a session is seed + rack + timed command log (DESIGN.md §8), which the trainee's page
 *   records and the instructor's page replays into a read-only twin.
 * When `@ft/lessons` lands, `SessionHeader`/`SessionEntry` should become its session types and
 * `LESSON_ID_PATTERN` its id rule; the schemas in `protocol.ts` are the only place to change.
 */

/** Lesson and drill ids: lower-case words joined by hyphens, as the lesson files are named. */
export const LESSON_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Rack preset names (`@ft/hardware` PRESETS keys such as `4300-dmr`). */
export const RACK_PRESET_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

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
  /** A preset name, or a rack configuration object as the engine takes it (opaque here). */
  rack: string | Record<string, unknown>;
}

/** One engine command of the session log, at the simulated time it was given. */
export interface SessionEntry {
  atMs: number;
  /** An engine command (`{ type: 'inject', target, fault }`...), relayed as it is. */
  command: { type: string; [field: string]: unknown };
}
