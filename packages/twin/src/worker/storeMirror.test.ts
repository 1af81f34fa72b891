import { type DivergenceHold, Engine, type EngineEvent } from '@ft/engine';
import { describe, expect, it, vi } from 'vitest';
import { createTwinStore, createUi } from '../state/store.ts';
import { Calls } from './calls.ts';
import type { ClientEvents } from './clientEvents.ts';
import { Emitter } from './emitter.ts';
import { Journal } from './journal.ts';
import { type MirroredApi, StoreMirror } from './storeMirror.ts';

/** A real engine behind the calls the mirror makes, as the worker would answer them. */
function engineApi(engine: Engine, hold: DivergenceHold | null = null): MirroredApi {
  return {
    drainBatch: async () => ({ events: engine.drainEvents(), timeMs: engine.timeMs, hold }),
    components: async () => engine.components(),
    counters: async () => engine.counters(),
    systems: async () => engine.systems(),
    serviceCalls: async () => engine.serviceCalls(),
    dumps: async () => engine.dumps(),
  };
}

function setup() {
  const store = createTwinStore();
  const bus = new Emitter<ClientEvents>();
  const journal = new Journal();
  const calls = new Calls();
  const mirror = new StoreMirror(store, createUi(store), bus, journal, (name, call) =>
    calls.track(name, call, 0),
  );
  return { store, bus, journal, mirror };
}

/** Lets every chained call of the mirror settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('StoreMirror', () => {
  it("puts the engine's events into the log and reads again what they changed", async () => {
    const { store, bus, mirror } = setup();
    const engine = Engine.fromPreset('4300-dmr', { seed: 1 });
    mirror.attach(engineApi(engine), () => true);
    await mirror.components();
    await settle();
    expect(Object.keys(store.getState().components).length).toBe(engine.components().length);

    const states: EngineEvent[] = [];
    bus.on('state', (e) => states.push(e));
    const target = 'A.cpu-1';
    const before = store.getState().components[target];
    expect(before).toBeDefined();
    expect(engine.command({ type: 'pull', target }).ok).toBe(true);
    engine.advance(50);
    await mirror.poll();
    await settle();

    const { events, components } = store.getState();
    expect(events.some((e) => e.kind === 'state' && e.componentId === target)).toBe(true);
    expect(states.length).toBeGreaterThan(0);
    const pulled = engine.components().find((c) => c.id === target);
    expect(components[target]).toEqual(pulled);
    expect(components[target]?.state).not.toBe(before?.state);
    expect(store.getState().systems).toEqual(engine.systems());
  });

  it('a batch that changes components and a system status reads the per-system records once', async () => {
    const { store, mirror } = setup();
    const engine = Engine.fromPreset('4300-dmr', { seed: 1 });
    const api = engineApi(engine);
    const systems = vi.fn(api.systems);
    mirror.attach({ ...api, systems }, () => true);
    engine.command({ type: 'pull', target: 'A.cpu-1' });
    engine.advance(50);
    await mirror.poll();
    await settle();
    const kinds = new Set(store.getState().events.map((e) => e.kind));
    expect(kinds.has('state') && kinds.has('system')).toBe(true);
    expect(systems).toHaveBeenCalledTimes(1);
    expect(store.getState().counters).toEqual(engine.counters());
  });

  it('ignores the answers of a worker that was replaced meanwhile', async () => {
    const { store, mirror } = setup();
    const engine = Engine.fromPreset('4300-dmr', { seed: 1 });
    let current = true;
    mirror.attach(engineApi(engine), () => current);
    engine.command({ type: 'pull', target: 'A.cpu-1' });
    const polled = mirror.poll();
    current = false;
    await polled;
    await settle();
    expect(store.getState().events).toEqual([]);
    expect(store.getState().components).toEqual({});
  });

  it('changes the per-system records only on news', async () => {
    const { store, mirror } = setup();
    const engine = Engine.fromPreset('4300-dmr', { seed: 1 });
    mirror.attach(engineApi(engine), () => true);
    await mirror.counters();
    const systems = store.getState().systems;
    const dumps = store.getState().dumps;
    const changes = vi.fn();
    store.subscribe((s, before) => {
      if (s.systems !== before.systems || s.dumps !== before.dumps) changes();
    });
    await mirror.counters();
    expect(changes).not.toHaveBeenCalled();
    expect(store.getState().systems).toBe(systems);
    expect(store.getState().dumps).toBe(dumps);
  });

  it('a divergence hold stops the store clock and is told on the bus', async () => {
    const { store, bus, mirror } = setup();
    const hold: DivergenceHold = {
      systemId: 'A',
      compare: 7,
      timeMs: 1.5,
      flags: [0, 0, 0],
      values: [1, 2, 0],
    };
    store.setState({ speed: 10 });
    const held = vi.fn();
    bus.on('hold', held);
    mirror.attach(engineApi(Engine.fromPreset('4300-dmr', { seed: 1 }), hold), () => true);
    await mirror.poll();
    expect(store.getState()).toMatchObject({ speed: 0, voterHold: hold });
    expect(held).toHaveBeenCalledWith(hold);
  });

  it('records: all five at one time, or null when one call fails; nothing without a worker', async () => {
    const { mirror } = setup();
    expect(await mirror.records(() => 0)).toBeNull();
    const engine = Engine.fromPreset('4300-dmr', { seed: 1 });
    mirror.attach(engineApi(engine), () => true);
    const records = await mirror.records(() => 42);
    expect(records).toMatchObject({ timeMs: 42, counters: engine.counters() });
    expect(records?.components.length).toBe(engine.components().length);
    mirror.attach(
      { ...engineApi(engine), dumps: () => Promise.reject(new Error('engine threw')) },
      () => true,
    );
    expect(await mirror.records(() => 42)).toBeNull();
  });

  it("a long job's progress reaches the store and the bus on news only", () => {
    const { store, bus, mirror } = setup();
    const told: unknown[] = [];
    bus.on('progress', (job) => told.push(job));
    const job = { kind: 'step', doneMs: 500, totalMs: 2_000 } as const;
    mirror.job(job);
    mirror.job({ ...job });
    mirror.job({ ...job, doneMs: 1_000 });
    mirror.job(null);
    expect(told).toEqual([job, { ...job, doneMs: 1_000 }, null]);
    expect(store.getState().job).toBeNull();
  });
});
