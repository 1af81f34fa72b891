import { buildRack, getPreset } from '@ft/hardware';
import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { buildLayout } from './layout/build.ts';
import { FOV_DEG } from './sceneHost.ts';
import { RACK_FRAME_TOP_M, RACK_OUTER_DEPTH_M, RACK_OUTER_WIDTH_M } from './units.ts';
import { presetView, type ViewPreset } from './views.ts';

/** Where the cabinet's corners land on screen (normalised device coordinates, -1..1). */
function cornersOnScreen(preset: ViewPreset, aspect: number, preset2 = 'mixed') {
  const layout = buildLayout(buildRack(getPreset(preset2)));
  const view = presetView(layout, preset, null, FOV_DEG, aspect);
  const camera = new PerspectiveCamera(FOV_DEG, aspect, 0.02, 40);
  camera.position.set(...view.position);
  camera.lookAt(new Vector3(...view.target));
  camera.updateMatrixWorld();
  const w = RACK_OUTER_WIDTH_M / 2;
  const d = RACK_OUTER_DEPTH_M / 2;
  const out: Vector3[] = [];
  for (const x of [-w, w])
    for (const y of [0, RACK_FRAME_TOP_M])
      for (const z of [-d, d]) out.push(new Vector3(x, y, z).project(camera));
  return out;
}

describe('camera presets frame the whole rack', () => {
  // 1440×900 and 1024×768 scene areas, a phone in portrait (390 wide) and a wide embed.
  const aspects = [1.6, 1.15, 0.75, 1.3, 2.4];
  for (const preset of ['reset', 'front', 'rear'] as const) {
    it.each(aspects)(`${preset}: roof to floor inside the view at aspect %s`, (aspect) => {
      const corners = cornersOnScreen(preset, aspect);
      for (const p of corners) {
        expect(Math.abs(p.x)).toBeLessThanOrEqual(1);
        expect(Math.abs(p.y)).toBeLessThanOrEqual(1);
      }
      // And it fills the view: the cabinet is not a speck.
      const ys = corners.map((p) => p.y);
      expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(1.2);
    });
  }
  it('frames the same whatever the rack holds', () => {
    const a = cornersOnScreen('front', 1.3, '4300-dmr').map((p) => p.toArray());
    const b = cornersOnScreen('front', 1.3, 'rack-8x4300').map((p) => p.toArray());
    expect(a).toEqual(b);
  });
});
