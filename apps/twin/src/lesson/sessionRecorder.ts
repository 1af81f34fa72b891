/**
 * Records a session from a live twin: every command the engine client announces (the trainee's
 * and the lesson's) and every time warp, at the simulated time the engine applied it. With the
 * rack and seed the twin started from, that log replays to the same states.
 */
import {
  makeSession,
  type RackRef,
  type Session,
  type SessionEntry,
  type SessionLesson,
} from '@ft/lessons';
import type { TwinBus } from './twinPort.ts';

export class SessionRecorder {
  readonly log: SessionEntry[] = [];
  /** Why the log no longer replays exactly (the worker restarted), or null. */
  interrupted: string | null = null;
  private readonly offs: (() => void)[];

  constructor(bus: TwinBus) {
    this.offs = [
      bus.on('command', ({ command, timeMs }) => this.add({ timeMs, command })),
      bus.on('warp', ({ fromMs, limitMs }) =>
        this.add({ timeMs: fromMs, warpToNextEvent: limitMs }),
      ),
      bus.on('crash', () => {
        this.interrupted ??=
          'the simulation restarted during this session, so a replay may not match it';
      }),
    ];
  }

  private add(entry: SessionEntry): void {
    const last = this.log.at(-1);
    if (last && entry.timeMs < last.timeMs) {
      this.interrupted ??= 'the simulated clock went back during this session';
      return;
    }
    this.log.push(entry);
  }

  /** Simulated time of the last entry (0 when none). */
  lastMs(): number {
    return this.log.at(-1)?.timeMs ?? 0;
  }

  /**
   * The session so far, ending at `endMs` (the twin's time now).
   *
   * @example
   * const session = recorder.session({ rack: { preset: '4300-dmr' }, seed: 7, endMs: driver.timeMs() });
   */
  session(parts: { rack: RackRef; seed: number; endMs: number; lesson?: SessionLesson }): Session {
    return makeSession({ ...parts, log: this.log, endMs: Math.max(parts.endMs, this.lastMs()) });
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
  }
}
