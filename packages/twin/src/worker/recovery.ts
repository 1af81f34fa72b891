/**
 * What outlives an engine worker: its last save, the journal of what was confirmed since, and
 * the restart budget (more than MAX_RESTARTS crashes within RESTART_WINDOW_MS and the client
 * stops and asks). After a crash a fresh worker loads the save and {@link Recovery.replay}
 * applies the journal to it, so nothing confirmed is lost and time never goes back.
 */
import type { EngineEvent, WorkerApi } from '@ft/engine';
import type { CallWorker } from './calls.ts';
import type { ClientEvents } from './clientEvents.ts';
import { crashNotice, gaveUpReason, recoveryLines } from './clientMessages.ts';
import { Journal } from './journal.ts';

/** More restarts than this within RESTART_WINDOW_MS and the client stops and asks. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 30_000;

export class Recovery {
  readonly journal = new Journal();
  private save: { state: Uint8Array; timeMs: number } | null = null;
  private crashes: number[] = [];

  /** Simulated time of the last save, or null before the first. */
  get savedAtMs(): number | null {
    return this.save ? this.save.timeMs : null;
  }

  /** The state a fresh worker loads (null: start the rack afresh). */
  get savedState(): Uint8Array | null {
    return this.save ? this.save.state : null;
  }

  /** A save's answer arrived: everything the journal holds is in it. */
  saved(state: Uint8Array, timeMs: number): void {
    this.save = { state, timeMs };
    this.journal.saved();
  }

  /**
   * A crash at wall time `nowMs`: the notice to show, and whether to restart (false once the
   * crashes within the window pass the budget; {@link stoppedReason} then says why).
   */
  crashed(nowMs: number): { notice: string; restart: boolean } {
    this.crashes = this.crashes.filter((t) => nowMs - t < RESTART_WINDOW_MS).concat(nowMs);
    return {
      notice: crashNotice(this.savedAtMs, this.journal.pending().length),
      restart: this.crashes.length <= MAX_RESTARTS,
    };
  }

  /** Why the client stopped restarting, and what Restart will do. */
  stoppedReason(): string {
    return gaveUpReason(
      this.crashes.length,
      RESTART_WINDOW_MS,
      this.savedAtMs,
      this.journal.pending().length,
    );
  }

  /** A person asked for a restart: the budget starts again. */
  restartAsked(): void {
    this.crashes = [];
  }

  /**
   * Replays the journal onto a fresh worker that loaded the last save (paused): every command
   * and warp confirmed since, at its simulated time, then on to the time the page had shown.
   * Returns the events the page's log lacks (with lines telling the recovery) and the 'restored'
   * report, or null when the worker went away meanwhile (`current()` false, or a call failed).
   */
  async replay(
    api: Pick<WorkerApi, 'replay' | 'drainBatch'>,
    call: CallWorker,
    current: () => boolean,
  ): Promise<{ events: EngineEvent[]; timeMs: number; restored: ClientEvents['restored'] } | null> {
    const entries = this.journal.pending();
    const replay = await call('replay', api.replay(entries, this.journal.resumeAtMs()));
    if (replay.kind !== 'answered' || !current()) return null;
    const batch = await call('drainBatch', api.drainBatch());
    if (batch.kind !== 'answered' || !current()) return null;
    const { outcomes, timeMs } = replay.value;
    const { lines, refused } = recoveryLines(this.savedAtMs, entries, outcomes, timeMs);
    return {
      events: [...this.journal.unseen(batch.value.events), ...lines],
      timeMs: batch.value.timeMs,
      restored: { savedTimeMs: this.savedAtMs, replayed: outcomes.length, refused, timeMs },
    };
  }
}
