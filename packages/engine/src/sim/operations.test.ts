import { describe, expect, it } from 'vitest';
import { collect, engine, runUntil, stateOf, stateSequence } from '../test/harness.ts';
import type { ServiceCallEvent } from '../types.ts';

describe('dumps', () => {
  it('take dump now: one element leaves, is dumped and comes back, with no downtime', () => {
    const e = engine('4300-dmr');
    e.advance(100);
    expect(e.command({ type: 'takeDump', target: 'A.cpu-1' })).toEqual({ ok: true });
    expect(stateOf(e, 'A.cpu-1')).toBe('dumping');
    const events = collect(e, 120_000);
    expect(stateSequence(events, 'A.cpu-1')).toEqual([
      'dumping',
      'diagnostics',
      'diagnostics-passed',
      'initializing',
      'duplex',
    ]);
    expect(e.counters()[0].downtimeMs).toBe(0);
    const [dump] = e.dumps();
    expect(dump).toMatchObject({ id: 'DUMP-A-001', componentId: 'A.cpu-1', cause: 'requested' });
    expect(dump.sizeBytes).toBe(e.rack.systems[0].config.memoryGB * 1024 ** 3);
    expect(dump.completedMs).toBeGreaterThan(dump.startedMs);
    expect(e.command({ type: 'takeDump', target: 'A.cpu-0' }).ok).toBe(true);
    expect(e.command({ type: 'takeDump', target: 'A.cpu-1' }).error).toMatch(
      /last online CPU element/,
    );
    expect(e.command({ type: 'takeDump', target: 'A.cpu-0' }).error).toMatch(
      /not running in lockstep/,
    );
  });

  it('a crash dump is listed after the reboot', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'inject', target: 'A.cpu-0', fault: 'os-crash' });
    expect(e.dumps()[0]).toMatchObject({ cause: 'crash', completedMs: null });
    collect(e, 400_000);
    expect(e.dumps()[0].completedMs).toBeGreaterThan(90_000);
    expect(e.counters()[0].downtimeMs).toBe(90_000);
  });
});

describe('console operations', () => {
  it('runs diagnostics on a device and brings it back', () => {
    const e = engine('4300-dmr');
    expect(e.command({ type: 'runDiagnostics', target: 'A.io-11' }).ok).toBe(true);
    const events = collect(e, 60_000);
    expect(stateSequence(events, 'A.io-11')).toEqual([
      'diagnostics',
      'diagnostics-passed',
      'initializing',
      'simplex',
      'duplex',
    ]);
    expect(e.command({ type: 'runDiagnostics', target: 'A.psu-0' }).error).toMatch(
      /no diagnostics/,
    );
  });

  it('updates firmware one side at a time, never both halves together', () => {
    const e = engine('4300-dmr');
    expect(e.command({ type: 'updateFirmware', target: 'A.io-10', version: '5.2.0' }).ok).toBe(
      true,
    );
    expect(stateOf(e, 'A.io-10')).toBe('firmware-update');
    expect(e.command({ type: 'updateFirmware', target: 'A.io-11' }).error).toMatch(
      /one side at a time/,
    );
    const events = collect(e, 120_000);
    expect(stateSequence(events, 'A.io-10')).toEqual([
      'firmware-update',
      'firmware-update-complete',
      'diagnostics',
      'diagnostics-passed',
      'initializing',
      'simplex',
      'duplex',
    ]);
    expect(e.redfish('A.io-10')?.FirmwareVersion).toBe('5.2.0');
    expect(
      e.command({ type: 'updateFirmware', target: 'A.io-11', version: 'latest' }).error,
    ).toMatch(/must look like/);
    expect(e.command({ type: 'updateFirmware', target: 'A.cpu-1' }).ok).toBe(true);
    expect(e.command({ type: 'updateFirmware', target: 'A.cpu-0' }).error).toMatch(
      /one side at a time|last online/,
    );
  });

  it('remote power off, power on and reset through the Access Adapter', () => {
    const e = engine('4300-dmr');
    expect(e.command({ type: 'system', target: 'A', action: 'powerOff' }).ok).toBe(true);
    expect(e.counters()[0].status).toBe(0);
    expect(stateOf(e, 'A.io-10')).toBe('offline');
    e.advance(10_000, true);
    expect(e.counters()[0].status).toBe(0);
    expect(e.command({ type: 'system', target: 'A', action: 'powerOn' }).ok).toBe(true);
    expect(runUntil(e, () => e.counters()[0].status === 3, 600_000, 500)).toBe(true);
    expect(e.command({ type: 'system', target: 'A', action: 'reset' }).ok).toBe(true);
    expect(e.counters()[0].status).toBe(1);
    expect(e.command({ type: 'system', target: 'Z', action: 'reset' }).error).toMatch(
      /unknown system "Z"/,
    );
  });
});

