/**
 * The headless {@link ScenarioDriver}: a synchronous `Engine` in Node (CLI, tests, the
 * classroom server). It advances simulated time itself, keeps every event, and records the
 * session log (commands and time warps at their simulated times) so that the run can be
 * replayed exactly ({@link replaySession}).
 */
import { Engine, type Command, type CommandResult, type EngineEvent } from '@ft/engine';
import type { RackConfig } from '@ft/hardware';
import type { SessionEntry } from '../session/types.ts';
import { advanceTo } from '../time.ts';
import { commandAction, engineView, type Observation, type UserAction } from '../view.ts';
import type { ScenarioDriver } from './driver.ts';
import type { CameraTarget } from './types.ts';

/** Simulated ms between two looks at the state while waiting for a check. */
export const POLL_MS = 250;
/** Longest single time warp while waiting (keeps checks looked at often enough). */
export const WAIT_WARP_LIMIT_MS = 60_000;

export interface EngineDriverOptions {
  /**
   * Skip quiet stretches with time warp while waiting (default true): the same as pressing "skip
   * to the next event" whenever nothing runs. Warps are logged, so replays stay exact.
   */
  warpWhileWaiting?: boolean;
  /** Record commands as trainee actions (a lesson player running a solution). Default false. */
  recordActions?: boolean;
}

/** Presentation steps the headless driver saw (nobody watches, but tests may ask). */
export type Presentation =
  | { do: 'speed'; speed: number | 'max' }
  | { do: 'camera'; view: CameraTarget }
  | { do: 'select'; target: string | null }
  | { do: 'caption'; text: string | null };

export class EngineDriver implements ScenarioDriver {
  readonly headless = true;
  /** Every engine event since the driver started (or the last reset), oldest first. */
  readonly events: EngineEvent[] = [];
  /** Trainee actions recorded while {@link recordActions} is on. */
  readonly actions: UserAction[] = [];
  /** The session log: every command and warp at its simulated time. */
  readonly log: SessionEntry[] = [];
  readonly presented: Presentation[] = [];
  /** Record commands, selections and answers as trainee actions. */
  recordActions: boolean;
  /** Simulated ms skipped by time warps (not trainee time). */
  warpedMs = 0;
  private readonly warpWhileWaiting: boolean;
  /** The engine as it was when the driver took it, for {@link reset}. */
  private readonly initial: Uint8Array;

  constructor(
    public engine: Engine,
    options: EngineDriverOptions = {},
  ) {
    this.warpWhileWaiting = options.warpWhileWaiting ?? true;
    this.recordActions = options.recordActions ?? false;
    this.drain();
    this.initial = engine.save();
  }

  /** A driver over a fresh engine for a rack configuration and seed. */
  static forRack(config: RackConfig, seed: number, options?: EngineDriverOptions): EngineDriver {
    return new EngineDriver(Engine.fromConfig(config, { seed }), options);
  }

  timeMs(): number {
    return this.engine.timeMs;
  }

  private drain(): void {
    for (const e of this.engine.drainEvents()) if (e.kind !== 'vote') this.events.push(e);
  }

  /** The same as {@link command}, synchronously. */
  commandNow(command: Command): CommandResult {
    const before = this.recordActions ? engineView(this.engine) : null;
    this.log.push({ timeMs: this.engine.timeMs, command });
    const result = this.engine.command(command);
    if (before) this.actions.push(commandAction(before, command, result, engineView(this.engine)));
    this.drain();
    return result;
  }

  async command(command: Command): Promise<CommandResult> {
    return this.commandNow(command);
  }

  /** The observation now, synchronously. */
  observeNow(): Observation {
    this.drain();
    return { view: engineView(this.engine), events: this.events, actions: this.actions };
  }

  async observe(): Promise<Observation> {
    return this.observeNow();
  }

  /** Warps once: logged, and counted as skipped time. */
  warpNow(limitMs: number): number {
    const from = this.engine.timeMs;
    this.log.push({ timeMs: from, warpToNextEvent: limitMs });
    const to = this.engine.warpToNextEvent(limitMs);
    this.warpedMs += to - from;
    this.drain();
    return to;
  }

  async warp(limitMs: number): Promise<number> {
    return this.warpNow(limitMs);
  }

  /** Lets `simMs` pass, warping over quiet stretches when allowed. */
  advanceNow(simMs: number, signal?: AbortSignal): void {
    const end = this.engine.timeMs + simMs;
    while (this.engine.timeMs < end && !signal?.aborted) {
      if (this.warpWhileWaiting && this.engine.canWarp()) {
        this.warpNow(Math.min(end - this.engine.timeMs, WAIT_WARP_LIMIT_MS));
      } else {
        advanceTo(this.engine, Math.min(end, this.engine.timeMs + POLL_MS));
        this.drain();
      }
    }
  }

  async advance(simMs: number, signal?: AbortSignal): Promise<void> {
    this.advanceNow(simMs, signal);
  }

  /** Waits until `test` holds, looking after every poll or warp; false after `timeoutMs`. */
  untilNow(test: (o: Observation) => boolean, timeoutMs: number, signal?: AbortSignal): boolean {
    const deadline = this.engine.timeMs + timeoutMs;
    for (;;) {
      if (test(this.observeNow())) return true;
      const left = deadline - this.engine.timeMs;
      if (left <= 0 || signal?.aborted) return false;
      if (this.warpWhileWaiting && this.engine.canWarp()) {
        this.warpNow(Math.min(left, WAIT_WARP_LIMIT_MS));
      } else {
        advanceTo(this.engine, Math.min(deadline, this.engine.timeMs + POLL_MS));
        this.drain();
      }
    }
  }

  async until(
    test: (o: Observation) => boolean,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<boolean> {
    return this.untilNow(test, timeoutMs, signal);
  }

  async speed(speed: number | 'max'): Promise<void> {
    this.presented.push({ do: 'speed', speed });
  }

  async camera(view: CameraTarget): Promise<void> {
    this.presented.push({ do: 'camera', view });
  }

  async select(target: string | null): Promise<void> {
    this.presented.push({ do: 'select', target });
    if (this.recordActions)
      this.actions.push({ kind: 'select', timeMs: this.engine.timeMs, target });
  }

  async caption(text: string | null): Promise<void> {
    this.presented.push({ do: 'caption', text });
  }

  async hold(): Promise<void> {
    // Nobody watches: nothing to wait for.
  }

  async answer(question: string, value: string): Promise<void> {
    this.actions.push({ kind: 'answer', timeMs: this.engine.timeMs, question, value });
  }

  /** Puts the engine back as the driver found it; the log and events start again. */
  async reset(): Promise<void> {
    this.engine = Engine.restore(this.initial);
    this.events.length = 0;
    this.actions.length = 0;
    this.log.length = 0;
    this.presented.length = 0;
    this.warpedMs = 0;
    this.drain();
  }
}
