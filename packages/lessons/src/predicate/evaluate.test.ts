import { OpState, SystemStatus } from '@ft/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callEvent,
  context,
  freshView,
  logEvent,
  pullAction,
  stateEvent,
  systemEvent,
  trapEvent,
  withStates,
} from '../test/fixtures.ts';
import { anchorOf } from '../view.ts';
import { describePredicate } from './describe.ts';
import { evaluatePredicate } from './evaluate.ts';
import type { Predicate } from './types.ts';

const view = freshView();

describe('evaluatePredicate', () => {
  it('component: the state now, one of a list', () => {
    const ctx = context(withStates(view, { 'A.cpu-1': 'broken' }));
    expect(evaluatePredicate({ check: 'component', target: 'A.cpu-1', state: 'broken' }, ctx)).toBe(
      true,
    );
    expect(
      evaluatePredicate(
        { check: 'component', target: 'A.cpu-1', state: ['shot', 'diagnostics'] },
        ctx,
      ),
    ).toBe(false);
    expect(
      evaluatePredicate(
        { check: 'component', target: 'A.cpu-0', state: ['simplex', 'duplex'] },
        ctx,
      ),
    ).toBe(true);
    expect(evaluatePredicate({ check: 'component', target: 'A.cpu-9', state: 'duplex' }, ctx)).toBe(
      false,
    );
  });

  it('system: status, upgrade, version, application and link', () => {
    const ctx = context(view);
    expect(evaluatePredicate({ check: 'system', system: 'A', status: 'duplex' }, ctx)).toBe(true);
    expect(
      evaluatePredicate({ check: 'system', system: 'A', status: 'duplex', upgrade: 'Split' }, ctx),
    ).toBe(false);
    expect(
      evaluatePredicate(
        { check: 'system', system: 'A', upgrade: 'Idle', applicationUp: true, gatewayLinkUp: true },
        ctx,
      ),
    ).toBe(true);
    expect(
      evaluatePredicate(
        { check: 'system', system: 'A', softwareVersion: view.systems.A.softwareVersion },
        ctx,
      ),
    ).toBe(true);
    expect(evaluatePredicate({ check: 'system', system: 'Z', status: 'duplex' }, ctx)).toBe(false);
  });

  it('event: kind, component, from/to, count, window and scope', () => {
    const events = [
      stateEvent(1000, 'A.cpu-1', OpState.Duplex, OpState.Shot),
      stateEvent(1500, 'A.cpu-1', OpState.Shot, OpState.Diagnostics),
      stateEvent(40_000, 'A.cpu-1', OpState.Initializing, OpState.Duplex),
    ];
    const ctx = context(view, events);
    const shot: Predicate = { check: 'event', kind: 'state', target: 'A.cpu-1', to: 'shot' };
    expect(evaluatePredicate(shot, ctx)).toBe(true);
    expect(evaluatePredicate({ ...shot, target: 'A.cpu-0' }, ctx)).toBe(false);
    expect(evaluatePredicate({ ...shot, from: 'duplex' }, ctx)).toBe(true);
    expect(evaluatePredicate({ ...shot, from: 'simplex' }, ctx)).toBe(false);
    expect(
      evaluatePredicate({ check: 'event', kind: 'state', target: 'A.cpu-1', atLeast: 3 }, ctx),
    ).toBe(true);
    expect(
      evaluatePredicate({ check: 'event', kind: 'state', target: 'A.cpu-1', atLeast: 4 }, ctx),
    ).toBe(false);
    const back: Predicate = {
      check: 'event',
      kind: 'state',
      target: 'A.cpu-1',
      to: 'duplex',
      withinMs: 30_000,
    };
    expect(evaluatePredicate(back, ctx)).toBe(false);
    expect(evaluatePredicate({ ...back, withinMs: 60_000 }, ctx)).toBe(true);
    // The step began after the first two events: only the third counts, unless scope is lesson.
    const later = context(view, events, [], {
      timeMs: 2000,
      eventIndex: 2,
      actionIndex: 0,
      counters: {},
    });
    expect(evaluatePredicate(shot, later)).toBe(false);
    expect(evaluatePredicate({ ...shot, scope: 'lesson' }, later)).toBe(true);
  });

  it('event: system status changes, traps, service calls, logs by severity and text', () => {
    const events = [
      systemEvent(10, SystemStatus.Duplex, SystemStatus.Down),
      trapEvent(20, 'A.disk-10-40-1', 'broken', OpState.Broken),
      callEvent(30, 'A.disk-10-40-1', 'opened', 'backup B'),
      logEvent(
        40,
        'warning',
        'PCI bus error on I/O element 10: I/O retried on I/O element 11',
        'A.io-10',
      ),
    ];
    const ctx = context(view, events);
    expect(
      evaluatePredicate({ check: 'event', kind: 'system', system: 'A', to: 'down' }, ctx),
    ).toBe(true);
    expect(
      evaluatePredicate({ check: 'event', kind: 'system', system: 'A', from: 'simplex' }, ctx),
    ).toBe(false);
    expect(
      evaluatePredicate(
        { check: 'event', kind: 'trap', trap: 'broken', target: 'A.disk-10-40-1', to: 'broken' },
        ctx,
      ),
    ).toBe(true);
    expect(evaluatePredicate({ check: 'event', kind: 'trap', trap: 'fixed' }, ctx)).toBe(false);
    expect(evaluatePredicate({ check: 'event', kind: 'serviceCall', path: 'backup' }, ctx)).toBe(
      true,
    );
    expect(evaluatePredicate({ check: 'event', kind: 'serviceCall', path: 'gateway' }, ctx)).toBe(
      false,
    );
    expect(evaluatePredicate({ check: 'event', kind: 'serviceCall', status: 'closed' }, ctx)).toBe(
      false,
    );
    expect(
      evaluatePredicate(
        { check: 'event', kind: 'log', severity: 'warning', text: 'retried ON' },
        ctx,
      ),
    ).toBe(true);
    expect(evaluatePredicate({ check: 'event', kind: 'log', severity: 'error' }, ctx)).toBe(false);
  });

  it('counter: absolute, or its increase during the step', () => {
    const before = anchorOf({ view, events: [], actions: [] });
    const now = structuredClone(view);
    now.systems.A.counters.transactionsLost = 3;
    now.systems.A.counters.downtimeMs = 90_000;
    const ctx = context(now, [], [], {
      ...before,
      counters: { A: { ...before.counters.A, downtimeMs: 60_000 } },
    });
    expect(
      evaluatePredicate(
        { check: 'counter', system: 'A', counter: 'transactionsLost', op: '==', value: 0 },
        ctx,
      ),
    ).toBe(false);
    expect(
      evaluatePredicate(
        { check: 'counter', system: 'A', counter: 'transactionsLost', op: '>', value: 0 },
        ctx,
      ),
    ).toBe(true);
    expect(
      evaluatePredicate(
        {
          check: 'counter',
          system: 'A',
          counter: 'downtimeMs',
          op: '<=',
          value: 30_000,
          scope: 'step',
        },
        ctx,
      ),
    ).toBe(true);
    expect(
      evaluatePredicate(
        {
          check: 'counter',
          system: 'A',
          counter: 'downtimeMs',
          op: '<',
          value: 30_000,
          scope: 'step',
        },
        ctx,
      ),
    ).toBe(false);
    expect(
      evaluatePredicate(
        { check: 'counter', system: 'A', counter: 'silentDataCorruptions', op: '!=', value: 0 },
        ctx,
      ),
    ).toBe(false);
    expect(
      evaluatePredicate(
        { check: 'counter', system: 'A', counter: 'applicationRestarts', op: '>=', value: 0 },
        ctx,
      ),
    ).toBe(true);
  });

  it('action: done, not done, unsafe, fields, accepted or refused, selections', () => {
    const actions = [
      pullAction(10, 'A.cpu-0', 'CPU element 0 is the last online CPU element'),
      {
        kind: 'command' as const,
        timeMs: 20,
        command: { type: 'insert' as const, target: 'A.cpu-1', replacement: true },
        ok: true,
      },
      {
        kind: 'command' as const,
        timeMs: 30,
        command: { type: 'insert' as const, target: 'A.cpu-0' },
        ok: false,
        error: 'in the chassis',
      },
      { kind: 'select' as const, timeMs: 40, target: 'A.cpu-1' },
    ];
    const ctx = context(view, [], actions);
    expect(evaluatePredicate({ check: 'action', do: 'pull', target: 'A.cpu-0' }, ctx)).toBe(true);
    expect(
      evaluatePredicate({ check: 'action', do: 'pull', target: 'A.cpu-0', unsafe: true }, ctx),
    ).toBe(true);
    expect(evaluatePredicate({ check: 'action', do: 'pull', unsafe: false }, ctx)).toBe(false);
    expect(
      evaluatePredicate({ check: 'action', do: 'pull', target: 'A.cpu-1', done: false }, ctx),
    ).toBe(true);
    expect(
      evaluatePredicate(
        { check: 'action', do: 'insert', target: 'A.cpu-1', with: { replacement: true } },
        ctx,
      ),
    ).toBe(true);
    expect(
      evaluatePredicate(
        { check: 'action', do: 'insert', target: 'A.cpu-0', with: { replacement: false } },
        ctx,
      ),
    ).toBe(false);
    expect(
      evaluatePredicate({ check: 'action', do: 'insert', target: 'A.cpu-0', ok: false }, ctx),
    ).toBe(true);
    expect(evaluatePredicate({ check: 'action', do: 'select', target: 'A.cpu-1' }, ctx)).toBe(true);
    expect(evaluatePredicate({ check: 'action', do: 'select', target: 'A.cpu-0' }, ctx)).toBe(
      false,
    );
    const later = context(view, [], actions, {
      timeMs: 15,
      eventIndex: 0,
      actionIndex: 1,
      counters: {},
    });
    expect(evaluatePredicate({ check: 'action', do: 'pull', done: false }, later)).toBe(true);
    expect(
      evaluatePredicate({ check: 'action', do: 'pull', done: false, scope: 'lesson' }, later),
    ).toBe(false);
  });

  it('answer: only the correct value counts', () => {
    const actions = [
      { kind: 'answer' as const, timeMs: 1, question: 'q', value: 'A.cpu-0' },
      { kind: 'answer' as const, timeMs: 2, question: 'q', value: 'A.cpu-1' },
    ];
    const ctx = { ...context(view, [], actions), answers: { q: 'A.cpu-1' } };
    expect(evaluatePredicate({ check: 'answer', question: 'q' }, ctx)).toBe(true);
    expect(
      evaluatePredicate(
        { check: 'answer', question: 'q' },
        { ...ctx, actions: actions.slice(0, 1) },
      ),
    ).toBe(false);
    expect(evaluatePredicate({ check: 'answer', question: 'other' }, ctx)).toBe(false);
  });

  it('serviceCall and dump: over the records in the view', () => {
    const v = structuredClone(view);
    v.serviceCalls.push({
      callId: 'SC-A-0001',
      systemId: 'A',
      componentId: 'A.cpu-1',
      status: 'closed',
      path: 'direct',
    });
    v.dumps.push({
      id: 'DUMP-A-001',
      systemId: 'A',
      componentId: 'A.cpu-1',
      cause: 'crash',
      completed: true,
    });
    const ctx = context(v);
    expect(
      evaluatePredicate(
        { check: 'serviceCall', target: 'A.cpu-1', status: 'closed', path: 'direct' },
        ctx,
      ),
    ).toBe(true);
    expect(
      evaluatePredicate(
        { check: 'serviceCall', target: 'A.cpu-1', status: ['opened', 'part-shipped'] },
        ctx,
      ),
    ).toBe(false);
    expect(
      evaluatePredicate({ check: 'dump', system: 'A', cause: 'crash', completed: true }, ctx),
    ).toBe(true);
    expect(evaluatePredicate({ check: 'dump', system: 'A', cause: 'requested' }, ctx)).toBe(false);
  });

  it('all, any, not', () => {
    const ctx = context(view);
    const yes: Predicate = { check: 'system', system: 'A', status: 'duplex' };
    const no: Predicate = { check: 'system', system: 'A', status: 'down' };
    expect(evaluatePredicate({ check: 'all', of: [yes, yes] }, ctx)).toBe(true);
    expect(evaluatePredicate({ check: 'all', of: [yes, no] }, ctx)).toBe(false);
    expect(evaluatePredicate({ check: 'any', of: [no, yes] }, ctx)).toBe(true);
    expect(evaluatePredicate({ check: 'not', of: no }, ctx)).toBe(true);
  });

  it('is deterministic and follows De Morgan over any leaves', () => {
    const leaves: Predicate[] = [
      { check: 'system', system: 'A', status: 'duplex' },
      { check: 'system', system: 'A', status: 'down' },
      { check: 'component', target: 'A.cpu-1', state: 'duplex' },
      { check: 'counter', system: 'A', counter: 'transactionsLost', op: '==', value: 0 },
      { check: 'event', kind: 'trap' },
    ];
    const leaf = fc.constantFrom(...leaves);
    const ctx = context(view);
    fc.assert(
      fc.property(fc.array(leaf, { minLength: 1, maxLength: 5 }), (of) => {
        const all = evaluatePredicate({ check: 'all', of }, ctx);
        const notAnyNot = !evaluatePredicate(
          { check: 'any', of: of.map((p) => ({ check: 'not' as const, of: p })) },
          ctx,
        );
        expect(all).toBe(notAnyNot);
        expect(evaluatePredicate({ check: 'all', of }, ctx)).toBe(all);
      }),
    );
  });
});

describe('describePredicate', () => {
  it('uses the label, or says what the check means', () => {
    expect(
      describePredicate({
        check: 'component',
        target: 'A.cpu-1',
        state: 'duplex',
        label: 'CPU 1 back',
      }),
    ).toBe('CPU 1 back');
    expect(
      describePredicate({ check: 'component', target: 'A.cpu-1', state: ['simplex', 'duplex'] }),
    ).toBe('A.cpu-1 is simplex or duplex');
    expect(
      describePredicate({
        check: 'counter',
        system: 'A',
        counter: 'transactionsLost',
        op: '==',
        value: 0,
      }),
    ).toBe('transactionsLost of system A == 0');
    expect(
      describePredicate({
        check: 'event',
        kind: 'state',
        target: 'A.cpu-1',
        to: 'duplex',
        withinMs: 60000,
      }),
    ).toBe('state change to duplex on A.cpu-1 within 60 s');
    expect(describePredicate({ check: 'action', do: 'pull', target: 'A.cpu-0', done: false })).toBe(
      'did not pull A.cpu-0',
    );
  });
});
