/**
 * The tour's scenario drivers, one per stage, both over live twins and both pausable:
 * - `TwinTourDriver`: the ftServer twin alone, through the twin's own LiveDriver.
 * - `CompareTourDriver`: the comparison's three twins; an `inject` strikes all three (mapped by
 *   the FaultMap), speed and warps drive all three, checks are evaluated on the ftServer.
 * Captions go to the tour's caption bar. `pace` (tests, rehearsals) divides reading holds and
 * multiplies speeds, so a tour plays the same story faster.
 */
import type { Command, CommandResult } from '@ft/engine';
import type { CameraTarget, Observation, ScenarioDriver } from '@ft/lessons';
import { LiveDriver, type TwinInstance } from '@ft/twin';
import { ARCHS, MAX_JUMP_MS, skipToNextEvent } from '../compare/drive.ts';
import type { CompareSession } from '../compare/session.ts';
import type { PauseGate } from './pauseGate.ts';

/** Where a driver shows captions. */
export interface CaptionSink {
  caption(text: string | null): void;
}

/** The fastest number speed the tour asks for (`max` on the comparison: the three stay in step). */
const MAX_NUMBER_SPEED = 100_000;
const COMPARE_MAX_SPEED = 1_000;
const POLL_MS = 100;

export type TourDriver = ScenarioDriver & { dispose(): void };

function scaled(speed: number | 'max', pace: number): number | 'max' {
  return speed === 'max' ? 'max' : Math.min(speed * pace, MAX_NUMBER_SPEED);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export class TwinTourDriver implements TourDriver {
  readonly headless = false;
  private readonly live: LiveDriver;
  private scenarioSpeed: number | 'max' = 1;
  private readonly offGate: () => void;

  constructor(
    private readonly twin: TwinInstance,
    private readonly gate: PauseGate,
    private readonly pace: number,
    private readonly sink: CaptionSink,
  ) {
    this.live = new LiveDriver(twin);
    this.offGate = gate.onChange((paused) => void this.applySpeed(paused));
  }

  dispose(): void {
    this.offGate();
    this.live.dispose();
  }

  private applySpeed(paused: boolean): Promise<void> {
    return this.live.speed(paused ? 0 : scaled(this.scenarioSpeed, this.pace));
  }

  timeMs(): number {
    return this.live.timeMs();
  }
  async command(command: Command): Promise<CommandResult> {
    await this.gate.wait();
    return this.live.command(command);
  }
  observe(): Promise<Observation> {
    return this.live.observe();
  }
  /** The twin's clock stands still while paused (speed 0), so waits simply last longer. */
  advance(simMs: number, signal?: AbortSignal): Promise<void> {
    return this.live.advance(simMs, signal);
  }
  async warp(limitMs: number): Promise<number> {
    await this.gate.wait();
    return this.live.warp(limitMs);
  }
  until(test: (o: Observation) => boolean, timeoutMs: number, signal?: AbortSignal) {
    return this.live.until(test, timeoutMs, signal);
  }
  async speed(value: number | 'max'): Promise<void> {
    this.scenarioSpeed = value;
    if (!this.gate.paused) await this.applySpeed(false);
  }
  /**
   * A part view turns the camera to the part's system without selecting the part: in the
   * embedded layout a selection opens the parts drawer over the 3D view the story is about.
   */
  async camera(view: CameraTarget): Promise<void> {
    if (!view.startsWith('part:')) return this.live.camera(view);
    const id = view.slice('part:'.length);
    const spec = this.twin.store.getState().rack?.components.find((c) => c.id === id);
    if (spec) this.twin.ui.requestCamera('focus', spec.systemId);
  }
  select(target: string | null): Promise<void> {
    return this.live.select(target);
  }
  async caption(text: string | null): Promise<void> {
    this.sink.caption(text);
  }
  hold(ms: number, signal?: AbortSignal): Promise<void> {
    return this.gate.hold(ms / this.pace, signal);
  }
}

export class CompareTourDriver implements TourDriver {
  readonly headless = false;
  private readonly ft: LiveDriver;
  private scenarioSpeed: number | 'max' = 1;
  private readonly offGate: () => void;

  constructor(
    private readonly session: CompareSession,
    private readonly gate: PauseGate,
    private readonly pace: number,
    private readonly sink: CaptionSink,
  ) {
    this.ft = new LiveDriver(session.handles.ftserver.instance);
    this.offGate = gate.onChange((paused) => void this.applySpeed(paused));
  }

  dispose(): void {
    this.offGate();
    this.ft.dispose();
  }

  private applySpeed(paused: boolean): Promise<void> {
    const s = scaled(this.scenarioSpeed, this.pace);
    return this.session.setSpeed(
      paused ? 0 : s === 'max' ? COMPARE_MAX_SPEED : Math.min(s, COMPARE_MAX_SPEED),
    );
  }

  timeMs(): number {
    return this.session.commonTimeMs();
  }

  /** An injection strikes all three; any other command goes to the ftServer. */
  async command(command: Command): Promise<CommandResult> {
    await this.gate.wait();
    if (command.type !== 'inject') return this.ft.command(command);
    const results = await this.session.inject(command.target, command.fault);
    const refused = results.filter((r) => r.target !== null && !r.ok);
    if (refused.length === 0) return { ok: true };
    return {
      ok: false,
      error: refused.map((r) => `${r.architecture}: ${r.error ?? 'refused'}`).join('; '),
    };
  }

  observe(): Promise<Observation> {
    return this.ft.observe();
  }

  /** Lets `simMs` pass on all three (the slowest clock counts). */
  async advance(simMs: number, signal?: AbortSignal): Promise<void> {
    const target = this.timeMs() + simMs;
    while (!signal?.aborted && this.timeMs() < target) await sleep(POLL_MS, signal);
  }

  /** Skips quiet time on all three; they meet at the latest next event, then play on. */
  async warp(limitMs: number): Promise<number> {
    await this.gate.wait();
    const t = await skipToNextEvent(this.session.twins, Math.min(limitMs, MAX_JUMP_MS));
    if (!this.gate.paused) await this.applySpeed(false);
    return t;
  }

  until(test: (o: Observation) => boolean, timeoutMs: number, signal?: AbortSignal) {
    return this.ft.until(test, timeoutMs, signal);
  }

  async speed(value: number | 'max'): Promise<void> {
    this.scenarioSpeed = value;
    if (!this.gate.paused) await this.applySpeed(false);
  }

  /** Front, rear and overview turn all three; a system or part view, the ftServer's. */
  async camera(view: CameraTarget): Promise<void> {
    if (view === 'front' || view === 'rear' || view === 'overview') {
      for (const arch of ARCHS)
        this.session.handles[arch].instance.ui.requestCamera(view === 'overview' ? 'reset' : view);
      return;
    }
    await this.ft.camera(view);
  }

  select(target: string | null): Promise<void> {
    return this.ft.select(target);
  }
  async caption(text: string | null): Promise<void> {
    this.sink.caption(text);
  }
  hold(ms: number, signal?: AbortSignal): Promise<void> {
    return this.gate.hold(ms / this.pace, signal);
  }
}
