/**
 * Advancing a headless engine the same way every time. Replaying a session must reproduce the
 * recording exactly. Until the engine is invariant to how `advance` is chunked, the headless
 * driver and the replay both stop only at the points of one absolute grid of simulated times,
 * and where a log entry (a command, a time warp) is: the driver never pauses anywhere else.
 * Once the engine is invariant, the grid costs nothing and changes nothing.
 */
import type { Engine } from '@ft/engine';

/** Every headless advance stops at each multiple of this many simulated ms. */
export const ADVANCE_GRID_MS = 250;

/** The first grid point after `timeMs` (headless drivers look at the state there). */
export function nextGridPoint(timeMs: number): number {
  return (Math.floor(timeMs / ADVANCE_GRID_MS) + 1) * ADVANCE_GRID_MS;
}

/** The first grid point at or after `timeMs`. */
export function ceilToGrid(timeMs: number): number {
  return Math.ceil(timeMs / ADVANCE_GRID_MS) * ADVANCE_GRID_MS;
}

/**
 * Advances `engine` (without time warp) to simulated time `targetMs`, stopping at every grid
 * point on the way. Does nothing when the engine is already there or past it.
 *
 * @example
 * advanceTo(engine, 60_000); // engine.timeMs === 60_000
 */
export function advanceTo(engine: Engine, targetMs: number): void {
  while (engine.timeMs < targetMs) {
    const now = engine.timeMs;
    let next = nextGridPoint(now);
    if (next > targetMs) next = targetMs;
    engine.advance(next - now);
    // Floating-point safety: a step too small to move the clock must not loop forever.
    if (engine.timeMs === now) break;
  }
}
