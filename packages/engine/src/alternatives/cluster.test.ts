import { describe, expect, it } from 'vitest';
import { ComponentFlag, allocateSnapshot, LedDrive, ledDrive } from '../index.ts';
import { COUNTERS_PER_SYSTEM, Counter } from '../snapshot.ts';
import { OpState, SystemStatus } from '../types.ts';
import { snapshotLayoutOf } from './simulation.ts';
import { altSim, CRASH_DRAW, EXPECTED, P, SILENT_DRAW, service } from './test/altHarness.ts';
import { nodeDetectionMs } from './parameters.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;

describe('two-node failover cluster', () => {
  it('starts with node 1 active and node 2 standing by', () => {
    const sim = altSim('cluster-2node');
    expect(service(sim)).toMatchObject({ up: true, activeSystemId: 'A1', kind: 'cluster' });
    expect(sim.component('A1.cpu-0')?.reason).toMatch(/^active node/);
    expect(sim.component('A2.cpu-0')?.reason).toMatch(/^standby node/);
  });

  it('a hard fault on the active node: detection, failover, recovery; the node is repaired meanwhile', () => {
    const sim = altSim('cluster-2node');
    sim.command({ type: 'inject', target: 'A1.cpu-0', fault: 'stuck-at' });
    expect(service(sim).phase).toBe('detecting');
    sim.advance(nodeDetectionMs());
    expect(service(sim)).toMatchObject({ phase: 'starting', activeSystemId: 'A2' });
    sim.advance(HOUR);
    expect(service(sim)).toMatchObject({
      up: true,
      activeSystemId: 'A2',
      downtimeMs: EXPECTED.failover,
      failovers: 1,
      outages: 1,
    });
    sim.advance(6 * HOUR);
    expect(sim.counters()[0].status).toBe(SystemStatus.Simplex);
    expect(sim.component('A1.cpu-0')?.reason).toMatch(/^standby node/);
    expect(service(sim).downtimeMs).toBe(EXPECTED.failover);
  });

  it('a crash of the standby node costs the service nothing', () => {
    const sim = altSim('cluster-2node');
    sim.injectWithDraw('A2.cpu-0', 'bitflip-register', CRASH_DRAW);
    expect(sim.counters()[1].status).toBe(SystemStatus.Booting);
    sim.advance(HOUR);
    expect(service(sim)).toMatchObject({ up: true, downtimeMs: 0, outages: 0 });
  });

  it('a silent corruption counts only where the application runs', () => {
    const sim = altSim('cluster-2node');
    sim.injectWithDraw('A2.cpu-0', 'bitflip-memory', SILENT_DRAW);
    expect(service(sim).silentDataCorruptions).toBe(0);
    sim.injectWithDraw('A1.cpu-0', 'bitflip-memory', SILENT_DRAW);
    expect(service(sim).silentDataCorruptions).toBe(1);
  });

  it('a fault while the other node is out takes the service down until a node is back', () => {
    const sim = altSim('cluster-2node');
    sim.command({ type: 'inject', target: 'A2.cpu-0', fault: 'stuck-at' });
    sim.advance(MINUTE);
    sim.command({ type: 'inject', target: 'A1.cpu-0', fault: 'os-crash' });
    sim.advance(HOUR);
    // Node 1 reboots by itself; nobody else can take over; the group comes back on it.
    expect(service(sim)).toMatchObject({ up: true, activeSystemId: 'A1', failovers: 0 });
    expect(service(sim).downtimeMs).toBe(P.bootMs.value + EXPECTED.groupStart);
  });

  it('a fault during the failover takes the service down', () => {
    const sim = altSim('cluster-2node');
    sim.command({ type: 'inject', target: 'A1.cpu-0', fault: 'os-crash' });
    sim.advance(nodeDetectionMs() + 1_000);
    expect(service(sim).phase).toBe('starting');
    sim.command({ type: 'inject', target: 'A2.cpu-0', fault: 'stuck-at' });
    expect(service(sim).phase).toBe('down');
    sim.advance(HOUR);
    // Node 1 came back from its reboot first and takes the group again.
    expect(service(sim)).toMatchObject({ up: true, activeSystemId: 'A1' });
    expect(service(sim).downtimeMs).toBe(P.bootMs.value + EXPECTED.groupStart);
  });

  it('a lost link on the active node fails over; the link is restored later', () => {
    const sim = altSim('cluster-2node');
    sim.command({ type: 'inject', target: 'A1.nic-10-5', fault: 'nic-link-loss' });
    sim.advance(2 * HOUR);
    expect(service(sim)).toMatchObject({ activeSystemId: 'A2', downtimeMs: EXPECTED.failover });
    expect(sim.component('A1.nic-10-5')?.state).toBe(OpState.Simplex);
  });

  it('an application crash is restarted on the same node after the resource poll', () => {
    const sim = altSim('cluster-2node');
    expect(sim.command({ type: 'system', target: 'A1', action: 'crashApplication' })).toEqual({
      ok: true,
    });
    sim.advance(HOUR);
    expect(service(sim)).toMatchObject({ activeSystemId: 'A1', failovers: 0 });
    expect(service(sim).downtimeMs).toBe(P.resourcePollMs.value + EXPECTED.groupStart);
    expect(sim.command({ type: 'system', target: 'A2', action: 'crashApplication' }).ok).toBe(
      false,
    );
  });

  it('the shared array mirrors across its controllers: one disk or controller lost costs nothing', () => {
    const sim = altSim('cluster-2node');
    sim.command({ type: 'inject', target: 'AS.disk-10-40-2', fault: 'disk-failure' });
    expect(sim.counters()[2].status).toBe(SystemStatus.Simplex);
    sim.command({ type: 'pull', target: 'AS.io-11' });
    sim.advance(6 * HOUR);
    expect(service(sim).downtimeMs).toBe(0);
    sim.command({ type: 'insert', target: 'AS.io-11' });
    expect(sim.counters()[2].status).toBe(SystemStatus.Duplex);
  });

  it('both halves of an array mirror lost: down until restored, then the group starts', () => {
    const sim = altSim('cluster-2node');
    sim.command({ type: 'inject', target: 'AS.disk-10-40-1', fault: 'disk-failure' });
    sim.command({ type: 'inject', target: 'AS.disk-11-40-1', fault: 'disk-failure' });
    expect(service(sim).up).toBe(false);
    sim.advance(12 * HOUR);
    expect(service(sim).downtimeMs).toBe(
      P.partReplacementMs.value + P.restoreFromBackupMs.value + EXPECTED.groupStart,
    );
  });

  it('lights the PRIMARY LED of the active node and shows the snapshot in the engine layout', () => {
    const sim = altSim('cluster-2node');
    const views = allocateSnapshot(snapshotLayoutOf(sim), false);
    const io = (id: string) => sim.rack.components.findIndex((c) => c.id === id);
    const primary = (word: number) => ledDrive(word, 3);
    sim.writeSnapshot(views, 1, 0);
    expect(views.control[0] % 2).toBe(0);
    expect(primary(views.leds[io('A1.io-10')])).toBe(LedDrive.On);
    expect(primary(views.leds[io('A2.io-10')])).toBe(LedDrive.Off);
    expect(views.flags[io('A1.io-10')] & ComponentFlag.Primary).toBeTruthy();
    sim.command({ type: 'inject', target: 'A1.cpu-0', fault: 'stuck-at' });
    sim.advance(HOUR);
    sim.writeSnapshot(views, 1, 0);
    expect(primary(views.leds[io('A2.io-10')])).toBe(LedDrive.On);
    const cpu = io('A1.cpu-0');
    expect(views.state[cpu]).toBe(OpState.Broken);
    expect(ledDrive(views.leds[cpu], 1)).toBe(LedDrive.On);
    expect(views.sysStatus[0]).toBe(SystemStatus.Down);
    expect(views.counters[COUNTERS_PER_SYSTEM + Counter.TxCommitted]).toBeGreaterThan(0); // node 2
  });
});
