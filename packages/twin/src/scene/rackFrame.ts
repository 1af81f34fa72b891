/**
 * The static furniture: the 42U rack (plinth, posts, side panels, top, mounting rails), the spares
 * rack beside it where pulled parts wait, the showroom floor and a contact shadow. Merged per
 * material, so the whole frame costs a handful of draw calls whatever the rack holds.
 */
import {
  BoxGeometry,
  type BufferGeometry,
  CircleGeometry,
  Group,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  MeshStandardMaterial,
  PlaneGeometry,
  type Object3D,
  RepeatWrapping,
  type Texture,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { unitBoxFrontUv } from './geometry.ts';
import type { Quality } from './quality.ts';
import { BENCH, BENCH_X, shelfTopY } from './motion.ts';
import { contactShadow, floorAlpha, railTexture } from './textures/rackTextures.ts';
import {
  FRONT_RAIL_Z_M,
  PANEL_WIDTH_M,
  RACK_BASE_Y_M,
  RACK_FRAME_TOP_M,
  RACK_OUTER_DEPTH_M,
  RACK_OUTER_WIDTH_M,
  RACK_TOP_Y_M,
  REAR_RAIL_Z_M,
  frameTopY,
  rackTopY,
} from './units.ts';

const RACK_TOP_M = RACK_FRAME_TOP_M;
const POST_M = 0.045;

function box(w: number, h: number, d: number, x: number, y: number, z: number): BufferGeometry {
  const g = new BoxGeometry(w, h, d);
  g.translate(x, y, z);
  return g;
}

function merged(parts: BufferGeometry[]): BufferGeometry {
  const g = mergeGeometries(parts)!;
  for (const p of parts) p.dispose();
  return g;
}

function rackGeometry(): BufferGeometry {
  const w = RACK_OUTER_WIDTH_M;
  const d = RACK_OUTER_DEPTH_M;
  const parts: BufferGeometry[] = [];
  parts.push(box(w, RACK_BASE_Y_M - 0.02, d, 0, (RACK_BASE_Y_M - 0.02) / 2 + 0.015, 0));
  parts.push(
    box(w, RACK_TOP_M - RACK_TOP_Y_M - 0.01, d, 0, (RACK_TOP_M + RACK_TOP_Y_M + 0.01) / 2, 0),
  );
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) {
      parts.push(
        box(
          POST_M,
          RACK_TOP_M,
          POST_M,
          sx * (w / 2 - POST_M / 2),
          RACK_TOP_M / 2,
          sz * (d / 2 - POST_M / 2),
        ),
      );
      parts.push(box(0.05, 0.015, 0.05, sx * (w / 2 - 0.05), 0.0075, sz * (d / 2 - 0.05)));
    }
    parts.push(
      box(0.01, RACK_TOP_M - 0.12, d - 2 * POST_M, sx * (w / 2 - 0.005), RACK_TOP_M / 2, 0),
    );
    for (const z of [FRONT_RAIL_Z_M - 0.02, REAR_RAIL_Z_M + 0.02]) {
      parts.push(
        box(
          w / 2 - PANEL_WIDTH_M / 2 + 0.01,
          RACK_TOP_Y_M - RACK_BASE_Y_M,
          0.03,
          (sx * (w / 2 + PANEL_WIDTH_M / 2 - 0.01)) / 2,
          (RACK_TOP_Y_M + RACK_BASE_Y_M) / 2,
          z,
        ),
      );
    }
  }
  return merged(parts);
}

function railGeometry(): BufferGeometry {
  const parts: BufferGeometry[] = [];
  const h = RACK_TOP_Y_M - RACK_BASE_Y_M;
  for (const sx of [-1, 1]) {
    for (const [z, rear] of [
      [FRONT_RAIL_Z_M - 0.0015, false],
      [REAR_RAIL_Z_M + 0.0015, true],
    ] as const) {
      const g = unitBoxFrontUv();
      g.scale(0.024, h, 0.003);
      if (rear) g.rotateY(Math.PI);
      g.translate(sx * (PANEL_WIDTH_M / 2 - 0.012), RACK_BASE_Y_M + h / 2, z);
      parts.push(g);
    }
  }
  return merged(parts);
}

