/**
 * How far a reloaded trainee page replays the session log: to the simulated time the trainee
 * had reached (from the last progress report), but never more than a quarter of an hour past the
 * last logged command, so that a page left open overnight does not replay the night.
 */

/** A restore catches up at most this much simulated time past the last logged command. */
export const MAX_CATCH_UP_MS = 15 * 60_000;

/**
 * @param entries the session log (time-ordered)
 * @param reportedMs the simulated time in the trainee's last progress report (0 without one)
 * @example catchUp([{ timeMs: 1000 }], 3_600_000) // { reachedMs: 3_600_000, targetMs: 901_000 }
 */
export function catchUp(
  entries: readonly { timeMs: number }[],
  reportedMs: number,
): { reachedMs: number; targetMs: number } {
  const lastMs = entries.length > 0 ? entries[entries.length - 1].timeMs : 0;
  const reachedMs = Math.max(reportedMs, lastMs);
  return { reachedMs, targetMs: Math.min(reachedMs, lastMs + MAX_CATCH_UP_MS) };
}

/** What the page says after a restore that was cut short or not exact; null when it was exact. */
export function restoreNotice(cutShort: boolean, approximate: boolean): string | null {
  const notes: string[] = [];
  if (cutShort)
    notes.push('Your twin was restored to 15 simulated minutes after your last action.');
  if (approximate) notes.push('Your twin was restored approximately.');
  return notes.length > 0 ? notes.join(' ') : null;
}
