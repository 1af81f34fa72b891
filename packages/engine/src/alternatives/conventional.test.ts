import { buildRack, conventionalEquivalent, getPreset } from '@ft/hardware';
import { describe, expect, it } from 'vitest';
import { OpState, SystemStatus } from '../types.ts';
import { AlternativeSimulation } from './alternativeSimulation.ts';
import { altSim, CRASH_DRAW, EXPECTED, P, RATE, SILENT_DRAW, service } from './test/altHarness.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;

describe('conventional server: what each fault costs', () => {
  it('a transient that crashes the OS: down for a reboot and the application recovery', () => {
    const sim = altSim('conventional');
    sim.advance(MINUTE);
    expect(sim.injectWithDraw('A.cpu-0', 'bitflip-register', CRASH_DRAW)).toEqual({ ok: true });
    expect(service(sim).up).toBe(false);
    expect(sim.counters()[0].status).toBe(SystemStatus.Booting);
    sim.advance(HOUR);
    const svc = service(sim);
    expect(svc.up).toBe(true);
    expect(svc.downtimeMs).toBe(EXPECTED.reboot);
    expect(svc.outages).toBe(1);
    // Requests refused while down, plus the work in flight at the crash.
    expect(svc.transactionsLost).toBeCloseTo(
      (RATE * EXPECTED.reboot) / 1000 + EXPECTED.inFlight,
      6,
    );
    expect(svc.silentDataCorruptions).toBe(0);
  });

  it('a transient that does not crash corrupts data silently and costs no downtime', () => {
    const sim = altSim('conventional');
    expect(sim.injectWithDraw('A.cpu-0', 'bitflip-memory', SILENT_DRAW)).toEqual({ ok: true });
    sim.advance(HOUR);
    expect(service(sim)).toMatchObject({ downtimeMs: 0, silentDataCorruptions: 1, outages: 0 });
    expect(sim.counters()[0].silentDataCorruptions).toBe(1);
  });

  it('the crash share of transients follows the draw threshold', () => {
    const below = altSim('conventional');
    below.injectWithDraw('A.cpu-0', 'bitflip-register', P.transientCrashShare.value - 1e-9);
    const at = altSim('conventional');
    at.injectWithDraw('A.cpu-0', 'bitflip-register', P.transientCrashShare.value);
    expect(service(below).up).toBe(false);
    expect(service(at).up).toBe(true);
  });

  it.each([
    ['memory-uncorrectable', 'A.cpu-0'],
    ['self-check', 'A.cpu-0'],
    ['os-crash', 'A.cpu-0'],
    ['pci-bus-error', 'A.io-10'],
  ] as const)('%s crashes and reboots the server', (fault, target) => {
    const sim = altSim('conventional');
    expect(sim.command({ type: 'inject', target, fault })).toEqual({ ok: true });
    sim.advance(HOUR);
    expect(service(sim).downtimeMs).toBe(EXPECTED.reboot);
  });

  it('a correctable memory error is corrected by ECC: nothing happens', () => {
    const sim = altSim('conventional');
    sim.command({ type: 'inject', target: 'A.cpu-0', fault: 'memory-correctable' });
    sim.advance(HOUR);
    expect(service(sim)).toMatchObject({ downtimeMs: 0, outages: 0 });
  });

  it('a hard CPU fault: down until the part arrives, the server is opened, changed and booted', () => {
    const sim = altSim('conventional');
    sim.command({ type: 'inject', target: 'A.cpu-0', fault: 'stuck-at' });
    expect(sim.component('A.cpu-0')?.state).toBe(OpState.Broken);
    expect(sim.serviceCalls()[0]).toMatchObject({ status: 'opened', path: 'administrator' });
    sim.advance(P.partReplacementMs.value + 1);
    expect(sim.component('A.cpu-0')?.reason).toMatch(/hard fault/);
    expect(sim.counters()[0].status).toBe(SystemStatus.Down);
    sim.advance(HOUR);
    expect(service(sim).downtimeMs).toBe(EXPECTED.hardRepair);
    expect(sim.component('A.cpu-0')?.state).toBe(OpState.Simplex);
    expect(sim.serviceCalls()[0].history.map((h) => h.status)).toEqual([
      'opened',
      'part-shipped',
      'part-delivered',
      'replaced',
      'closed',
    ]);
  });

  it('a failed power supply is a hard fault too (one supply)', () => {
    const sim = altSim('conventional');
    sim.command({ type: 'inject', target: 'A.psu-0', fault: 'psu-failure' });
    sim.advance(6 * HOUR);
    expect(service(sim).downtimeMs).toBe(EXPECTED.hardRepair);
  });

  it('a lost link makes the server unreachable until the link is back; no recovery needed', () => {
    const sim = altSim('conventional');
    sim.command({ type: 'inject', target: 'A.nic-10-5', fault: 'nic-link-loss' });
    expect(service(sim).phase).toBe('unreachable');
    sim.advance(2 * HOUR);
    expect(service(sim).downtimeMs).toBe(P.linkRepairMs.value);
    const manual = altSim('conventional', { autoRepair: false });
    manual.command({ type: 'inject', target: 'A.nic-10-5', fault: 'nic-link-loss' });
    manual.advance(10 * MINUTE);
    expect(manual.component('A.nic-10-5')?.actions).toContain('restoreLink');
    expect(manual.command({ type: 'restoreLink', target: 'A.nic-10-5' })).toEqual({ ok: true });
    manual.advance(MINUTE);
    expect(service(manual)).toMatchObject({ up: true, downtimeMs: 10 * MINUTE });
  });

  it('a failed network adapter: unreachable, then the cold swap', () => {
    const sim = altSim('conventional');
    sim.command({ type: 'inject', target: 'A.pci-10-1', fault: 'adapter-failure' });
    sim.advance(6 * HOUR);
    expect(service(sim).downtimeMs).toBe(EXPECTED.hardRepair);
  });

  it('RAID 1: a disk failure costs nothing; the new disk is rebuilt from its mirror', () => {
    const sim = altSim('conventional');
    sim.command({ type: 'inject', target: 'A.disk-10-40-1', fault: 'disk-failure' });
    expect(sim.component('A.disk-10-40-2')?.state).toBe(OpState.Simplex);
    sim.advance(P.partReplacementMs.value + MINUTE);
    expect(sim.component('A.disk-10-40-1')?.state).toBe(OpState.Initializing);
    expect(sim.component('A.disk-10-40-1')?.progress).toBeGreaterThan(0);
    sim.advance(2 * HOUR);
    expect(sim.component('A.disk-10-40-1')?.state).toBe(OpState.Duplex);
    expect(service(sim).downtimeMs).toBe(0);
    // A media error is read from the mirror.
    sim.command({ type: 'inject', target: 'A.disk-10-40-2', fault: 'disk-media-error' });
    sim.advance(MINUTE);
    expect(service(sim).downtimeMs).toBe(0);
  });

  it('RAID 1: both halves lost means a restore from backup', () => {
    const sim = altSim('conventional');
    sim.command({ type: 'inject', target: 'A.disk-10-40-1', fault: 'disk-failure' });
    sim.advance(MINUTE);
    sim.command({ type: 'inject', target: 'A.disk-10-40-2', fault: 'disk-failure' });
    expect(service(sim).up).toBe(false);
    sim.advance(12 * HOUR);
    const expected =
      P.partReplacementMs.value -
      MINUTE +
      P.restoreFromBackupMs.value +
      P.applicationRecoveryMs.value;
    expect(service(sim).downtimeMs).toBe(expected);
  });

  it('without RAID 1 a disk failure loses the volume and a media error fails the application', () => {
    const config = conventionalEquivalent(getPreset('4300-dmr'), { mirroredDisks: false });
    const lost = altSim(config);
    lost.command({ type: 'inject', target: 'A.disk-10-40-3', fault: 'disk-failure' });
    lost.advance(12 * HOUR);
    expect(service(lost).downtimeMs).toBe(
      P.partReplacementMs.value + P.restoreFromBackupMs.value + P.applicationRecoveryMs.value,
    );
    const media = altSim(config);
    media.command({ type: 'inject', target: 'A.disk-10-40-1', fault: 'disk-media-error' });
    media.advance(HOUR);
    expect(service(media).downtimeMs).toBe(P.applicationRecoveryMs.value);
  });

  it('faults strike running parts only', () => {
    const sim = altSim('conventional');
    sim.command({ type: 'inject', target: 'A.cpu-0', fault: 'os-crash' });
    expect(sim.command({ type: 'inject', target: 'A.io-10', fault: 'pci-bus-error' })).toEqual({
      ok: false,
      error: 'conventional-A is not running',
    });
  });
});

