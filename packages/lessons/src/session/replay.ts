/**
 * Headless replay of a session: a fresh engine with the session's rack and seed, advanced to each
 * log entry's time and given its command (or time warp) there, then advanced to the end. The same
 * session gives the same engine, byte for byte (`engine.save()`).
 */
import { Engine, type EngineEvent } from '@ft/engine';
import { rackConfigOf } from '../schema/rack.ts';
import { advanceTo } from '../time.ts';
import type { Session } from './types.ts';

export interface Replay {
  engine: Engine;
  /** Every event of the replay (no vote traces), oldest first. */
  events: EngineEvent[];
  /** Commands the engine refused during the replay (as it did when they were recorded). */
  refused: { index: number; error: string }[];
}

/**
 * Replays `session` up to `untilMs` (default: its end). Jumping to any time of a replay timeline
 * is a replay to that time; a recorded time warp across `untilMs` ends there.
 *
 * @example
 * const { engine } = replaySession(session);
 * engine.drainEvents();
 * sameBytes(engine.save(), recorded); // true
 */
export function replaySession(session: Session, untilMs = session.endMs): Replay {
  const engine = Engine.fromConfig(rackConfigOf(session.rack), {
    seed: session.seed,
    randomFaults: session.randomFaults === true,
  });
  const events: EngineEvent[] = [];
  const refused: Replay['refused'] = [];
  const drain = () => {
    for (const e of engine.drainEvents()) if (e.kind !== 'vote') events.push(e);
  };
  drain();
  for (const [index, entry] of session.log.entries()) {
    if (entry.timeMs > untilMs) break;
    advanceTo(engine, entry.timeMs);
    if ('command' in entry) {
      const result = engine.command(entry.command);
      if (!result.ok) refused.push({ index, error: result.error ?? 'refused' });
    } else if (engine.timeMs < untilMs) {
      // A warp that would pass `untilMs` stops there (a timeline jump lands where asked).
      engine.warpToNextEvent(Math.min(entry.warpToNextEvent, untilMs - engine.timeMs));
    }
    drain();
  }
  advanceTo(engine, untilMs);
  drain();
  return { engine, events, refused };
}

/** True when two byte arrays are equal (compare `engine.save()` outputs). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
