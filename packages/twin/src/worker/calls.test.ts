import { describe, expect, it } from 'vitest';
import { CALL_TIMEOUT_MS, Calls, HEARTBEAT_TIMEOUT_MS, workerLooksDead } from './calls.ts';

describe('Calls', () => {
  it('passes answers and failures through', async () => {
    const calls = new Calls();
    expect(await calls.track('a', Promise.resolve(3), 0)).toEqual({ kind: 'answered', value: 3 });
    const error = new Error('boom');
    expect(await calls.track('b', Promise.reject(error), 0)).toEqual({ kind: 'failed', error });
    expect(calls.size).toBe(0);
  });

  it('settles the calls a dead worker will never answer', async () => {
    const calls = new Calls();
    const never = new Promise<number>(() => {});
    const a = calls.track('step', never, 0);
    const b = calls.track('save', never, 5);
    expect(calls.oldest(100)).toEqual({ name: 'step', ageMs: 100 });
    calls.dropAll();
    expect(await a).toEqual({ kind: 'dropped' });
    expect(await b).toEqual({ kind: 'dropped' });
    expect(calls.oldest(100)).toBeNull();
  });
});

describe('workerLooksDead', () => {
  it('never restarts a busy worker that keeps beating', () => {
    expect(workerLooksDead(10 * CALL_TIMEOUT_MS, 900)).toBe(false);
  });
  it('restarts one that is late and silent', () => {
    expect(workerLooksDead(CALL_TIMEOUT_MS + 1, HEARTBEAT_TIMEOUT_MS + 1)).toBe(true);
    expect(workerLooksDead(CALL_TIMEOUT_MS - 1, 10 * HEARTBEAT_TIMEOUT_MS)).toBe(false);
  });
});

describe('Calls.deadReason', () => {
  it('names the call that waits and how long the worker has been silent', () => {
    const calls = new Calls();
    expect(calls.deadReason(60_000, 0)).toBeNull(); // nothing waits: an idle worker is alive
    calls.track('counters', new Promise(() => {}), 0);
    expect(calls.deadReason(CALL_TIMEOUT_MS + 1_000, CALL_TIMEOUT_MS)).toBeNull(); // it beats
    expect(calls.deadReason(20_000, 4_000)).toBe(
      'counters unanswered for 20 s and no heartbeat for 16 s',
    );
  });
});
