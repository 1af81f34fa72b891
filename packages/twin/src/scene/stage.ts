/**
 * Showroom lighting: hemisphere + key/fill/rim directional lights, and on a GPU a procedural
 * studio environment for reflections (three's RoomEnvironment through PMREM: nothing fetched),
 * plus the static furniture.
 */
import {
  Color,
  DirectionalLight,
  Fog,
  HemisphereLight,
  PMREMGenerator,
  type Scene,
  type Texture,
  type WebGLRenderer,
} from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import type { Quality } from './quality.ts';
import { buildFurniture } from './rackFrame.ts';

export const BACKGROUND = '#0f1318';
const ENVIRONMENT_INTENSITY = 0.85;

const LIGHTS: readonly [x: number, y: number, z: number, intensity: number, color: string][] = [
  [2.5, 3.5, 3.2, 2.6, '#fff6ea'],
  [-3, 1.8, 2.5, 0.9, '#cfe0ff'],
  [0.5, 2.5, -3.5, 1.1, '#dfe8ff'],
  [0.2, -1, 3, 0.35, '#ffffff'],
];

/** Fills `scene` with the stage; returns what must be disposed with it. */
export function buildStage(scene: Scene, quality: Quality, renderer: WebGLRenderer): () => void {
  scene.background = new Color(BACKGROUND);
  scene.fog = new Fog(BACKGROUND, 7, 16);
  scene.add(new HemisphereLight('#e4ecf8', '#2a2d33', quality === 'high' ? 0.9 : 1.6));
  for (const [x, y, z, intensity, color] of LIGHTS) {
    const light = new DirectionalLight(color, intensity);
    light.position.set(x, y, z);
    scene.add(light);
  }
  const furniture = buildFurniture(quality);
  scene.add(furniture);
  let environment: Texture | null = null;
  if (quality === 'high') {
    const pmrem = new PMREMGenerator(renderer);
    const room = new RoomEnvironment();
    environment = pmrem.fromScene(room, 0.04).texture;
    scene.environment = environment;
    scene.environmentIntensity = ENVIRONMENT_INTENSITY;
    room.dispose();
    pmrem.dispose();
  }
  return () => {
    environment?.dispose();
    furniture.traverse((o) => {
      const mesh = o as { geometry?: { dispose(): void } };
      mesh.geometry?.dispose();
    });
  };
}
