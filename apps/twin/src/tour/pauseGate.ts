/**
 * Pause for the tour: steps wait at the gate while it is closed, and wall-clock holds count
 * only the time it was open, so a paused tour resumes exactly where it stood.
 */
export class PauseGate {
  private waiters: (() => void)[] = [];
  private listeners = new Set<(paused: boolean) => void>();
  private closed = false;

  get paused(): boolean {
    return this.closed;
  }

  set(paused: boolean): void {
    if (paused === this.closed) return;
    this.closed = paused;
    if (!paused) {
      const waiting = this.waiters;
      this.waiters = [];
      for (const w of waiting) w();
    }
    for (const l of this.listeners) l(paused);
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  onChange(listener: (paused: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the gate is open (at once when it is), or when `signal` aborts. */
  wait(signal?: AbortSignal): Promise<void> {
    if (!this.closed || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        signal?.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.push(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /**
   * Waits `ms` of open time: paused stretches do not count. `tickMs` is how often it looks
   * (an injected timer keeps tests fast and deterministic).
   *
   * @example
   * await gate.hold(3000, signal); // three seconds of reading time, however long the pause
   */
  async hold(
    ms: number,
    signal?: AbortSignal,
    timer: { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void> } = REAL_TIMER,
  ): Promise<void> {
    let left = ms;
    while (left > 0 && !signal?.aborted) {
      await this.wait(signal);
      const from = timer.now();
      await timer.sleep(Math.min(left, 100), signal);
      if (!this.closed) left -= timer.now() - from;
    }
  }
}

const REAL_TIMER = {
  now: () => performance.now(),
  sleep: (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};
