import { describe, expect, it } from 'vitest';
import { frameBox, withMinHeight } from './cameraMath.ts';

describe('frameBox', () => {
  const box = { min: [-1, -1, -1], max: [1, 1, 1] } as const;

  it('looks at the box centre from the given direction', () => {
    const v = frameBox(box, [0, 0, 1], 45, 1, 1);
    expect(v.target).toEqual([0, 0, 0]);
    expect(v.position[0]).toBeCloseTo(0);
    expect(v.position[2]).toBeGreaterThan(1);
  });

  it('backs off further for a narrower viewport and a larger margin', () => {
    const wide = frameBox(box, [0, 0, 1], 45, 2, 1).position[2];
    const narrow = frameBox(box, [0, 0, 1], 45, 0.5, 1).position[2];
    const margin = frameBox(box, [0, 0, 1], 45, 2, 1.3).position[2];
    expect(narrow).toBeGreaterThan(wide);
    expect(margin).toBeGreaterThan(wide);
  });

  it('keeps every corner inside the view frustum', () => {
    const fov = 32;
    const aspect = 1.33;
    const v = frameBox(box, [0.4, 0.2, 1], fov, aspect, 1);
    const tanV = Math.tan((fov * Math.PI) / 360);
    const f = v.target.map((t, k) => t - v.position[k]);
    const fl = Math.hypot(...f);
    const fw = f.map((x) => x / fl);
    const right = [-fw[2], 0, fw[0]].map((x) => x / Math.hypot(fw[0], fw[2]));
    const up = [
      right[1] * fw[2] - right[2] * fw[1],
      right[2] * fw[0] - right[0] * fw[2],
      right[0] * fw[1] - right[1] * fw[0],
    ];
    for (let k = 0; k < 8; k++) {
      const c = [k & 1 ? 1 : -1, k & 2 ? 1 : -1, k & 4 ? 1 : -1];
      const d = c.map((x, i) => x - v.position[i]);
      const depth = d[0] * fw[0] + d[1] * fw[1] + d[2] * fw[2];
      const x = d[0] * right[0] + d[1] * right[1] + d[2] * right[2];
      const y = d[0] * up[0] + d[1] * up[1] + d[2] * up[2];
      expect(Math.abs(y) / depth).toBeLessThanOrEqual(tanV + 1e-9);
      expect(Math.abs(x) / depth).toBeLessThanOrEqual(tanV * aspect + 1e-9);
    }
  });
});

describe('withMinHeight', () => {
  it('grows a short box symmetrically and leaves a tall one alone', () => {
    const short = withMinHeight({ min: [0, 1, 0], max: [1, 1.2, 1] }, 0.6);
    expect(short.min[1]).toBeCloseTo(0.8);
    expect(short.max[1]).toBeCloseTo(1.4);
    const tall = { min: [0, 0, 0], max: [1, 2, 1] } as const;
    expect(withMinHeight(tall, 0.6)).toBe(tall);
  });
});
