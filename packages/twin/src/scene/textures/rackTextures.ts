/**
 * Textures of the rack itself: the mounting rails with square holes and U numbers, the floor's
 * soft falloff, and the contact shadow under the rack.
 */
import { CanvasTexture, RepeatWrapping, type Texture } from 'three';
import { RACK_HEIGHT_U } from '../units.ts';
import { SANS, gradientRect, makeTexture } from './canvas.ts';

const PX_PER_U = 96;

/** Front face of a mounting rail: three square holes per U, U numbers on the outer strip. */
export function railTexture(): Texture {
  return makeTexture(128, PX_PER_U * RACK_HEIGHT_U, (ctx) => {
    const h = PX_PER_U * RACK_HEIGHT_U;
    gradientRect(ctx, 0, 0, 128, h, ['#80868f', '#80868f']);
    ctx.fillStyle = 'rgba(0,0,0,0.25)';
    ctx.fillRect(0, 0, 6, h);
    ctx.fillRect(122, 0, 6, h);
    ctx.font = `600 26px ${SANS}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let u = 0; u < RACK_HEIGHT_U; u++) {
      const top = h - (u + 1) * PX_PER_U;
      for (const k of [0.17, 0.5, 0.83]) {
        ctx.fillStyle = '#0b0c0d';
        ctx.fillRect(64, top + k * PX_PER_U - 10, 22, 20);
      }
      ctx.fillStyle = 'rgba(255,255,255,0.55)';
      ctx.fillRect(10, top, 108, 1.5);
      ctx.fillStyle = '#111315';
      ctx.fillText(String(u + 1), 34, top + PX_PER_U / 2);
    }
  });
}

function radial(stops: [number, string][]): CanvasTexture {
  const c = document.createElement('canvas');
  c.width = c.height = 256;
  const ctx = c.getContext('2d')!;
  const g = ctx.createRadialGradient(128, 128, 0, 128, 128, 128);
  for (const [at, color] of stops) g.addColorStop(at, color);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 256, 256);
  const t = new CanvasTexture(c);
  t.wrapS = t.wrapT = RepeatWrapping;
  return t;
}

/** Alpha falloff of the showroom floor towards the background. */
export function floorAlpha(): CanvasTexture {
  return radial([
    [0, '#ffffff'],
    [0.45, '#bfbfbf'],
    [1, '#000000'],
  ]);
}

/** Soft dark blob under the rack and the bench. */
export function contactShadow(): CanvasTexture {
  return radial([
    [0, 'rgba(0,0,0,0.85)'],
    [0.55, 'rgba(0,0,0,0.55)'],
    [1, 'rgba(0,0,0,0)'],
  ]);
}
