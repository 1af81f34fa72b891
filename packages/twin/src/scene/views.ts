/**
 * The camera presets in terms of the rack layout: overview (3/4 front), straight front and
 * straight rear frame the whole rack cabinet, floor to roof, at any viewport shape; focus frames
 * one system.
 */
import { type Box3Like, type CameraView, frameBox, withMinHeight } from './cameraMath.ts';
import type { SceneLayout } from './layout/types.ts';
import { BENCH, BENCH_X } from './motion.ts';
import { frameTopY, RACK_OUTER_DEPTH_M, RACK_OUTER_WIDTH_M } from './units.ts';

export type ViewPreset = 'front' | 'rear' | 'reset' | 'focus';

const FOCUS_MIN_HEIGHT_M = 0.32;
const OVERVIEW_DIR = [-0.4, 0.2, 1] as const;
const FOCUS_DIR = [-0.3, 0.14, 1] as const;

function frontBox(minY: number, maxY: number, rear: boolean): Box3Like {
  const w = RACK_OUTER_WIDTH_M / 2;
  const d = RACK_OUTER_DEPTH_M / 2;
  return rear
    ? { min: [-w, minY, -d - 0.02], max: [w, maxY, -d + 0.3] }
    : { min: [-w, minY, d - 0.3], max: [w, maxY, d + 0.02] };
}

/** Camera position and target of a preset for a viewport of `aspect` (width / height). */
export function presetView(
  layout: SceneLayout,
  preset: ViewPreset,
  systemId: string | null,
  fovDeg: number,
  aspect: number,
  benchInUse = false,
): CameraView {
  if (preset === 'focus') {
    const sys = layout.systems.find((s) => s.id === systemId);
    if (sys) {
      const h = sys.size[1] / 2;
      const box = withMinHeight(
        frontBox(sys.center[1] - h - 0.02, sys.center[1] + h + 0.02, false),
        FOCUS_MIN_HEIGHT_M,
      );
      return frameBox(box, FOCUS_DIR, fovDeg, aspect, 1.05);
    }
  }
  const rear = preset === 'rear';
  // The whole cabinet, plinth to roof: a view that cuts the rack's top reads as a cropped photo.
  const w = RACK_OUTER_WIDTH_M / 2;
  const d = RACK_OUTER_DEPTH_M / 2;
  let box: Box3Like = { min: [-w, 0, -d], max: [w, frameTopY(layout.rackU) + 0.01, d] };
  if (benchInUse && preset === 'reset') {
    // Parts wait on the spares shelf: widen the overview to show them.
    box = { min: box.min, max: [BENCH_X + BENCH.widthM / 2, box.max[1], box.max[2]] };
  }
  const dir = preset === 'front' ? [0, 0.03, 1] : rear ? [0, 0.03, -1] : OVERVIEW_DIR;
  return frameBox(
    box,
    dir as unknown as readonly [number, number, number],
    fovDeg,
    aspect,
    preset === 'reset' ? 1.02 : 1.06,
  );
}
