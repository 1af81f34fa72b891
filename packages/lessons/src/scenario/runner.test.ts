import { Engine } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { evaluatePredicate } from '../predicate/evaluate.ts';
import { anchorOf, COUNTER_NAMES, engineView, type Observation } from '../view.ts';
import type { ScenarioDriver } from './driver.ts';
import { EngineDriver } from './engine-driver.ts';
import { runScenario, type StepReport } from './runner.ts';
import { parseScenario } from './schema.ts';
import type { Scenario } from './types.ts';

function scenario(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(r.issues[0].message);
  return r.value;
}

const driverFor = (preset = '4300-dmr', seed = 1) =>
  new EngineDriver(Engine.fromPreset(preset, { seed }));

const hotSwap = scenario([
  { do: 'caption', text: 'CPU element 1 fails' },
  { do: 'inject', target: 'A.cpu-1', fault: 'stuck-at', detail: { register: 3, bit: 17 } },
  {
    do: 'wait',
    until: { check: 'component', target: 'A.cpu-1', state: 'broken' },
    timeoutMs: 60_000,
  },
  { do: 'pull', target: 'A.cpu-1' },
  { do: 'insert', target: 'A.cpu-1', replacement: true },
  {
    do: 'wait',
    until: { check: 'component', target: 'A.cpu-1', state: 'duplex' },
    timeoutMs: 300_000,
  },
  { do: 'hold', ms: 3000 },
  { do: 'caption', text: null },
]);

