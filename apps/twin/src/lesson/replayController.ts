/**
 * Replays a session on a twin, exactly: the twin is kept paused and the controller drives its
 * clock with `step()` to each log entry's simulated time, then applies the entry (the command, or
 * the time warp) there, so the twin passes through the same states as the recording. Play runs
 * the clock at a chosen pace; a jump forward steps straight to the chosen entry; a jump back
 * starts a fresh twin and steps forward from the beginning.
 *
 * Framework-free: the page gives it a factory of paused twins and a frame scheduler.
 */
import type { Command, CommandResult } from '@ft/engine';
import type { Session, SessionEntry } from '@ft/lessons';

/** A twin that the replay drives: paused, stepped and commanded. */
export interface ReplayTwin {
  ready(): Promise<void>;
  step(simMs: number): Promise<void>;
  command(command: Command): Promise<CommandResult>;
  jumpToNextEvent(limitMs: number): Promise<number>;
  /** Simulated time the twin shows now (may lag a frame behind the engine). */
  clockMs(): number;
  dispose(): void;
}

export interface ReplayHost {
  /** A fresh twin for the session's rack and seed, paused at time 0. */
  makeTwin(): ReplayTwin;
  /** Wall-clock ms (for play pacing). */
  now(): number;
  /** Calls `fn` on the next frame; returns a cancel function. */
  nextFrame(fn: () => void): () => void;
}

/** Most simulated time one `step()` call runs while playing (a smooth, visible pace). */
export const MAX_STEP_CHUNK_MS = 2000;
/**
 * Most simulated time one `step()` call runs while jumping: large, because every call waits
 * for the page (which may be drawing frames) and the engine runs far faster than real time;
 * small enough that the worker answers well inside its watchdog and progress shows.
 */
export const MAX_SEEK_CHUNK_MS = 30_000;
/** Play speeds offered: multiples of wall time, and `max` (as fast as the engine goes). */
export const REPLAY_SPEEDS = [1, 10, 100, 'max'] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export type ReplayStatus = 'loading' | 'paused' | 'playing' | 'seeking' | 'ended' | 'diverged';

export interface ReplayState {
  status: ReplayStatus;
  /** Entries applied so far (0: none; `log.length`: all). */
  applied: number;
  /** Simulated time the replay has reached. */
  timeMs: number;
  speed: ReplaySpeed;
  /** Where a seek is going, while seeking. */
  seekTargetMs: number | null;
  /** Entries the engine refused during this replay (as it did when they were recorded). */
  refused: { index: number; error: string }[];
  /** Why the replay stopped matching the recording, when it did. */
  problem: string | null;
}

