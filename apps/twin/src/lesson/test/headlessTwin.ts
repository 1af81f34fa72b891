/**
 * Test doubles for the lesson pages: a twin over a headless `Engine` with the same surface as
 * the real one (`TwinPort`: a bus that announces commands, warps and events; a store refreshed
 * after the announcement, as the engine client does), a live-like scenario driver over it, and a
 * manual wall clock.
 */
import type { Command, CommandResult, Engine, EngineEvent } from '@ft/engine';
import {
  advanceTo,
  buildView,
  type CameraTarget,
  type Observation,
  pollUntil,
  type ScenarioDriver,
  type UserAction,
} from '@ft/lessons';
import type { Clock } from '../clock.ts';
import type { RecordsNow, TwinBusEvents, TwinPort, TwinStoreView } from '../twinPort.ts';

type Listener = (payload: never) => void;

export class TestBus {
  private readonly listeners = new Map<string, Set<Listener>>();
  on<K extends keyof TwinBusEvents>(event: K, fn: (p: TwinBusEvents[K]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(fn as Listener);
    return () => set.delete(fn as Listener);
  }
  emit<K extends keyof TwinBusEvents>(event: K, payload: TwinBusEvents[K]): void {
    for (const fn of [...(this.listeners.get(event) ?? [])]) (fn as (p: unknown) => void)(payload);
  }
}

class TestStore {
  private listeners = new Set<(s: TwinStoreView, p: TwinStoreView) => void>();
  constructor(private state: TwinStoreView) {}
  getState = (): TwinStoreView => this.state;
  setState(change: Partial<TwinStoreView>): void {
    const previous = this.state;
    this.state = { ...previous, ...change };
    for (const l of [...this.listeners]) l(this.state, previous);
  }
  subscribe = (l: (s: TwinStoreView, p: TwinStoreView) => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
}

export class HeadlessTwin implements TwinPort {
  readonly bus = new TestBus();
  readonly store: TestStore;
  readonly engine: TwinPort['engine'];
  /** Every engine event announced so far (no vote traces). */
  readonly events: EngineEvent[] = [];

  constructor(readonly core: Engine) {
    this.store = new TestStore({
      rack: core.rack,
      components: {},
      counters: [],
      systems: [],
      serviceCalls: [],
      dumps: [],
      selectedId: null,
      speed: 1,
    });
    this.refresh();
    const records = (): RecordsNow => ({
      timeMs: core.timeMs,
      components: core.components(),
      counters: core.counters(),
      systems: core.systems(),
      serviceCalls: core.serviceCalls(),
      dumps: core.dumps(),
    });
    this.engine = {
      bus: this.bus,
      command: async (command: Command): Promise<CommandResult> => {
        const timeMs = core.timeMs;
        const result = core.command(command);
        // As the engine client: announce first, refresh the store afterwards.
        this.bus.emit('command', { command, result, timeMs });
        this.drain();
        this.refresh();
        return result;
      },
      records: async () => records(),
      step: async (simMs: number) => this.advance(simMs),
      setSpeed: async (speed: number) => this.store.setState({ speed }),
      jumpToNextEvent: async (limitMs: number) => {
        const fromMs = core.timeMs;
        const toMs = core.warpToNextEvent(limitMs);
        this.bus.emit('warp', { fromMs, limitMs, toMs });
        this.drain();
        this.refresh();
        return toMs;
      },
      ready: async () => {},
    };
    this.drain();
  }

  /** Lets simulated time pass on the replay grid, announcing the events. */
  advance(simMs: number): void {
    advanceTo(this.core, this.core.timeMs + simMs);
    this.drain();
    this.refresh();
  }

  private drain(): void {
    for (const e of this.core.drainEvents()) {
      if (e.kind === 'vote') continue;
      this.events.push(e);
      this.bus.emit('event', e);
    }
  }

  private refresh(): void {
    const core = this.core;
    this.store.setState({
      components: Object.fromEntries(core.components().map((c) => [c.id, c])),
      counters: core.counters(),
      systems: core.systems(),
      serviceCalls: core.serviceCalls(),
      dumps: core.dumps(),
    });
  }

  select(id: string | null): void {
    this.store.setState({ selectedId: id });
  }
}

/** The live driver's behaviour over a {@link HeadlessTwin} (time passes only when told). */
export class HeadlessLiveDriver implements ScenarioDriver {
  readonly headless = false;
  readonly actions: UserAction[] = [];
  constructor(readonly twin: HeadlessTwin) {}
  timeMs(): number {
    return this.twin.core.timeMs;
  }
  command(command: Command): Promise<CommandResult> {
    return this.twin.engine.command(command);
  }
  async observe(): Promise<Observation> {
    const records = await this.twin.engine.records();
    if (!records) throw new Error('no records');
    return {
      view: buildView({ ...records, rack: this.twin.core.rack }),
      events: this.twin.events,
      actions: this.actions,
    };
  }
  async advance(simMs: number): Promise<void> {
    this.twin.advance(simMs);
  }
  warp(limitMs: number): Promise<number> {
    return this.twin.engine.jumpToNextEvent(limitMs);
  }
  until(test: (o: Observation) => boolean, timeoutMs: number, signal?: AbortSignal) {
    return pollUntil(this, test, timeoutMs, 250, signal);
  }
  async speed(): Promise<void> {}
  async camera(view: CameraTarget): Promise<void> {
    if (view.startsWith('part:')) this.twin.select(view.slice('part:'.length));
  }
  async select(target: string | null): Promise<void> {
    this.twin.select(target);
  }
  async caption(): Promise<void> {}
  async hold(): Promise<void> {}
}

/** A wall clock that moves only when a test says so. */
export class ManualClock implements Clock {
  private t = 0;
  private timers: { at: number; every: number | null; fn: () => void; id: number }[] = [];
  private ids = 0;
  now = (): number => this.t;
  every(ms: number, fn: () => void): () => void {
    const id = ++this.ids;
    this.timers.push({ at: this.t + ms, every: ms, fn, id });
    return () => this.cancel(id);
  }
  after(ms: number, fn: () => void): () => void {
    const id = ++this.ids;
    this.timers.push({ at: this.t + ms, every: null, fn, id });
    return () => this.cancel(id);
  }
  private cancel(id: number): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }
  /** Moves the clock on by `ms`, firing the timers due on the way, in order. */
  tick(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.t = due.at;
      if (due.every === null) this.cancel(due.id);
      else due.at += due.every;
      due.fn();
    }
    this.t = end;
  }
}