function benchGeometry(): BufferGeometry {
  const parts: BufferGeometry[] = [];
  const w = BENCH.widthM;
  const d = BENCH.depthM;
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) {
      parts.push(
        box(
          0.03,
          BENCH.heightM,
          0.03,
          BENCH_X + sx * (w / 2 - 0.015),
          BENCH.heightM / 2,
          sz * (d / 2 - 0.015),
        ),
      );
    }
    parts.push(
      box(0.006, BENCH.heightM - 0.2, 0.02, BENCH_X + sx * (w / 2 - 0.015), BENCH.heightM / 2, 0),
    );
  }
  for (let k = 0; k < BENCH.shelves; k++) {
    parts.push(box(w - 0.01, BENCH.boardM, d - 0.01, BENCH_X, shelfTopY(k) - BENCH.boardM / 2, 0));
    parts.push(box(w - 0.01, 0.025, 0.012, BENCH_X, shelfTopY(k) - 0.0125, d / 2 - 0.006));
  }
  parts.push(box(w, 0.02, d, BENCH_X, BENCH.heightM, 0));
  return merged(parts);
}

const CABINET = 'rackCabinet';
const RAILS = 'rackRails';

/**
 * Grows the 42U cabinet of `furniture` to a rack of `rackU` units (see `drawnRackU`): the rails
 * stretch from U1 so that each unit keeps its mark, the cabinet up to the raised roof (its plinth
 * grows by a few millimetres with it, which nobody sees).
 *
 * @example
 * fitCabinet(furniture, layout.rackU);
 */
export function fitCabinet(furniture: Object3D, rackU: number): void {
  const rails = furniture.getObjectByName(RAILS) as Mesh | undefined;
  const cabinet = furniture.getObjectByName(CABINET);
  const k = (rackTopY(rackU) - RACK_BASE_Y_M) / (RACK_TOP_Y_M - RACK_BASE_Y_M);
  if (rails) {
    rails.scale.y = k;
    rails.position.y = RACK_BASE_Y_M * (1 - k);
    const map = (rails.material as MeshLambertMaterial).map;
    if (map) {
      // The rail texture draws 42 unit marks: repeat it for the extra units.
      map.wrapT = RepeatWrapping;
      map.repeat.y = k;
      map.needsUpdate = true;
    }
  }
  if (cabinet) cabinet.scale.y = frameTopY(rackU) / RACK_FRAME_TOP_M;
}

/** Builds the static scene furniture (call once; it does not depend on the rack contents). */
export function buildFurniture(quality: Quality): Group {
  const finish = (p: { color?: string; map?: Texture; metalness: number; roughness: number }) =>
    quality === 'high'
      ? new MeshStandardMaterial(p)
      : new MeshLambertMaterial(p.map ? { map: p.map } : { color: p.color });
  const group = new Group();
  group.name = 'furniture';
  const frame = new Mesh(
    rackGeometry(),
    finish({ color: '#2a2e35', metalness: 0.45, roughness: 0.45 }),
  );
  const rails = new Mesh(
    railGeometry(),
    finish({ map: railTexture(), metalness: 0.7, roughness: 0.4 }),
  );
  const bench = new Mesh(
    benchGeometry(),
    finish({ color: '#16181c', metalness: 0.4, roughness: 0.7 }),
  );
  const floor = new Mesh(
    new CircleGeometry(5, 64),
    new MeshBasicMaterial({
      color: '#2c3440',
      alphaMap: floorAlpha(),
      transparent: true,
      depthWrite: false,
    }),
  );
  floor.rotation.x = -Math.PI / 2;
  const shadow = new Mesh(
    new PlaneGeometry(1, 1),
    new MeshBasicMaterial({ map: contactShadow(), transparent: true, depthWrite: false }),
  );
  shadow.rotation.x = -Math.PI / 2;
  shadow.scale.set(2.6, 1.9, 1);
  shadow.position.set(0.4, 0.002, 0);
  frame.name = CABINET;
  rails.name = RAILS;
  for (const m of [frame, rails, bench, floor, shadow]) {
    m.raycast = () => {};
    group.add(m);
  }
  return group;
}