describe('conventional server: commands', () => {
  it('refuses what only an ftServer can do, with the reason', () => {
    const sim = altSim('conventional');
    for (const cmd of [
      { type: 'bringDown', target: 'A.cpu-0' },
      { type: 'takeDump', target: 'A.cpu-0' },
      { type: 'clearMtbf', target: 'A.cpu-0' },
      { type: 'runDiagnostics', target: 'A.io-10' },
      { type: 'upgrade', target: 'A', action: 'start' },
      { type: 'samAlert', target: 'A', metric: 'cpu', thresholdPct: 50, action: 'log' },
      { type: 'gatewayLink', target: 'A', up: false },
    ] as const) {
      const result = sim.command(cmd);
      expect(result.ok, cmd.type).toBe(false);
      expect(result.error, cmd.type).toMatch(
        new RegExp(`^${cmd.type}: .*(ftServer|second|call-home)`),
      );
    }
  });

  it('answers bad input with a reason, never a throw', () => {
    const sim = altSim('conventional');
    const bad: unknown[] = [
      null,
      42,
      { type: 'nope', target: 'A.cpu-0' },
      { type: 'inject', target: 'Z.cpu-9', fault: 'stuck-at' },
      { type: 'inject', target: 'A.cpu-0', fault: 'x'.repeat(500) },
      { type: 'inject', target: 'A.psu-0', fault: 'stuck-at' },
      { type: 'system', target: 'A', action: 'explode' },
      { type: 'system', target: 'nope', action: 'reset' },
      { type: 'setDiskPriority', target: 'A.disk-10-40-1', priority: 'urgent' },
    ];
    for (const cmd of bad) {
      const result = sim.command(cmd as never);
      expect(result.ok).toBe(false);
      expect(result.error?.length ?? 0).toBeLessThan(200);
    }
    expect(sim.injectWithDraw('A.cpu-0', 'bitflip-register', 1.5).ok).toBe(false);
  });

  it('a CPU board cannot be pulled from a running server; a power cord can', () => {
    const sim = altSim('conventional');
    expect(sim.command({ type: 'pull', target: 'A.cpu-0' }).error).toMatch(/not hot-swappable/);
    expect(sim.component('A.cpu-0')?.actions).not.toContain('pull');
    expect(sim.command({ type: 'pull', target: 'A.psu-0' })).toEqual({ ok: true });
    expect(service(sim).up).toBe(false);
    expect(sim.command({ type: 'pull', target: 'A.cpu-0' })).toEqual({ ok: true });
    sim.command({ type: 'insert', target: 'A.cpu-0' });
    sim.command({ type: 'insert', target: 'A.psu-0' });
    sim.advance(10 * MINUTE);
    expect(service(sim).up).toBe(true);
  });

  it('a mirrored disk is safe to pull; the last current copy is not', () => {
    const sim = altSim('conventional');
    expect(sim.component('A.disk-10-40-1')?.safeToPull).toBe(true);
    sim.command({ type: 'pull', target: 'A.disk-10-40-1' });
    expect(sim.component('A.disk-10-40-2')).toMatchObject({
      safeToPull: false,
      state: OpState.Simplex,
    });
    expect(sim.component('A.disk-10-40-2')?.pullWarning).not.toBe('');
  });

  it('power off is orderly (no work in flight lost), power on boots', () => {
    const sim = altSim('conventional');
    expect(sim.command({ type: 'system', target: 'A', action: 'powerOff' })).toEqual({ ok: true });
    sim.advance(MINUTE);
    expect(service(sim).transactionsLost).toBeCloseTo(RATE * 60, 6);
    sim.command({ type: 'system', target: 'A', action: 'powerOn' });
    sim.advance(HOUR);
    expect(service(sim).up).toBe(true);
  });
});

