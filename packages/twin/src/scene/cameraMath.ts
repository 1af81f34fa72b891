/**
 * Camera framing as pure maths: where to put a perspective camera, looking along a direction, so
 * that a box fills the view. Used by the camera presets (front, rear, overview, focus).
 */

export type Vec3 = readonly [number, number, number];

export interface CameraView {
  position: [number, number, number];
  target: [number, number, number];
}

export interface Box3Like {
  min: Vec3;
  max: Vec3;
}

const norm = (v: Vec3): [number, number, number] => {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
};
const cross = (a: Vec3, b: Vec3): [number, number, number] => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/**
 * Frames `box` from direction `toCamera` (from the box centre towards the camera) with a vertical
 * field of view `fovDeg` and viewport `aspect`; `margin` > 1 leaves room around the box.
 *
 * @example
 * frameBox({ min: [-1, -1, -1], max: [1, 1, 1] }, [0, 0, 1], 45, 1, 1).position; // [0, 0, ~3.4]
 */
export function frameBox(
  box: Box3Like,
  toCamera: Vec3,
  fovDeg: number,
  aspect: number,
  margin: number,
): CameraView {
  const c: Vec3 = [
    (box.min[0] + box.max[0]) / 2,
    (box.min[1] + box.max[1]) / 2,
    (box.min[2] + box.max[2]) / 2,
  ];
  const back = norm(toCamera);
  const forward: Vec3 = [-back[0], -back[1], -back[2]];
  const right = norm(cross(forward, [0, 1, 0]));
  const up = cross(right, forward);
  const tanV = Math.tan((fovDeg * Math.PI) / 360);
  const tanH = tanV * aspect;
  let dist = 0;
  for (let k = 0; k < 8; k++) {
    const v: Vec3 = [
      (k & 1 ? box.max[0] : box.min[0]) - c[0],
      (k & 2 ? box.max[1] : box.min[1]) - c[1],
      (k & 4 ? box.max[2] : box.min[2]) - c[2],
    ];
    const need = Math.max(Math.abs(dot(v, right)) / tanH, Math.abs(dot(v, up)) / tanV) * margin;
    dist = Math.max(dist, dot(v, back) + need);
  }
  return {
    position: [c[0] + back[0] * dist, c[1] + back[1] * dist, c[2] + back[2] * dist],
    target: [c[0], c[1], c[2]],
  };
}

/** Grows the y range of `box` symmetrically to at least `minHeight`. */
export function withMinHeight(box: Box3Like, minHeight: number): Box3Like {
  const h = box.max[1] - box.min[1];
  if (h >= minHeight) return box;
  const pad = (minHeight - h) / 2;
  return {
    min: [box.min[0], box.min[1] - pad, box.min[2]],
    max: [box.max[0], box.max[1] + pad, box.max[2]],
  };
}
