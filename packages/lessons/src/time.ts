/**
 * Advancing a headless engine the same way every time. Replaying a session must reproduce the
 * recording exactly, whatever sizes of `advance` the recording and the replay use; until the
 * engine is invariant to how `advance` is chunked, both step through the same absolute grid of
 * simulated times. Once it is, the grid costs nothing and changes nothing.
 */
import type { Engine } from '@ft/engine';

/** Every headless advance stops at each multiple of this many simulated ms. */
export const ADVANCE_GRID_MS = 250;

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
    let next = (Math.floor(now / ADVANCE_GRID_MS) + 1) * ADVANCE_GRID_MS;
    if (next > targetMs) next = targetMs;
    engine.advance(next - now);
    // Floating-point safety: a step too small to move the clock must not loop forever.
    if (engine.timeMs === now) break;
  }
}