describe('conventional server: as a twin', () => {
  it('reports each part in the ftServer vocabulary: simplex is its normal, healthy state', () => {
    const sim = altSim('conventional');
    const info = sim.components();
    expect(info.map((c) => c.stateName)).toEqual([
      'simplex',
      'simplex',
      'device-ready',
      'duplex',
      'duplex',
      'simplex',
      'simplex',
    ]);
    expect(info.every((c) => c.health === 0)).toBe(true);
    expect(sim.systems()[0]).toMatchObject({ statusName: 'simplex', mode: 'simplex' });
    expect(sim.dumps()).toEqual([]);
    expect(sim.redfish('A.cpu-0')).toMatchObject({ Id: 'cpu-0', Status: { State: 'Enabled' } });
    expect(sim.redfish('nope')).toBeNull();
  });

  it('emits state, system, log, service-call and application alert events', () => {
    const sim = altSim('conventional');
    sim.command({ type: 'inject', target: 'A.cpu-0', fault: 'stuck-at' });
    const events = sim.drainEvents();
    const kinds = new Set(events.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['alert', 'log', 'serviceCall', 'state', 'system']);
    expect(events.find((e) => e.kind === 'alert')).toMatchObject({
      systemId: 'A',
      metric: 'application',
      valuePct: 0,
      notify: false,
      message: expect.stringMatching(/^Service A is down: .* stopped$/),
    });
    expect(sim.drainEvents()).toEqual([]);
  });

  it('runs a year of random faults', () => {
    const rack = buildRack(conventionalEquivalent(getPreset('mixed')));
    const sim = new AlternativeSimulation(rack, { seed: 3, randomFaults: true, autoRepair: true });
    for (let d = 0; d < 365; d++) {
      sim.advance(24 * HOUR);
      sim.drainEvents();
    }
    const services = sim.services();
    expect(services).toHaveLength(3);
    for (const s of services) {
      expect(s.uptimeMs + s.downtimeMs).toBe(365 * 24 * HOUR);
      // A system with no outage in the year (it happens: about two a year each) lost no time.
      expect(s.downtimeMs > 0).toBe(s.outages > 0);
    }
    // Three conventional servers over a year under MTBF faults: some outages, certainly.
    expect(services.reduce((n, s) => n + s.outages, 0)).toBeGreaterThan(0);
  });
});
