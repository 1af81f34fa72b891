/**
 * What the page has confirmed since the engine's last save, so that nothing confirmed is lost
 * when the worker dies: the commands (with the simulated time each was applied at) and the time
 * warps, in the order the worker applied them, and how far the page has seen the engine's events.
 *
 * The worker handles calls one at a time and answers in that order, so when a save's answer
 * arrives every entry recorded before it is inside the save: the journal restarts there. Pure
 * bookkeeping, no worker in sight; tested alone.
 */
import type { Command, EngineEvent, JournalEntry } from '@ft/engine';

export class Journal {
  private entries: JournalEntry[] = [];
  /** Simulated time the page's event log is complete up to, and how many events sit at it. */
  private seenUntilMs = Number.NEGATIVE_INFINITY;
  private seenAtEdge = 0;
  /** Latest simulated time the page has seen (snapshots, batches, commands, warps). */
  private latestMs = 0;

  /** A command the engine accepted at `timeMs`. */
  command(command: Command, timeMs: number): void {
    this.entries.push({ kind: 'command', command, timeMs });
    this.saw(timeMs);
  }

  /** A time warp from `fromMs` to `toMs`. */
  warp(fromMs: number, toMs: number): void {
    this.entries.push({ kind: 'warp', fromMs, toMs });
    this.saw(toMs);
  }

  /** A save's answer arrived: everything recorded so far is in it. */
  saved(): void {
    this.entries = [];
  }

  /** The entries a replay over the last save needs, oldest first. */
  pending(): JournalEntry[] {
    return [...this.entries];
  }

  /** The page has seen the engine at `timeMs` (a snapshot, a batch of events). */
  saw(timeMs: number): void {
    if (timeMs > this.latestMs) this.latestMs = timeMs;
  }

  /** Where a replay must bring the engine back to, so that time never goes back on screen. */
  resumeAtMs(): number {
    return this.latestMs;
  }

  /**
   * A batch of events drained when the engine stood at `timeMs`: the log is complete up to
   * there (the events at exactly that time are counted, to tell them apart from new ones).
   */
  drained(events: readonly EngineEvent[], timeMs: number): void {
    if (timeMs !== this.seenUntilMs) this.seenAtEdge = 0;
    for (const e of events) if (e.timeMs === timeMs) this.seenAtEdge++;
    this.seenUntilMs = timeMs;
    this.saw(timeMs);
  }

  /**
   * Of the events a replay produced again, those the log does not have yet. The engine is
   * deterministic: a replay emits the same events in the same order.
   */
  unseen(events: readonly EngineEvent[]): EngineEvent[] {
    let edge = this.seenAtEdge;
    return events.filter((e) => {
      if (e.timeMs < this.seenUntilMs) return false;
      if (e.timeMs === this.seenUntilMs && edge > 0) {
        edge--;
        return false;
      }
      return true;
    });
  }
}
