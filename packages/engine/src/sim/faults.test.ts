import { describe, expect, it } from 'vitest';
import { collect, engine, runUntil, stateOf, stateSequence } from '../test/harness.ts';
import type { EngineEvent } from '../types.ts';

const TRANSIENT = ['shot', 'diagnostics', 'diagnostics-passed', 'initializing', 'duplex'];

describe('each fault drives its documented state sequence', () => {
  it.each([
    ['A.cpu-1', 'bitflip-register', TRANSIENT],
    ['A.cpu-1', 'bitflip-memory', TRANSIENT],
    ['A.cpu-1', 'memory-uncorrectable', TRANSIENT],
    ['A.cpu-1', 'self-check', TRANSIENT],
    ['A.cpu-1', 'stuck-at', ['shot', 'diagnostics', 'broken']],
    [
      'A.io-11',
      'pci-bus-error',
      ['shot', 'diagnostics', 'diagnostics-passed', 'initializing', 'simplex', 'duplex'],
    ],
    ['A.pci-11-1', 'adapter-failure', ['broken']],
    ['A.disk-11-40-2', 'disk-failure', ['broken']],
    ['A.nic-11-5', 'nic-link-loss', ['offline']],
    ['A.psu-1', 'psu-failure', ['broken']],
  ] as const)('%s %s', (id, fault, sequence) => {
    const e = engine('4300-dmr', 4);
    e.advance(10);
    e.drainEvents();
    expect(e.command({ type: 'inject', target: id, fault })).toEqual({ ok: true });
    const events: EngineEvent[] = [];
    collect(e, 120_000, events);
    expect(stateSequence(events, id)).toEqual(sequence);
  });

  it('a correctable memory error is corrected and logged, nothing leaves', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'inject', target: 'A.cpu-0', fault: 'memory-correctable' });
    e.advance(1000);
    const events = e.drainEvents();
    expect(events.some((ev) => ev.message.includes('corrected by ECC'))).toBe(true);
    expect(stateOf(e, 'A.cpu-0')).toBe('duplex');
  });

  it('a disk media error is retried on the mirror and the block rewritten', () => {
    const e = engine('4300-dmr');
    e.advance(100);
    const w = e.world;
    const d = w.byId.get('A.disk-10-40-1') ?? -1;
    const p = w.partner[d];
    w.diskBlocks[w.diskSlot[d] * 4096 + 7] = 12345;
    e.command({
      type: 'inject',
      target: 'A.disk-10-40-1',
      fault: 'disk-media-error',
      detail: { block: 7 },
    });
    expect(w.diskBlocks[w.diskSlot[d] * 4096 + 7]).toBe(w.diskBlocks[w.diskSlot[p] * 4096 + 7]);
    expect(e.drainEvents().some((ev) => ev.message.includes('retried on mirror 11/40/1'))).toBe(
      true,
    );
  });

  it('hard faults open a service call; traps cover broken, removed, inserted and fixed', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'inject', target: 'A.disk-11-40-3', fault: 'disk-failure' });
    e.command({ type: 'pull', target: 'A.disk-11-40-3' });
    e.command({ type: 'insert', target: 'A.disk-11-40-3', replacement: true });
    const events: EngineEvent[] = [];
    collect(e, 4 * 3600_000, events);
    const traps = events
      .filter((ev) => ev.kind === 'trap' && ev.componentId === 'A.disk-11-40-3')
      .map((ev) => (ev.kind === 'trap' ? ev.trap : ''));
    expect(traps).toEqual(['broken', 'removed', 'inserted', 'fixed']);
    const call = events.find((ev) => ev.kind === 'serviceCall');
    expect(call?.message).toMatch(/Service call SC-A-0001 opened.*Replace Disk 11\/40\/3/);
    expect(stateOf(e, 'A.disk-11-40-3')).toBe('duplex');
  });

  it('a teamed NIC fails over and comes back when the link is restored', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'inject', target: 'A.nic-10-5', fault: 'nic-link-loss' });
    expect(e.drainEvents().some((ev) => ev.message.includes('failed over from 10/5 to 11/5'))).toBe(
      true,
    );
    expect(stateOf(e, 'A.nic-11-5')).toBe('simplex');
    expect(e.command({ type: 'restoreLink', target: 'A.nic-10-5' }).ok).toBe(true);
    expect(stateOf(e, 'A.nic-10-5')).toBe('duplex');
  });

  it('a power supply failure takes its side offline; a replacement brings it back', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'inject', target: 'A.psu-0', fault: 'psu-failure' });
    expect(stateOf(e, 'A.cpu-0')).toBe('offline');
    expect(stateOf(e, 'A.io-10')).toBe('offline');
    expect(e.counters()[0].status).toBe(2);
    e.command({ type: 'pull', target: 'A.psu-0' });
    e.command({ type: 'insert', target: 'A.psu-0', replacement: true });
    expect(
      runUntil(
        e,
        () => stateOf(e, 'A.cpu-0') === 'duplex' && stateOf(e, 'A.disk-10-40-1') === 'duplex',
        7_200_000,
        1000,
      ),
    ).toBe(true);
  });

  it('an OS crash reboots on one element while the other holds the dump, then resyncs', () => {
    const e = engine('4300-dmr');
    e.advance(100);
    e.command({ type: 'inject', target: 'A.cpu-0', fault: 'os-crash' });
    expect(stateOf(e, 'A.cpu-1')).toBe('dumping');
    expect(e.counters()[0].status).toBe(1);
    const events: EngineEvent[] = [];
    collect(e, 400_000, events);
    expect(stateSequence(events, 'A.cpu-0')).toEqual([
      'offline',
      'initializing',
      'simplex',
      'duplex',
    ]);
    expect(stateSequence(events, 'A.cpu-1')).toEqual([
      'dumping',
      'diagnostics',
      'diagnostics-passed',
      'initializing',
      'duplex',
    ]);
    expect(e.counters()[0].downtimeMs).toBe(90_000);
  });
});