/** Rounds to whole microseconds: the engine's clock resolution, so tracked and engine time agree. */
function toMicro(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

export class ReplayController {
  private twin: ReplayTwin | null = null;
  private state: ReplayState;
  private readonly listeners = new Set<() => void>();
  /** Bumped by every jump and restart: a loop that sees another generation stops. */
  private generation = 0;
  private cancelFrame: (() => void) | null = null;
  private disposed = false;

  constructor(
    readonly session: Session,
    private readonly host: ReplayHost,
  ) {
    this.state = {
      status: 'loading',
      applied: 0,
      timeMs: 0,
      speed: 10,
      seekTargetMs: null,
      refused: [],
      problem: null,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): ReplayState => this.state;

  private update(change: Partial<ReplayState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of [...this.listeners]) listener();
  }

  get log(): readonly SessionEntry[] {
    return this.session.log;
  }

  /** The twin being driven (for the page to show), or null before start. */
  currentTwin(): ReplayTwin | null {
    return this.twin;
  }

  /** Builds the first twin and waits until it runs, paused at the start. */
  async start(): Promise<void> {
    await this.fresh();
  }

  private async fresh(): Promise<number> {
    const generation = ++this.generation;
    this.stopFrames();
    this.twin?.dispose();
    this.update({ status: 'loading', applied: 0, timeMs: 0, refused: [], problem: null });
    const twin = this.host.makeTwin();
    this.twin = twin;
    await twin.ready();
    if (generation === this.generation) this.update({ status: 'paused' });
    return generation;
  }

  /** Time of the next entry to apply, or the session's end. */
  private nextStopMs(): number {
    const next = this.log[this.state.applied];
    return next ? next.timeMs : this.session.endMs;
  }

  /**
   * Steps the twin to `targetMs` (no further than the next entry), then applies the entries due
   * there, up to `maxApplied` in all. Returns false when the replay cannot go on (another
   * generation, a problem).
   */
  private async advanceTo(
    targetMs: number,
    generation: number,
    maxApplied = this.log.length,
  ): Promise<boolean> {
    const twin = this.twin;
    if (!twin || generation !== this.generation) return false;
    // An entry's own time exactly (whatever its resolution); a time in between on the µs grid.
    const stop = this.nextStopMs();
    const target = targetMs >= stop ? stop : Math.min(toMicro(targetMs), stop);
    const dt = target - this.state.timeMs;
    if (dt > 0) {
      await twin.step(dt);
      if (generation !== this.generation) return false;
      this.update({ timeMs: target });
    }
    while (this.state.applied < maxApplied) {
      const entry = this.log[this.state.applied];
      if (entry.timeMs > this.state.timeMs) break;
      if (!(await this.apply(entry, twin, generation))) return false;
    }
    return true;
  }

  private async apply(entry: SessionEntry, twin: ReplayTwin, generation: number): Promise<boolean> {
    // The twin's own clock must not have run ahead (someone stepped it from the twin's panels).
    if (twin.clockMs() > entry.timeMs + 1) {
      this.update({
        status: 'diverged',
        problem: `the twin's clock was moved outside the timeline (it shows ${Math.round(twin.clockMs())} ms, the next event is at ${Math.round(entry.timeMs)} ms): start the replay again to reproduce the session exactly`,
      });
      return false;
    }
    const index = this.state.applied;
    if ('command' in entry) {
      const result = await twin.command(entry.command);
      if (generation !== this.generation) return false;
      const refused = result.ok
        ? this.state.refused
        : [...this.state.refused, { index, error: result.error ?? 'refused' }];
      this.update({ applied: index + 1, refused });
    } else {
      const to = await twin.jumpToNextEvent(entry.warpToNextEvent);
      if (generation !== this.generation) return false;
      this.update({ applied: index + 1, timeMs: Math.max(this.state.timeMs, to) });
    }
    return true;
  }

  private atEnd(): boolean {
    return this.state.applied >= this.log.length && this.state.timeMs >= this.session.endMs;
  }

  private stopFrames(): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
  }

  setSpeed(speed: ReplaySpeed): void {
    this.update({ speed });
  }

  /** Plays from here at the chosen speed until the end or a pause. */
  play(): void {
    const s = this.state.status;
    if (s === 'playing' || s === 'loading' || s === 'seeking' || s === 'diverged') return;
    if (this.atEnd()) return;
    const generation = ++this.generation;
    this.update({ status: 'playing' });
    let last = this.host.now();
    const frame = async () => {
      this.cancelFrame = null;
      if (generation !== this.generation || this.disposed) return;
      const now = this.host.now();
      const speed = this.state.speed;
      const wantMs = speed === 'max' ? MAX_STEP_CHUNK_MS : (now - last) * speed;
      last = now;
      const ok = await this.advanceTo(
        this.state.timeMs + Math.min(MAX_STEP_CHUNK_MS, wantMs),
        generation,
      );
      if (!ok || generation !== this.generation) return;
      if (this.atEnd()) {
        this.update({ status: 'ended' });
        return;
      }
      this.cancelFrame = this.host.nextFrame(() => void frame());
    };
    this.cancelFrame = this.host.nextFrame(() => void frame());
  }

  pause(): void {
    if (this.state.status !== 'playing') return;
    ++this.generation;
    this.stopFrames();
    this.update({ status: 'paused' });
  }

  /**
   * Jumps to just after entry `index` (−1: the start; `log.length`: the end of the session). A
   * jump back starts a fresh twin and replays from the beginning.
   */
  async jumpTo(index: number): Promise<void> {
    if (this.disposed) return;
    const count = this.log.length;
    const i = Math.max(-1, Math.min(count, Math.trunc(index)));
    const applied = i >= count ? count : i + 1;
    const targetMs = i >= count ? this.session.endMs : i < 0 ? 0 : this.log[i].timeMs;
    let generation = ++this.generation;
    this.stopFrames();
    if (
      applied < this.state.applied ||
      targetMs < this.state.timeMs ||
      this.state.status === 'diverged'
    ) {
      generation = await this.fresh();
      if (generation !== this.generation) return;
    }
    this.update({ status: 'seeking', seekTargetMs: targetMs });
    while (this.state.applied < applied || this.state.timeMs < targetMs) {
      const before = { applied: this.state.applied, timeMs: this.state.timeMs };
      const stepTo = Math.min(targetMs, this.state.timeMs + MAX_SEEK_CHUNK_MS);
      // Entries at the target's time but past the chosen one are left for later.
      if (!(await this.advanceTo(stepTo, generation, applied))) {
        if (generation === this.generation) this.update({ seekTargetMs: null });
        return;
      }
      if (this.state.applied === before.applied && this.state.timeMs === before.timeMs) {
        // Never spin: a log this controller cannot move through is reported, not looped on.
        this.update({
          status: 'diverged',
          seekTargetMs: null,
          problem: `the replay cannot move past ${this.state.timeMs} ms (event ${this.state.applied + 1})`,
        });
        return;
      }
    }
    if (generation !== this.generation) return;
    this.update({ status: this.atEnd() ? 'ended' : 'paused', seekTargetMs: null });
  }

  /** Starts the replay again from the beginning. */
  async restart(): Promise<void> {
    await this.jumpTo(-1);
  }

  dispose(): void {
    this.disposed = true;
    ++this.generation;
    this.stopFrames();
    this.twin?.dispose();
    this.twin = null;
    this.listeners.clear();
  }
}