describe('service calls and ftGateway', () => {
  it('follows opened → shipped → delivered → replaced → closed', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'inject', target: 'A.cpu-1', fault: 'stuck-at' });
    collect(e, 5 * 3_600_000);
    expect(e.serviceCalls()[0].status).toBe('part-delivered');
    e.command({ type: 'pull', target: 'A.cpu-1' });
    e.command({ type: 'insert', target: 'A.cpu-1', replacement: true });
    expect(e.serviceCalls()[0].status).toBe('replaced');
    runUntil(e, () => stateOf(e, 'A.cpu-1') === 'duplex');
    const call = e.serviceCalls()[0];
    expect(call.history.map((h) => h.status)).toEqual([
      'opened',
      'part-shipped',
      'part-delivered',
      'replaced',
      'closed',
    ]);
    expect(call).toMatchObject({ componentId: 'A.cpu-1', path: 'direct' });
    expect(call.partNumber).toBe(e.rack.components.find((c) => c.id === 'A.cpu-1')?.partNumber);
  });

  it('routes through the gateway, then the backup when the gateway link fails, and queues without either', () => {
    const e = engine('mixed');
    e.command({ type: 'inject', target: 'C.disk-10-40-3', fault: 'disk-failure' });
    expect(e.serviceCalls()[0].path).toBe('gateway A');
    e.command({ type: 'gatewayLink', target: 'A', up: false });
    e.command({ type: 'inject', target: 'C.disk-11-40-2', fault: 'disk-failure' });
    expect(e.serviceCalls()[1].path).toBe('backup B');
    e.command({ type: 'gatewayLink', target: 'B', up: false });
    e.command({ type: 'inject', target: 'C.pci-10-1', fault: 'adapter-failure' });
    expect(e.serviceCalls()[2].path).toBe('queued');
    e.advance(2 * 3_600_000, true);
    expect(e.serviceCalls()[2].status).toBe('opened'); // no part ordered while nobody knows
    e.command({ type: 'gatewayLink', target: 'A', up: true });
    expect(e.serviceCalls()[2].path).toBe('gateway A');
    e.advance(2 * 3_600_000, true);
    expect(e.serviceCalls()[2].status).toBe('part-shipped');
    expect(e.systems().map((s) => s.gateway.role)).toEqual(['gateway', 'backup', 'client']);
    const opened = e
      .drainEvents()
      .filter((ev): ev is ServiceCallEvent => ev.kind === 'serviceCall');
    expect(opened.some((ev) => ev.message.includes('sent via gateway A'))).toBe(true);
  });
});

describe('SAM', () => {
  it('restarts a failed application and counts the requests lost meanwhile', () => {
    const e = engine('4300-dmr');
    e.advance(1000);
    expect(e.command({ type: 'system', target: 'A', action: 'crashApplication' }).ok).toBe(true);
    e.advance(10_000);
    const events = e.drainEvents();
    expect(events.some((ev) => ev.kind === 'alert' && ev.metric === 'application')).toBe(true);
    expect(e.systems()[0].sam).toMatchObject({ applicationUp: true, restarts: 1 });
    expect(e.counters()[0].transactionsLost).toBeGreaterThan(1000);
    expect(e.counters()[0].downtimeMs).toBe(0);
  });

  it('raises an alert when a threshold is crossed, once, with the configured action', () => {
    const e = engine('4300-dmr');
    expect(
      e.command({
        type: 'samAlert',
        target: 'A',
        metric: 'cpu',
        thresholdPct: 30,
        action: 'notify',
      }).ok,
    ).toBe(true);
    expect(
      e.command({
        type: 'samAlert',
        target: 'A',
        metric: 'cpu',
        thresholdPct: 130,
        action: 'notify',
      }).error,
    ).toMatch(/between 0 and 100/);
    e.advance(60_000, true);
    const alerts = e.drainEvents().filter((ev) => ev.kind === 'alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ metric: 'cpu', notify: true });
  });
});

describe('Redfish export', () => {
  it('maps states to Status.State and Status.Health', () => {
    const e = engine('4300-dmr');
    expect(e.redfish('A.cpu-0')).toMatchObject({
      Id: 'cpu-0',
      Status: { State: 'Enabled', Health: 'OK' },
    });
    e.command({ type: 'inject', target: 'A.disk-10-40-2', fault: 'disk-failure' });
    expect(e.redfish('A.disk-10-40-2')).toMatchObject({
      '@odata.type': '#Drive.v1_17_0.Drive',
      Status: { State: 'UnavailableOffline', Health: 'Critical' },
    });
    e.command({ type: 'pull', target: 'A.disk-10-40-2' });
    expect(e.redfish('A.disk-10-40-2')?.Status).toEqual({ State: 'Absent', Health: null });
    expect(e.redfish('nope')).toBeNull();
  });
});
