/**
 * Fast-changing state that must not go through React: the latest engine snapshot and the
 * renderer's statistics. The worker client writes here; the scene and canvas panels read it
 * inside their frame loops. Nothing here triggers a re-render.
 */
import type { SnapshotViews } from '@ft/engine/snapshot';

export interface RenderStats {
  drawCalls: number;
  triangles: number;
  frameMs: number;
  frames: number;
}

export interface ScreenPoint {
  x: number;
  y: number;
}

export const live = {
  /** Latest consistent snapshot, or null before the engine has loaded. */
  views: null as SnapshotViews | null,
  /** Component id → index into the snapshot's per-component arrays. */
  index: new Map<string, number>(),
  stats: { drawCalls: 0, triangles: 0, frameMs: 0, frames: 0 } as RenderStats,
  /** Set by the scene: CSS pixels (relative to the viewport) of a component's centre, or null. */
  screenPosition: (_id: string): ScreenPoint | null => null,
};
