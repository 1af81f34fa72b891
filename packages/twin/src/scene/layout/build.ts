/**
 * Builds the {@link SceneLayout} of a rack: every instanced part, LED, label and progress bar in
 * world metres, plus per-component placement. Runs once per rack load, never per frame.
 */
import type { ComponentSpec, RackModel } from '@ft/hardware';
import {
  BEZEL_FRONT_Z_M,
  CHASSIS_REAR_Z_M,
  FRONT_RAIL_Z_M,
  PANEL_WIDTH_M,
  RACK_HEIGHT_U,
  drawnRackU,
  rackTopY,
  RACK_OUTER_DEPTH_M,
  RACK_OUTER_WIDTH_M,
  RACK_BASE_Y_M,
  RACK_UNIT_M,
  uBottomY,
  uHeight,
} from '../units.ts';
import { BENCH, BENCH_X } from '../motion.ts';
import { buildFront } from './front.ts';
import { buildRear } from './rear.ts';
import { LayoutSink } from './sink.ts';
import type { SceneLayout, SystemPlacement } from './types.ts';

/** Rack units (1-based) not occupied by any system. */
export function freeUnits(rack: RackModel, heightU = RACK_HEIGHT_U): number[] {
  const used = new Uint8Array(heightU + 2);
  for (const s of rack.systems) {
    for (let u = 0; u < s.spec.heightU.value; u++) used[s.config.positionU + u] = 1;
  }
  const free: number[] = [];
  for (let u = 1; u <= heightU; u++) if (!used[u]) free.push(u);
  return free;
}

export function buildLayout(rack: RackModel): SceneLayout {
  const index = new Map<string, number>();
  rack.components.forEach((c, i) => {
    index.set(c.id, i);
  });
  const indexOf = (c: ComponentSpec): number => index.get(c.id) ?? -1;
  const sink = new LayoutSink(rack.components.length);
  const systems: SystemPlacement[] = [];
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  rack.systems.forEach((sys, s) => {
    buildFront(sink, sys, s, indexOf);
    buildRear(sink, sys, s, indexOf);
    const bottom = uBottomY(sys.config.positionU);
    const height = uHeight(sys.spec.heightU.value);
    minY = Math.min(minY, bottom);
    maxY = Math.max(maxY, bottom + height);
    const depth = BEZEL_FRONT_Z_M - CHASSIS_REAR_Z_M;
    systems.push({
      id: sys.config.id,
      index: s,
      model: sys.config.model,
      center: [0, bottom + height / 2, BEZEL_FRONT_Z_M - depth / 2],
      size: [PANEL_WIDTH_M, height, depth],
    });
  });
  rack.components.forEach((c, i) => {
    sink.kind[i] = c.kind;
  });
  const drawnU = drawnRackU(rack.config.heightU || RACK_HEIGHT_U);
  for (const u of freeUnits(rack, drawnU)) {
    sink.part('rackBlank', -1, -1, {
      x: 0,
      y: uBottomY(u) + RACK_UNIT_M / 2,
      z: FRONT_RAIL_Z_M + 0.0015,
      sx: PANEL_WIDTH_M,
      sy: RACK_UNIT_M - 0.0006,
      sz: 0.003,
    });
  }
  // Static plates: the rack's name on the top frame, and the spares shelf beside it.
  const name = rack.config.name || 'ftServer rack';
  sink.label(
    name,
    'rackPlate',
    -1,
    0,
    rackTopY(drawnU) + 0.028,
    RACK_OUTER_DEPTH_M / 2 + 0.0008,
    0.024,
  );
  sink.label('SPARES', 'tag', -1, BENCH_X, BENCH.heightM, BENCH.depthM / 2 + 0.0008, 0.015);
  if (systems.length === 0) {
    minY = RACK_BASE_Y_M;
    maxY = rackTopY(drawnU);
  }
  return {
    rackU: drawnU,
    components: {
      count: sink.count,
      kind: sink.kind,
      system: sink.system,
      parent: sink.parent,
      center: sink.center,
      size: sink.size,
      anchor: sink.anchor,
      facing: sink.facing,
      slide: sink.slide,
      pullable: sink.pullable,
    },
    parts: sink.parts,
    leds: sink.leds,
    labels: sink.labels,
    progress: sink.progress,
    systems,
    populated: [
      -RACK_OUTER_WIDTH_M / 2,
      minY,
      -RACK_OUTER_DEPTH_M / 2,
      RACK_OUTER_WIDTH_M / 2,
      maxY,
      RACK_OUTER_DEPTH_M / 2,
    ],
  };
}
