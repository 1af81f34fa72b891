/**
 * Publishes where parts are on screen: sets the twin's `live.screenPosition` and
 * `live.ledPosition` for the app, the API and e2e tests. Reads the runtime's current offsets, so
 * a pulled part is reported where it is drawn.
 */
import type { Camera } from 'three';
import type { Live, ScreenPoint } from '../state/live.ts';
import type { SceneRuntime } from './runtime.ts';
import { facesCamera, projectToCss } from './screen.ts';

/**
 * Installs `live.screenPosition` and `live.ledPosition` for this runtime (viewport CSS pixels,
 * or null when unknown, hidden or facing away); returns the uninstaller.
 *
 * @example
 * const off = attachScreenPositions(live, runtime, camera, canvas);
 * live.ledPosition('A.cpu-0', 1); // the fault LED of CPU element 0
 */
export function attachScreenPositions(
  live: Live,
  runtime: SceneRuntime,
  camera: Camera,
  canvas: HTMLElement,
): () => void {
  const index = new Map(runtime.ids.map((id, i) => [id, i]));
  const p = new Float32Array(3);
  const project = (i: number, led: number): ScreenPoint | null => {
    if (i < 0 || !runtime.visible[i]) return null;
    if (led < 0) runtime.anchor(i, p);
    else if (!runtime.ledPosition(i, led, p)) return null;
    camera.updateMatrixWorld();
    if (!facesCamera(runtime.layout.components.facing[i], p[2], camera.position.z)) return null;
    return projectToCss(p[0], p[1], p[2], camera, canvas.getBoundingClientRect());
  };
  const screenPosition = (id: string) => project(index.get(id) ?? -1, -1);
  const ledPosition = (id: string, ledIndex: number) =>
    project(index.get(id) ?? -1, Math.max(0, ledIndex | 0));
  live.screenPosition = screenPosition;
  live.ledPosition = ledPosition;
  return () => {
    if (live.screenPosition === screenPosition) live.screenPosition = () => null;
    if (live.ledPosition === ledPosition) live.ledPosition = () => null;
  };
}
