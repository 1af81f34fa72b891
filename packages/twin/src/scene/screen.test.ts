import { PerspectiveCamera } from 'three';
import { describe, expect, it } from 'vitest';
import { facesCamera, projectToCss } from './screen.ts';

describe('projectToCss', () => {
  const camera = new PerspectiveCamera(40, 2, 0.1, 100);
  camera.position.set(0, 0, 5);
  camera.lookAt(0, 0, 0);
  camera.updateMatrixWorld();
  const rect = { left: 100, top: 50, width: 800, height: 400 };

  it('puts the look-at point at the canvas centre, offset by the canvas position', () => {
    const p = projectToCss(0, 0, 0, camera, rect)!;
    expect(p.x).toBeCloseTo(500);
    expect(p.y).toBeCloseTo(250);
  });

  it('maps world up to screen up and world right to screen right', () => {
    const p = projectToCss(0.5, 0.5, 0, camera, rect)!;
    expect(p.x).toBeGreaterThan(500);
    expect(p.y).toBeLessThan(250);
  });

  it('returns null behind the camera or outside the canvas', () => {
    expect(projectToCss(0, 0, 10, camera, rect)).toBeNull();
    expect(projectToCss(50, 0, 0, camera, rect)).toBeNull();
  });
});

describe('facesCamera', () => {
  it('sees front faces from the front and rear faces from behind', () => {
    expect(facesCamera(1, 0.45, 3)).toBe(true);
    expect(facesCamera(-1, -0.3, 3)).toBe(false);
    expect(facesCamera(-1, -0.3, -3)).toBe(true);
  });
});
