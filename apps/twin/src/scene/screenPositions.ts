/**
 * Publishes where parts are on screen: sets `live.screenPosition` for the app and e2e tests, and
 * backs {@link screenPositionOfLed}. Reads the runtime's current offsets, so a pulled part is
 * reported where it is drawn.
 */
import type { Camera } from 'three';
import { type ScreenPoint, live } from '../state/live.ts';
import type { SceneRuntime } from './runtime.ts';
import { facesCamera, projectToCss } from './screen.ts';

let current: {
  runtime: SceneRuntime;
  camera: Camera;
  canvas: HTMLCanvasElement;
  index: Map<string, number>;
} | null = null;
const p = new Float32Array(3);

function project(i: number, led: number): ScreenPoint | null {
  if (!current || i < 0) return null;
  const { runtime, camera, canvas } = current;
  if (!runtime.visible[i]) return null;
  if (led < 0) runtime.anchor(i, p);
  else if (!runtime.ledPosition(i, led, p)) return null;
  camera.updateMatrixWorld();
  if (!facesCamera(runtime.layout.components.facing[i], p[2], camera.position.z)) return null;
  return projectToCss(p[0], p[1], p[2], camera, canvas.getBoundingClientRect());
}

/**
 * Viewport CSS pixels of LED `ledIndex` (its index in the component's `leds` list) of component
 * `id`, or null when unknown, hidden or facing away from the camera.
 *
 * @example
 * const at = screenPositionOfLed('A.cpu-0', 1); // the fault LED of CPU element 0
 */
export function screenPositionOfLed(id: string, ledIndex: number): ScreenPoint | null {
  return project(current?.index.get(id) ?? -1, Math.max(0, ledIndex | 0));
}

/** Installs `live.screenPosition` for this runtime; returns the uninstaller. */
export function attachScreenPositions(
  runtime: SceneRuntime,
  camera: Camera,
  canvas: HTMLCanvasElement,
): () => void {
  const index = new Map(runtime.ids.map((id, i) => [id, i]));
  const mine = { runtime, camera, canvas, index };
  current = mine;
  live.screenPosition = (id: string) => project(index.get(id) ?? -1, -1);
  return () => {
    if (current === mine) {
      current = null;
      live.screenPosition = () => null;
    }
  };
}