describe('runScenario over a headless engine', () => {
  it('plays a hot swap: the part breaks, is replaced and resynchronises', async () => {
    const driver = driverFor();
    const ends: StepReport[] = [];
    const run = await runScenario(hotSwap, driver, { onStepEnd: (r) => ends.push(r) });
    expect(run.status).toBe('completed');
    expect(run.failed).toBe(0);
    expect(ends.map((r) => r.step.do)).toEqual(hotSwap.steps.map((s) => s.do));
    expect(driver.engine.component('A.cpu-1')?.stateName).toBe('duplex');
    expect(driver.engine.counters()[0].downtimeMs).toBe(0);
    // The wait for "broken" took the diagnostics time, not the whole timeout.
    const broken = ends[2];
    expect(broken.endMs - broken.startMs).toBeGreaterThan(5_000);
    expect(broken.endMs - broken.startMs).toBeLessThan(30_000);
    expect(ends[6].skipped).toBe(true);
    expect(driver.presented).toEqual([
      { do: 'caption', text: 'CPU element 1 fails' },
      { do: 'caption', text: null },
    ]);
  });

  it("exposes the engine's counters to predicates: the resync paused, the voter compared", async () => {
    const driver = driverFor();
    const before = engineView(driver.engine);
    await runScenario(hotSwap, driver);
    const view = engineView(driver.engine);
    const a = view.systems.A.counters;
    expect(Object.keys(a).sort()).toEqual([...COUNTER_NAMES].sort());
    expect(a.pausedMs).toBeGreaterThan(0);
    expect(a.compares).toBeGreaterThan(0);
    expect(a.transactionsExecuted).toBeGreaterThan(0);
    expect(a.serviceCalls).toBe(1);
    expect(a.unreachableMs).toBe(0);
    const start = anchorOf({ view: before, events: [], actions: [] });
    const ctx = { view, events: [], actions: [], step: start, lesson: start };
    const paused = {
      check: 'counter',
      system: 'A',
      counter: 'pausedMs',
      op: '>',
      value: 0,
    } as const;
    expect(evaluatePredicate({ ...paused, scope: 'step' }, ctx)).toBe(true);
    expect(evaluatePredicate({ ...paused, counter: 'unreachableMs', scope: 'step' }, ctx)).toBe(
      false,
    );
  });

  it('is deterministic: same scenario and seed, same log and same engine bytes', async () => {
    const a = driverFor('4300-dmr', 5);
    const b = driverFor('4300-dmr', 5);
    await runScenario(hotSwap, a);
    await runScenario(hotSwap, b);
    expect(b.log).toEqual(a.log);
    a.engine.drainEvents();
    b.engine.drainEvents();
    expect(Buffer.from(b.engine.save()).equals(Buffer.from(a.engine.save()))).toBe(true);
  });

  it('refuses an unsafe pull without force, reports it and goes on', async () => {
    const driver = driverFor();
    const s = scenario([
      { do: 'inject', target: 'A.cpu-1', fault: 'stuck-at' },
      { do: 'wait', ms: 2000 },
      { do: 'pull', target: 'A.cpu-0' },
      { do: 'wait', ms: 10 },
    ]);
    const run = await runScenario(s, driver);
    expect(run.status).toBe('completed');
    expect(run.failed).toBe(1);
    expect(run.steps[2].error).toMatch(
      /^not safe to pull: CPU element 0 is the last online CPU element of .*; add "force": true/,
    );
    expect(driver.engine.counters()[0].status).not.toBe(0);
  });

  it('pulls anyway with force, and the system goes down', async () => {
    const driver = driverFor();
    const s = scenario([
      { do: 'inject', target: 'A.cpu-1', fault: 'stuck-at' },
      { do: 'wait', ms: 2000 },
      { do: 'pull', target: 'A.cpu-0', force: true },
    ]);
    const run = await runScenario(s, driver);
    expect(run.failed).toBe(0);
    expect(driver.observeNow().view.systems.A.status).toMatch(/down|booting/);
  });

  it('stops at the first failure with onError "stop"', async () => {
    const s = scenario({
      onError: 'stop',
      steps: [
        { do: 'insert', target: 'A.cpu-1' },
        { do: 'wait', ms: 1000 },
      ],
    });
    const run = await runScenario(s, driverFor());
    expect(run.status).toBe('stopped');
    expect(run.steps).toHaveLength(1);
    expect(run.steps[0].error).toMatch(/is in the chassis: pull it before inserting it/);
  });

  it('reports a wait whose check never held, after its timeout', async () => {
    const driver = driverFor();
    const s = scenario([
      { do: 'wait', until: { check: 'system', system: 'A', status: 'down' }, timeoutMs: 5000 },
    ]);
    const run = await runScenario(s, driver);
    expect(run.steps[0].ok).toBe(false);
    expect(run.steps[0].error).toBe(
      'timed out after 5000 simulated ms waiting until system A: is down',
    );
    expect(driver.timeMs()).toBeGreaterThanOrEqual(5000);
  });

  it('stops at the next step boundary once aborted', async () => {
    const controller = new AbortController();
    const s = scenario([
      { do: 'wait', ms: 100 },
      { do: 'wait', ms: 100 },
      { do: 'wait', ms: 100 },
    ]);
    const run = await runScenario(s, driverFor(), {
      signal: controller.signal,
      onStepEnd: () => controller.abort(),
    });
    expect(run.status).toBe('aborted');
    expect(run.steps).toHaveLength(1);
  });

  it('ends a long wait early when aborted during it', async () => {
    const controller = new AbortController();
    const driver = driverFor();
    const s = scenario([
      { do: 'wait', until: { check: 'system', system: 'A', status: 'down' }, timeoutMs: 3_600_000 },
    ]);
    const run = await runScenario(s, driver, {
      signal: controller.signal,
      onStepStart: () => controller.abort(),
    });
    expect(run.status).toBe('aborted');
    expect(driver.timeMs()).toBe(0);
  });

  it('loops, and refuses a loop that lets no time pass', async () => {
    const looping = scenario({
      loop: true,
      steps: [
        { do: 'inject', target: 'A.cpu-1', fault: 'self-check' },
        { do: 'wait', ms: 60_000 },
      ],
    });
    const run = await runScenario(looping, driverFor(), { maxLoops: 3 });
    expect(run.loops).toBe(3);
    expect(run.steps).toHaveLength(6);
    expect(run.steps.map((r) => r.loop)).toEqual([0, 0, 1, 1, 2, 2]);

    const spinning = scenario({ loop: true, steps: [{ do: 'caption', text: 'hello' }] });
    const spun = await runScenario(spinning, driverFor());
    expect(spun.status).toBe('stopped');
    expect(spun.error).toMatch(/must let time pass/);
  });

  it('resets the rack', async () => {
    const driver = driverFor();
    const s = scenario([
      { do: 'inject', target: 'A.cpu-1', fault: 'stuck-at' },
      { do: 'wait', ms: 20_000 },
      { do: 'reset' },
    ]);
    await runScenario(s, driver);
    expect(driver.timeMs()).toBe(0);
    expect(driver.engine.component('A.cpu-1')?.stateName).toBe('duplex');
    expect(driver.log).toEqual([]);
  });

  it('reports a driver that throws as the step error and never rejects', async () => {
    const base = driverFor();
    const broken: ScenarioDriver = {
      ...base,
      headless: true,
      timeMs: () => base.timeMs(),
      observe: () => base.observe(),
      command: async () => {
        throw new Error('worker died');
      },
      advance: (ms) => base.advance(ms),
      warp: (ms) => base.warp(ms),
      until: (t: (o: Observation) => boolean, ms: number) => base.until(t, ms),
      speed: async () => {},
      camera: async () => {},
      select: async () => {},
      caption: async () => {},
      hold: async () => {},
    };
    const run = await runScenario(
      scenario([
        { do: 'inject', target: 'A.cpu-1', fault: 'stuck-at' },
        { do: 'reset' },
        { do: 'wait', ms: 5 },
      ]),
      broken,
      {
        onStepEnd: () => {
          throw new Error('host callback bug');
        },
      },
    );
    expect(run.status).toBe('completed');
    expect(run.steps[0].error).toBe('worker died');
    expect(run.steps[1].error).toBe('this twin cannot reload its rack');
    expect(run.steps[2].ok).toBe(true);
  });

  it('logs warps taken while waiting, so a long wait stays cheap', async () => {
    const driver = driverFor();
    await runScenario(scenario([{ do: 'wait', ms: 6 * 3_600_000 }]), driver);
    expect(driver.timeMs()).toBe(6 * 3_600_000);
    expect(driver.log.every((e) => 'warpToNextEvent' in e)).toBe(true);
    expect(driver.warpedMs).toBe(6 * 3_600_000);
  });
});
