/**
 * Rate limits: a token bucket per socket (messages per second with a burst), and a fixed-window
 * counter per key (an address) for class creation and failed joins. Both take the clock as a
 * function so tests can drive time. Per process: behind a load balancer each process counts its
 * own connections (sticky sessions keep one client on one process).
 */

export type Clock = () => number;

/**
 * A token bucket: `burst` tokens, refilled at `perS` per second.
 *
 * @example
 * const bucket = new TokenBucket(20, 60);
 * if (!bucket.take()) refuse('rate-limited');
 */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly perS: number,
    private readonly burst: number,
    private readonly now: Clock = Date.now,
  ) {
    this.tokens = burst;
    this.lastMs = now();
  }

  /** Takes one token; false when the bucket is empty (the message is refused). */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.lastMs) / 1000) * this.perS);
    this.lastMs = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Counts events per key in fixed windows; keeps at most `maxKeys` keys (the oldest go first), so
 * many addresses cannot grow it without bound.
 *
 * @example
 * const joins = new WindowCounter(30, 60_000);
 * if (joins.count(ip) >= 30) refuse(); else if (failed) joins.add(ip);
 */
export class WindowCounter {
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: Clock = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  /** Events counted for `key` in its current window. */
  count(key: string): number {
    const w = this.windows.get(key);
    if (!w || this.now() - w.startMs >= this.windowMs) return 0;
    return w.count;
  }

  /** Whether `key` has used its allowance. */
  exceeded(key: string): boolean {
    return this.count(key) >= this.limit;
  }

  /** Counts one event for `key`; returns whether it was still within the limit. */
  add(key: string): boolean {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.startMs >= this.windowMs) {
      this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) this.evict(t);
      w = { startMs: t, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w.count <= this.limit;
  }

  private evict(t: number): void {
    for (const [key, w] of this.windows) {
      if (t - w.startMs >= this.windowMs) this.windows.delete(key);
    }
    // Still full: drop the oldest (Map keeps insertion order).
    while (this.windows.size >= this.maxKeys) {
      const first = this.windows.keys().next().value as string;
      this.windows.delete(first);
    }
  }
}
