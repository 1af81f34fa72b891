/**
 * Replays a trainee's session log into a twin, and keeps replaying as the log grows: what the
 * instructor's read-only mirror and a trainee's reload both do. The twin is kept paused; time is
 * advanced by `step()` to each entry's simulated time, where the entry's command (or time warp)
 * is applied, as `@ft/lessons`' `replaySession` does headless. Steps stop at every point of the
 * lessons' advance grid, so a follower over a headless engine ends byte for byte where
 * `replaySession` does (follower.test.ts); the engine is deterministic, so the twin ends where
 * the trainee's did.
 *
 * The follower keeps its own clock (the sum of its steps and warps) rather than reading the
 * twin's snapshot, which may lag behind a step by a frame.
 */
import type { Command } from '@ft/engine';
import { ADVANCE_GRID_MS, type SessionEntry } from '@ft/lessons';

/** What the follower drives: a twin through its engine client, or a headless engine in tests. */
export interface ReplayTarget {
  /** Simulated time now (read once, when the follower starts). */
  simTimeMs(): number;
  step(simMs: number): Promise<void>;
  /** Applies a command; a refusal is an answer (the recording was refused too), not an error. */
  command(command: Command): Promise<{ ok: boolean; error?: string }>;
  /** Time warp to the next scheduled event, at most `limitMs`; the new simulated time. */
  warp(limitMs: number): Promise<number>;
}

export interface FollowerProgress {
  timeMs: number;
  targetMs: number;
  applied: number;
}

export interface FollowerOptions {
  /** Steps stop at every multiple of this (default the lessons' grid, 250 ms). */
  gridMs?: number;
  /** Told after every step while catching up (a "restoring…" bar). */
  onProgress?(progress: FollowerProgress): void;
}

export class SessionFollower {
  /** Entries applied so far (the next entry's sequence number). */
  applied = 0;
  /** Entries whose time had already passed when they arrived: applied at once, so not exact. */
  late = 0;
  /** Commands the engine refused during the replay, by entry index. */
  readonly refused: { index: number; error: string }[] = [];
  private clockMs: number;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly gridMs: number;

  constructor(
    private readonly target: ReplayTarget,
    private readonly options: FollowerOptions = {},
  ) {
    this.clockMs = target.simTimeMs();
    this.gridMs = options.gridMs ?? ADVANCE_GRID_MS;
  }

  /** Simulated time the follower has brought the twin to. */
  get timeMs(): number {
    return this.clockMs;
  }

  /**
   * Takes the twin's clock again (someone ran the twin meanwhile): entries whose time has then
   * passed are applied at once and counted as late. Queued after the calls before it.
   */
  resync(): Promise<void> {
    const run = this.queue.then(() => {
      this.clockMs = Math.max(this.clockMs, this.target.simTimeMs());
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /** Stops after the current step (the twin is being replaced). */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Applies `entries` (the log from entry `firstSeq` on; entries already applied are skipped),
   * then advances to `untilMs` when it is later than the last entry. Calls run one after another.
   *
   * @example
   * await follower.follow(session.entries, 0, progress.simTimeMs);
   */
  follow(entries: readonly SessionEntry[], firstSeq = 0, untilMs = 0): Promise<void> {
    const run = this.queue.then(() => this.run(entries, firstSeq, untilMs));
    this.queue = run.catch(() => {});
    return run;
  }

  private async run(entries: readonly SessionEntry[], firstSeq: number, untilMs: number) {
    for (let i = Math.max(0, this.applied - firstSeq); i < entries.length; i++) {
      if (this.stopped) return;
      const entry = entries[i];
      if (entry.timeMs < this.clockMs) this.late++;
      else await this.advanceTo(entry.timeMs, untilMs);
      if (this.stopped) return;
      if ('command' in entry) {
        const result = await this.target.command(entry.command);
        if (!result.ok)
          this.refused.push({ index: this.applied, error: result.error ?? 'refused' });
      } else {
        this.clockMs = await this.target.warp(entry.warpToNextEvent);
      }
      this.applied++;
    }
    if (untilMs > this.clockMs) await this.advanceTo(untilMs, untilMs);
  }

  /** Steps to `timeMs`, stopping at every grid point (as the headless replay does). */
  private async advanceTo(timeMs: number, reportTargetMs: number): Promise<void> {
    const targetMs = Math.max(timeMs, reportTargetMs);
    while (this.clockMs < timeMs && !this.stopped) {
      const next = Math.min((Math.floor(this.clockMs / this.gridMs) + 1) * this.gridMs, timeMs);
      await this.target.step(next - this.clockMs);
      this.clockMs = next;
      this.options.onProgress?.({ timeMs: next, targetMs, applied: this.applied });
    }
  }
}
