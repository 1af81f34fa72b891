/**
 * The scenario driver of a live twin (its engine in a worker): commands go through the twin's
 * normal command path, time advances on its own at the twin's speed, checks are evaluated on
 * the engine's records as events arrive. Used by `<ft-twin scenario>`, the iframe page, the
 * guided tour and the lesson player. See @ft/lessons `ScenarioDriver` for the contract.
 */
import type { Command, CommandResult, EngineEvent } from '@ft/engine';
import {
  buildView,
  type CameraTarget,
  type Observation,
  type ScenarioDriver,
  type UserAction,
} from '@ft/lessons';
import type { TwinInstance } from '../instance.ts';

/** How often a waiting driver looks at the clock, in wall milliseconds. */
const POLL_MS = 100;
/** Longest a wait on checks sleeps between observations when no event arrives. */
const CHECK_EVERY_MS = 400;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export class LiveDriver implements ScenarioDriver {
  readonly headless = false;
  /** Engine events since the driver started, oldest first. */
  readonly events: EngineEvent[] = [];
  /** The trainee's actions, recorded by a lesson player (empty for plain scenarios). */
  readonly actions: UserAction[] = [];
  private readonly off: () => void;
  private wake: (() => void) | null = null;

  /**
   * @param setSpeed where a scenario's `speed` step goes (the engine's own by default); a host
   *   that pauses an off-screen twin passes one that remembers the speed until it is in view.
   */
  constructor(
    private readonly twin: TwinInstance,
    private readonly setSpeed: (multiplier: number) => Promise<void> = (m) =>
      twin.engine.setSpeed(m),
  ) {
    this.off = twin.engine.bus.on('event', (event) => {
      if (event.kind === 'vote') return;
      this.events.push(event);
      this.wake?.();
    });
  }

  dispose(): void {
    this.off();
  }

  timeMs(): number {
    this.twin.engine.refreshSnapshot();
    return this.twin.live.views ? this.twin.live.views.clock[0] : 0;
  }

  command(command: Command): Promise<CommandResult> {
    return this.twin.engine.command(command);
  }

  async observe(): Promise<Observation> {
    const rack = this.twin.store.getState().rack;
    const records = await this.twin.engine.records();
    if (!rack || !records) throw new Error('the twin is not running (restarting?)');
    return { view: buildView({ ...records, rack }), events: this.events, actions: this.actions };
  }

  async advance(simMs: number, signal?: AbortSignal): Promise<void> {
    const target = this.timeMs() + simMs;
    while (!signal?.aborted && this.timeMs() < target) await sleep(POLL_MS, signal);
  }

  warp(limitMs: number): Promise<number> {
    return this.twin.engine.jumpToNextEvent(limitMs);
  }

  async until(
    test: (o: Observation) => boolean,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<boolean> {
    const deadline = this.timeMs() + timeoutMs;
    for (;;) {
      if (test(await this.observe())) return true;
      if (signal?.aborted || this.timeMs() >= deadline) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, CHECK_EVERY_MS);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
        signal?.addEventListener('abort', done, { once: true });
      });
      this.wake = null;
    }
  }

  speed(value: number | 'max'): Promise<void> {
    return this.setSpeed(value === 'max' ? -1 : value);
  }

  async camera(view: CameraTarget): Promise<void> {
    const ui = this.twin.ui;
    if (view === 'front' || view === 'rear') ui.requestCamera(view);
    else if (view === 'overview') ui.requestCamera('reset');
    else if (view.startsWith('system:')) ui.requestCamera('focus', view.slice('system:'.length));
    else {
      const id = view.slice('part:'.length);
      const spec = this.twin.store.getState().rack?.components.find((c) => c.id === id);
      if (spec) {
        ui.requestCamera('focus', spec.systemId);
        ui.select(spec.id);
      }
    }
  }

  async select(target: string | null): Promise<void> {
    this.twin.ui.select(target);
  }

  async caption(text: string | null): Promise<void> {
    this.twin.ui.setCaption(text);
  }

  hold(ms: number, signal?: AbortSignal): Promise<void> {
    return sleep(ms, signal);
  }
}