describe('honest consequences', () => {
  it('pulling the last online CPU element takes the system down until one is back', () => {
    const e = engine('4300-dmr');
    e.advance(1000); // the workload's transaction rate is measured while it runs
    e.command({ type: 'pull', target: 'A.cpu-1' });
    expect(e.component('A.cpu-0')?.safeToPull).toBe(false);
    expect(e.component('A.cpu-0')?.pullWarning).toMatch(/last online CPU element/);
    e.command({ type: 'pull', target: 'A.cpu-0' });
    expect(e.counters()[0].status).toBe(0);
    e.advance(60_000);
    expect(e.counters()[0].downtimeMs).toBe(60_000);
    // Lost at the measured rate: 60 s of transactions plus the one in flight.
    const c = e.counters()[0];
    expect(c.transactionsLost).toBeCloseTo(1 + 60 * c.transactionsExecuted, 6);
    e.command({ type: 'insert', target: 'A.cpu-0' });
    expect(runUntil(e, () => stateOf(e, 'A.cpu-0') === 'simplex', 200_000, 500)).toBe(true);
    e.command({ type: 'insert', target: 'A.cpu-1' });
    expect(runUntil(e, () => stateOf(e, 'A.cpu-1') === 'duplex', 200_000, 100)).toBe(true);
  });

  it('pulling both halves of a mirror takes the system down; a disk inserted again rebuilds', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'pull', target: 'A.disk-10-40-2' });
    expect(stateOf(e, 'A.disk-11-40-2')).toBe('simplex');
    expect(e.component('A.disk-11-40-2')?.safeToPull).toBe(false);
    e.command({ type: 'insert', target: 'A.disk-10-40-2' });
    expect(stateOf(e, 'A.disk-10-40-2')).toBe('initializing');
    expect(runUntil(e, () => stateOf(e, 'A.disk-10-40-2') === 'duplex', 7_200_000, 1000)).toBe(
      true,
    );
    e.command({ type: 'pull', target: 'A.disk-10-40-1' });
    e.command({ type: 'pull', target: 'A.disk-11-40-1' });
    expect(e.counters()[0].status).toBe(0);
  });

  it('a failed disk inside an I/O element stays broken when the element is pulled and reinserted', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'inject', target: 'A.disk-11-40-2', fault: 'disk-failure' });
    e.command({ type: 'pull', target: 'A.io-11' });
    expect(stateOf(e, 'A.disk-11-40-2')).toBe('removed');
    e.command({ type: 'insert', target: 'A.io-11' });
    expect(runUntil(e, () => stateOf(e, 'A.io-11') === 'duplex', 120_000, 100)).toBe(true);
    expect(stateOf(e, 'A.disk-11-40-2')).toBe('broken');
    expect(runUntil(e, () => stateOf(e, 'A.disk-11-40-1') === 'duplex', 7_200_000, 1000)).toBe(
      true,
    );
  });

  it('the mirror halves hold the same journal after a rebuild', () => {
    const e = engine('4300-dmr');
    e.advance(200);
    e.command({ type: 'pull', target: 'A.disk-11-40-1' });
    e.advance(500);
    e.command({ type: 'insert', target: 'A.disk-11-40-1' });
    e.command({ type: 'setDiskPriority', target: 'A.disk-11-40-1', priority: 'high' });
    runUntil(e, () => stateOf(e, 'A.disk-11-40-1') === 'duplex', 7_200_000, 1000);
    const w = e.world;
    const a = w.diskSlot[w.byId.get('A.disk-10-40-1') ?? 0] * 4096;
    const b = w.diskSlot[w.byId.get('A.disk-11-40-1') ?? 0] * 4096;
    expect(Array.from(w.diskBlocks.subarray(b, b + 4096))).toEqual(
      Array.from(w.diskBlocks.subarray(a, a + 4096)),
    );
  });
});

