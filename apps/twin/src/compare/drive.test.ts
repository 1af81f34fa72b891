import type { Command, EngineEvent, FaultKind } from '@ft/engine';
import {
  ALTERNATIVES,
  createSimulation,
  prepareComparison,
  runFtServerSeed,
  type Simulation,
} from '@ft/engine/alternatives';
import { describe, expect, it } from 'vitest';
import {
  ARCHS,
  advanceTo,
  clocks,
  type DrivenApi,
  injectAll,
  runYear,
  skipToNextEvent,
  type Twins,
} from './drive.ts';
import { comparisonSetup } from './setup.ts';
import { type Architecture, ServiceTracker } from './serviceTracker.ts';

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;

/** A twin API over a simulation in this thread, feeding a service tracker its events. */
class SimTwin implements DrivenApi {
  readonly events: EngineEvent[] = [];
  constructor(
    readonly sim: Simulation,
    private readonly tracker: ServiceTracker,
  ) {}
  private flush(): void {
    for (const e of this.sim.drainEvents()) {
      this.events.push(e);
      this.tracker.ingest(e);
    }
  }
  async setSpeed(): Promise<void> {}
  async jumpToNextEvent(limitMs: number): Promise<number> {
    const t = this.sim.warpToNextEvent(limitMs);
    this.flush();
    return t;
  }
  simTimeMs(): number {
    return this.sim.timeMs;
  }
  async inject(id: string, fault: string): Promise<void> {
    await this.command({ type: 'inject', target: id, fault: fault as FaultKind });
  }
  async command(command: Command): Promise<void> {
    const r = this.sim.command(command);
    this.flush();
    if (!r.ok) throw new Error(r.error);
  }
  async step(simMs: number): Promise<void> {
    this.sim.advance(simMs);
    this.flush();
  }
}

function twinsFor(preset: string, seed: number) {
  const setup = comparisonSetup(preset);
  const trackers = {} as Record<Architecture, ServiceTracker>;
  const twins = {} as Twins & Record<Architecture, SimTwin>;
  for (const arch of ARCHS) {
    trackers[arch] = new ServiceTracker({
      architecture: arch,
      services: setup.services[arch],
      recoveryMs: ALTERNATIVES.applicationRecoveryMs.value,
    });
    const sim = createSimulation(setup.racks[arch], { seed, autoRepair: true });
    twins[arch] = new SimTwin(sim, trackers[arch]);
  }
  return { setup, twins, trackers };
}

describe('one control drives three twins', () => {
  it('advanceTo stops at every event on the way and ends at the target', async () => {
    const { twins } = twinsFor('4300-dmr', 1);
    await twins.conventional.inject('A.cpu-0', 'stuck-at');
    await advanceTo(twins.conventional, 6 * HOUR);
    expect(twins.conventional.simTimeMs()).toBe(6 * HOUR);
    const texts = twins.conventional.events.map((e) => e.message).join('\n');
    expect(texts).toMatch(/shipped/);
    expect(texts).toMatch(/is up on/);
  });

  it('a target a fraction of a microsecond ahead counts as reached (the engine keeps whole µs)', async () => {
    const { twins } = twinsFor('4300-dmr', 1);
    await twins.ftserver.step(10);
    const reached = await advanceTo(twins.ftserver, 10.000_33);
    expect(reached).toBe(10);
    expect(await advanceTo(twins.ftserver, 10.0015)).toBeCloseTo(10.002, 6);
  });

  it('one click: the same fault mapped onto each architecture, or nothing where no such part', async () => {
    const { setup, twins, trackers } = twinsFor('4300-dmr', 1);
    const results = await injectAll(setup, twins, 'A.cpu-0', 'stuck-at');
    expect(results).toEqual([
      { architecture: 'ftserver', target: 'A.cpu-0', ok: true },
      { architecture: 'cluster', target: 'A1.cpu-0', ok: true },
      { architecture: 'conventional', target: 'A.cpu-0', ok: true },
    ]);
    const second = await injectAll(setup, twins, 'A.cpu-1', 'memory-correctable');
    expect(second[1]).toMatchObject({ target: 'A2.cpu-0', ok: true });
    expect(second[2]).toMatchObject({ target: null, ok: false, error: 'no such part' });
    const now = await skipToNextEvent(twins);
    const c = clocks(twins);
    expect(c.ftserver).toBe(now);
    expect(c.cluster).toBe(now);
    expect(c.conventional).toBe(now);
    // The ftServer serves on; the cluster failed over; the conventional server is down.
    await advanceTo(twins.ftserver, HOUR);
    await advanceTo(twins.cluster, HOUR);
    await advanceTo(twins.conventional, HOUR);
    expect(trackers.ftserver.downtimeMs(HOUR)).toBe(0);
    expect(trackers.cluster.downtimeMs(HOUR)).toBe(85_000);
    expect(trackers.conventional.serving(0, HOUR)).toBe(false);
  });

  it('a year: every scheduled fault is applied, refused or without a part; the ftServer matches the Monte Carlo', async () => {
    const seed = 4;
    const { setup, twins, trackers } = twinsFor('4300-dmr', seed);
    const year = await runYear(setup, twins, { seed, durationMs: YEAR });
    expect(year.status).toBe('completed');
    for (const arch of ARCHS) {
      expect(twins[arch].simTimeMs()).toBe(YEAR);
      expect(year.applied[arch] + year.refused[arch] + year.withoutPart[arch]).toBe(
        year.faults.length,
      );
    }
    expect(year.withoutPart.conventional).toBeGreaterThan(0);
    const mc = runFtServerSeed(
      prepareComparison({ rack: setup.racks.ftserver.config, durationMs: YEAR }),
      seed,
    );
    expect(trackers.ftserver.outages(YEAR)).toBe(mc.outages);
    expect(trackers.ftserver.downtimeMs(YEAR)).toBeCloseTo(mc.downtimeMs, -3);
    // Over a year the conventional server is down far longer than the ftServer.
    expect(trackers.conventional.downtimeMs(YEAR)).toBeGreaterThan(
      trackers.ftserver.downtimeMs(YEAR),
    );
  });
});
