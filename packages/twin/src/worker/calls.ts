/**
 * The calls a twin has made to its engine worker and not yet had answered. A terminated worker
 * never answers, so when one is replaced every call still waiting is settled here ("dropped"),
 * and no promise of the twin's API is left hanging. The watchdog reads the oldest call's age.
 */

/** How a call to the worker ended. */
export type CallOutcome<T> =
  | { kind: 'answered'; value: T }
  | { kind: 'failed'; error: unknown }
  /** The worker was replaced (crash, restart, dispose) before it answered. */
  | { kind: 'dropped' };

/** A worker call made through the client's registry (it settles; it notices an engine that threw). */
export type CallWorker = <T>(name: string, call: Promise<T>) => Promise<CallOutcome<T>>;

/** An answer this late with no heartbeat either means the worker is gone. */
export const CALL_TIMEOUT_MS = 15_000;
/** Heartbeats come about once a second; this long without one means the worker is stuck. */
export const HEARTBEAT_TIMEOUT_MS = 10_000;

/**
 * The watchdog's rule: a worker is dead when a call has waited too long and no heartbeat came
 * for a while either. A busy worker (a long step) keeps beating, so it is never restarted.
 *
 * @example
 * workerLooksDead(20_000, 500);    // false: it is busy, and alive
 * workerLooksDead(20_000, 12_000); // true
 */
export function workerLooksDead(oldestCallAgeMs: number, sinceHeartbeatMs: number): boolean {
  return oldestCallAgeMs > CALL_TIMEOUT_MS && sinceHeartbeatMs > HEARTBEAT_TIMEOUT_MS;
}

export class Calls {
  private ids = 0;
  private readonly waiting = new Map<number, { name: string; since: number; drop: () => void }>();

  /** Waits for `call`; settles with 'dropped' when {@link dropAll} runs first. */
  track<T>(name: string, call: Promise<T>, now: number): Promise<CallOutcome<T>> {
    const id = ++this.ids;
    return new Promise<CallOutcome<T>>((resolve) => {
      this.waiting.set(id, { name, since: now, drop: () => resolve({ kind: 'dropped' }) });
      call.then(
        (value) => resolve({ kind: 'answered', value }),
        (error: unknown) => resolve({ kind: 'failed', error }),
      );
    }).finally(() => this.waiting.delete(id));
  }

  /** Settles every waiting call as dropped (the worker that would answer is gone). */
  dropAll(): void {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const call of all) call.drop();
  }

  /**
   * Why the worker looks dead now (see {@link workerLooksDead}), in words for the log, or null
   * while it looks alive.
   */
  deadReason(now: number, lastBeatAt: number): string | null {
    const oldest = this.oldest(now);
    const silentMs = now - lastBeatAt;
    if (!oldest || !workerLooksDead(oldest.ageMs, silentMs)) return null;
    return `${oldest.name} unanswered for ${Math.round(oldest.ageMs / 1000)} s and no heartbeat for ${Math.round(silentMs / 1000)} s`;
  }

  /** The call that has waited longest, or null. */
  oldest(now: number): { name: string; ageMs: number } | null {
    let found: { name: string; ageMs: number } | null = null;
    for (const { name, since } of this.waiting.values()) {
      if (!found || now - since > found.ageMs) found = { name, ageMs: now - since };
    }
    return found;
  }

  get size(): number {
    return this.waiting.size;
  }
}