describe('MTBF and restart policies', () => {
  function faultRepeatedly(e: ReturnType<typeof engine>, id: string, times: number): void {
    for (let i = 0; i < times; i++) {
      if (e.command({ type: 'inject', target: id, fault: 'self-check' }).ok) e.advance(40_000);
    }
  }

  it('repeated faults under the threshold leave the board broken; clearing the MTBF restarts it', () => {
    const e = engine('4300-dmr');
    faultRepeatedly(e, 'A.cpu-1', 6);
    expect(stateOf(e, 'A.cpu-1')).toBe('broken');
    expect(e.component('A.cpu-1')?.mtbfS).toBeLessThan(1440);
    e.command({ type: 'clearMtbf', target: 'A.cpu-1' });
    expect(runUntil(e, () => stateOf(e, 'A.cpu-1') === 'duplex')).toBe(true);
  });

  it('never restart breaks at the first fault; always restart never breaks', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'setRestartPolicy', target: 'A.cpu-1', policy: 'never' });
    faultRepeatedly(e, 'A.cpu-1', 1);
    expect(stateOf(e, 'A.cpu-1')).toBe('broken');
    const f = engine('4300-dmr');
    f.command({ type: 'setRestartPolicy', target: 'A.cpu-1', policy: 'always' });
    faultRepeatedly(f, 'A.cpu-1', 8);
    expect(stateOf(f, 'A.cpu-1')).toBe('duplex');
  });

  it('bad commands are refused with a reason', () => {
    const e = engine('4300-dmr');
    expect(e.command({ type: 'inject', target: 'A.cpu-0', fault: 'disk-failure' }).error).toMatch(
      /cannot suffer/,
    );
    expect(e.command({ type: 'insert', target: 'A.cpu-0' }).error).toMatch(/pull it before/);
    expect(
      e.command({ type: 'setRestartPolicy', target: 'A.cpu-0', policy: 'sometimes' as 'never' })
        .error,
    ).toMatch(/one of/);
    expect(e.command({ type: 'bringDown', target: 'A.cpu-0' }).ok).toBe(true);
    expect(e.command({ type: 'bringDown', target: 'A.cpu-1' }).error).toMatch(/refused/);
    expect(e.command({ type: 'bringUp', target: 'A.cpu-0' }).ok).toBe(true);
    expect(
      e.command({
        type: 'inject',
        target: 'A.cpu-1',
        fault: 'bitflip-register',
        detail: { bit: 40 },
      }).error,
    ).toMatch(/bit must be/);
    expect(e.command(null as never).ok).toBe(false);
  });
});
