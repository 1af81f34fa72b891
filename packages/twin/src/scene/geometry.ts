/**
 * Shared geometries. Parts are unit-sized and scaled per instance, so one geometry serves every
 * size of a part type.
 */
import { BoxGeometry, type BufferGeometry, CylinderGeometry, PlaneGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/** UV the non-front faces sample: the texture's bottom-left swatch (see `sideSwatch`). */
const SIDE_UV = 0.002;

/**
 * A 1 m cube centred on the origin whose +z face carries the whole texture while every other face
 * samples one corner pixel, so a face texture shows only on the front.
 */
export function unitBoxFrontUv(): BufferGeometry {
  const g = new BoxGeometry(1, 1, 1);
  const uv = g.getAttribute('uv');
  // BoxGeometry face order: +x, -x, +y, -y, +z, -z; 4 vertices each.
  for (let face = 0; face < 6; face++) {
    if (face === 4) continue;
    for (let v = 0; v < 4; v++) uv.setXY(face * 4 + v, SIDE_UV, SIDE_UV);
  }
  uv.needsUpdate = true;
  return g;
}

/**
 * A 1 m cube whose top (+y) face carries the texture (canvas top = rear, bottom = front) and whose
 * other faces sample the side swatch: drawer bodies show their board from above when pulled.
 */
export function unitBoxTopUv(): BufferGeometry {
  const g = new BoxGeometry(1, 1, 1);
  const uv = g.getAttribute('uv');
  for (let face = 0; face < 6; face++) {
    if (face === 2) continue;
    for (let v = 0; v < 4; v++) uv.setXY(face * 4 + v, SIDE_UV, SIDE_UV);
  }
  uv.needsUpdate = true;
  return g;
}

/**
 * A vertical pull handle, 1 m tall before scaling (scale y to the bezel's height): a round bar on
 * two stand-offs, protruding forward (+z) from z = 0.
 */
export function handleGeometry(): BufferGeometry {
  const bar = new CylinderGeometry(0.0042, 0.0042, 0.9, 14);
  bar.translate(0, 0, 0.0175);
  const parts: BufferGeometry[] = [bar];
  for (const y of [-0.44, 0.44]) {
    const post = new BoxGeometry(0.0085, 0.12, 0.0175);
    post.translate(0, y, 0.0088);
    parts.push(post);
  }
  const plate = new BoxGeometry(0.014, 1, 0.0016);
  plate.translate(0, 0, 0.0008);
  parts.push(plate);
  const merged = mergeGeometries(parts.map((p) => p.toNonIndexed()))!;
  for (const p of parts) p.dispose();
  return merged;
}

/** LED lens: a short cylinder facing +z, 5.8 mm across. */
export function ledGeometry(): BufferGeometry {
  const g = new CylinderGeometry(0.0029, 0.0029, 0.0016, 18);
  g.rotateX(Math.PI / 2);
  return g;
}

/** A 1 m square facing +z (labels, LED glow). */
export function quadGeometry(): BufferGeometry {
  return new PlaneGeometry(1, 1);
}
