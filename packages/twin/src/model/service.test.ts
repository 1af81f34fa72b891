import type { ServiceCall } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { callSteps, pathLabel, splitCalls } from './service.ts';

const call = (callId: string, status: ServiceCall['status']): ServiceCall => ({
  callId,
  systemId: 'A',
  componentId: 'A.cpu-1',
  partNumber: 'P1',
  severity: 'error',
  reason: 'stuck-at',
  action: 'Replace CPU element 1',
  status,
  path: 'direct',
  openedMs: 0,
  deliveryMs: 100,
  history: [
    { status: 'opened', timeMs: 0 },
    { status: 'part-shipped', timeMs: 10 },
  ],
});

describe('callSteps', () => {
  it('marks reached steps done and the status current, with their times', () => {
    const steps = callSteps(call('SC-A-0001', 'part-shipped'));
    expect(steps.map((s) => s.mark)).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
    expect(steps.map((s) => s.timeMs)).toEqual([0, 10, null, null, null]);
  });
  it('shows a closed call as all done', () => {
    expect(callSteps(call('SC-A-0001', 'closed')).every((s) => s.mark === 'done')).toBe(true);
  });
});

describe('pathLabel', () => {
  it('says how the call went', () => {
    expect(pathLabel('direct')).toBe('direct');
    expect(pathLabel('gateway A')).toBe('via gateway A');
    expect(pathLabel('backup B')).toBe('via backup B');
    expect(pathLabel('queued')).toMatch(/^queued/);
  });
});

describe('splitCalls', () => {
  it('separates open calls from the history, newest first', () => {
    const { open, closed } = splitCalls([
      call('1', 'closed'),
      call('2', 'opened'),
      call('3', 'closed'),
      call('4', 'replaced'),
    ]);
    expect(open.map((c) => c.callId)).toEqual(['4', '2']);
    expect(closed.map((c) => c.callId)).toEqual(['3', '1']);
  });
});
