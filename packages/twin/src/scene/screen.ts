/**
 * World → CSS pixel projection for `live.screenPosition` and LED positions (the e2e tests click
 * and sample screenshot pixels there, so this must match what is drawn).
 */
import { type Camera, Vector3 } from 'three';

export interface CssRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

const v = new Vector3();

/**
 * Projects world point (x, y, z) with `camera` into viewport CSS pixels of the canvas at `rect`;
 * null when behind the camera or outside the canvas.
 */
export function projectToCss(
  x: number,
  y: number,
  z: number,
  camera: Camera,
  rect: CssRect,
): { x: number; y: number } | null {
  v.set(x, y, z).project(camera);
  if (v.z < -1 || v.z > 1 || Math.abs(v.x) > 1 || Math.abs(v.y) > 1) return null;
  return {
    x: rect.left + ((v.x + 1) / 2) * rect.width,
    y: rect.top + ((1 - v.y) / 2) * rect.height,
  };
}

/** Whether a face at z-facing `facing` (+1 front, -1 rear) at `z` can be seen from `cameraZ`. */
export function facesCamera(facing: number, z: number, cameraZ: number): boolean {
  return facing * (cameraZ - z) > 0;
}
