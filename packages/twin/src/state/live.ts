/**
 * Fast-changing state that must not go through React: the latest engine snapshot and the
 * renderer's statistics. The worker client writes here; the scene and canvas panels read it
 * inside their frame loops. Nothing here triggers a re-render. One per twin instance.
 */
import type { SnapshotViews } from '@ft/engine/snapshot';

export interface RenderStats {
  /** Draw calls and triangles of the last frame drawn. */
  drawCalls: number;
  triangles: number;
  /** Smoothed wall time between scene ticks (animation frames while the twin is visible). */
  frameMs: number;
  /** Frames drawn (a still scene is not redrawn) and scene ticks run. */
  frames: number;
  ticks: number;
  /** performance.now() when the first frame was drawn; -1 before. */
  firstFrameAtMs: number;
}

export interface ScreenPoint {
  x: number;
  y: number;
}

export interface Live {
  /** Latest consistent snapshot, or null before the engine has loaded. */
  views: SnapshotViews | null;
  /** Component id → index into the snapshot's per-component arrays. */
  index: Map<string, number>;
  stats: RenderStats;
  /** Set by the scene: CSS pixels (relative to the viewport) of a component's centre, or null. */
  screenPosition: (id: string) => ScreenPoint | null;
  /** Set by the scene: CSS pixels of LED `ledIndex` of a component, or null. */
  ledPosition: (id: string, ledIndex: number) => ScreenPoint | null;
}

export function createLive(): Live {
  return {
    views: null,
    index: new Map(),
    stats: { drawCalls: 0, triangles: 0, frameMs: 0, frames: 0, ticks: 0, firstFrameAtMs: -1 },
    screenPosition: () => null,
    ledPosition: () => null,
  };
}
