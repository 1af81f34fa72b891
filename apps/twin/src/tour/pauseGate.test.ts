import { describe, expect, it } from 'vitest';
import { PauseGate } from './pauseGate.ts';

/** A fake clock: sleeping advances it, and each sleep gives the test a chance to act. */
function fakeTimer(onSleep: (t: number) => void) {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
      onSleep(t);
      await Promise.resolve();
    },
  };
}

describe('PauseGate', () => {
  it('wait resolves at once when open, and on resume when paused', async () => {
    const gate = new PauseGate();
    await gate.wait();
    gate.set(true);
    let through = false;
    const waiting = gate.wait().then(() => {
      through = true;
    });
    await Promise.resolve();
    expect(through).toBe(false);
    gate.set(false);
    await waiting;
    expect(through).toBe(true);
  });

  it('a hold counts only open time', async () => {
    const gate = new PauseGate();
    const seen: boolean[] = [];
    const timer = fakeTimer((t) => {
      // Paused between 200 and 500 ms of the fake clock.
      if (t === 200) {
        gate.set(true);
        setTimeout(() => gate.set(false), 0);
      }
      seen.push(gate.paused);
    });
    await gate.hold(1000, undefined, timer);
    // 10 sleeps of 100 ms count; the one that ended paused did not.
    expect(timer.now()).toBe(1100);
    expect(seen.filter(Boolean).length).toBe(1);
  });

  it('abort ends a wait and a hold', async () => {
    const gate = new PauseGate();
    gate.set(true);
    const abort = new AbortController();
    const pending = gate.hold(10_000, abort.signal);
    abort.abort();
    await pending;
    const changes: boolean[] = [];
    gate.onChange((p) => changes.push(p));
    gate.set(false);
    gate.set(false);
    expect(changes).toEqual([false]);
  });
});
