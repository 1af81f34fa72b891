/**
 * What the scenario runner needs from a twin. Two kinds of host implement it: a headless one over
 * the synchronous `Engine` in Node ({@link EngineDriver}), which advances simulated time itself,
 * and a live one over a twin whose engine runs in a worker (commands are async, events arrive in
 * batches and time advances on its own at the chosen speed).
 *
 * Contract: methods resolve (never reject) for anything the twin refuses — a refused command
 * resolves with `{ ok: false, error }`. A method that does reject (a dead worker) is reported by
 * the runner as that step's error. Methods that wait take an AbortSignal and resolve early once it
 * is aborted.
 */
import type { Command, CommandResult } from '@ft/engine';
import type { Observation } from '../view.ts';
import type { CameraTarget } from './types.ts';

export interface ScenarioDriver {
  /** True when nobody watches: `hold` steps are skipped and presentation steps change nothing. */
  readonly headless: boolean;
  /** Simulated time now, in ms since the engine started. */
  timeMs(): number;
  command(command: Command): Promise<CommandResult>;
  /** The current view with every event (and recorded trainee action) since the driver started. */
  observe(): Promise<Observation>;
  /**
   * Lets `simMs` of simulated time pass. Headless: advances the engine. Live: resolves once the
   * twin's clock has moved on by `simMs` (at whatever speed it runs).
   */
  advance(simMs: number, signal?: AbortSignal): Promise<void>;
  /** Skips quiet simulated time to the next scheduled event, at most `limitMs`; the new time. */
  warp(limitMs: number): Promise<number>;
  /**
   * Resolves true as soon as `test` holds for an observation, false once `timeoutMs` of simulated
   * time has passed without it (or on abort). `test` is pure and cheap enough to call per batch
   * of events.
   */
  until(
    test: (o: Observation) => boolean,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<boolean>;
  speed(value: number | 'max'): Promise<void>;
  camera(view: CameraTarget): Promise<void>;
  select(target: string | null): Promise<void>;
  caption(text: string | null): Promise<void>;
  /** A wall-clock pause of `ms` (live hosts only; the runner skips holds when headless). */
  hold(ms: number, signal?: AbortSignal): Promise<void>;
  /** Reloads the rack as it started. Optional: a step asking for it fails where it is missing. */
  reset?(): Promise<void>;
  /** Records the trainee's answer to a lesson question. Optional (lesson players only). */
  answer?(question: string, value: string): Promise<void>;
}

/**
 * A simple `until` for drivers that cannot be told when things change: observe, then let
 * `pollMs` of simulated time pass, until the test holds or the timeout is reached.
 *
 * @example
 * until(test, timeoutMs, signal) { return pollUntil(this, test, timeoutMs, 250, signal); }
 */
export async function pollUntil(
  driver: Pick<ScenarioDriver, 'observe' | 'advance' | 'timeMs'>,
  test: (o: Observation) => boolean,
  timeoutMs: number,
  pollMs: number,
  signal?: AbortSignal,
): Promise<boolean> {
  const deadline = driver.timeMs() + timeoutMs;
  for (;;) {
    if (test(await driver.observe())) return true;
    const left = deadline - driver.timeMs();
    if (left <= 0 || signal?.aborted) return false;
    await driver.advance(Math.min(pollMs, left), signal);
  }
}
