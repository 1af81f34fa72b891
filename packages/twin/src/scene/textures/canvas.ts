/**
 * Helpers for procedural textures drawn on a 2D canvas (no image files, no fonts fetched: only
 * the browser's generic font families).
 */
import { CanvasTexture, LinearMipmapLinearFilter, SRGBColorSpace } from 'three';

export const SANS = '"Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif';

/** Maps a face of `wM` × `hM` metres (centre origin, y up) onto a canvas of `wPx` × `hPx`. */
export class Face {
  readonly sx: number;
  readonly sy: number;
  constructor(
    readonly ctx: CanvasRenderingContext2D,
    readonly wM: number,
    readonly hM: number,
  ) {
    this.sx = ctx.canvas.width / wM;
    this.sy = ctx.canvas.height / hM;
  }
  /** Canvas x of face x (metres from the centre). */
  x(m: number): number {
    return (m + this.wM / 2) * this.sx;
  }
  /** Canvas y of face y (metres from the centre, up). */
  y(m: number): number {
    return (this.hM / 2 - m) * this.sy;
  }
  /** Canvas rect of a face rect given by its centre and size in metres. */
  rect(cx: number, cy: number, w: number, h: number): [number, number, number, number] {
    return [this.x(cx - w / 2), this.y(cy + h / 2), w * this.sx, h * this.sy];
  }
}

export function makeTexture(
  wPx: number,
  hPx: number,
  draw: (ctx: CanvasRenderingContext2D) => void,
): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = wPx;
  canvas.height = hPx;
  const ctx = canvas.getContext('2d')!;
  draw(ctx);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 1;
  texture.minFilter = LinearMipmapLinearFilter;
  return texture;
}

export function roundRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** Fills a rect with a vertical gradient through the given stops (top to bottom). */
export function gradientRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  stops: readonly string[],
): void {
  const g = ctx.createLinearGradient(0, y, 0, y + h);
  stops.forEach((c, i) => {
    g.addColorStop(i / Math.max(1, stops.length - 1), c);
  });
  ctx.fillStyle = g;
  ctx.fillRect(x, y, w, h);
}

/** Hexagonal perforation: round holes on a staggered grid inside a rect (canvas px). */
export function perforate(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  pitch: number,
  radius: number,
  hole = '#07080a',
): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  const rowH = pitch * 0.866;
  for (let row = 0, cy = y + radius + 1; cy < y + h; row++, cy += rowH) {
    const off = row % 2 ? pitch / 2 : 0;
    for (let cx = x + radius + 1 + off; cx < x + w; cx += pitch) {
      ctx.beginPath();
      ctx.arc(cx, cy, radius, 0, Math.PI * 2);
      ctx.fillStyle = hole;
      ctx.fill();
      ctx.beginPath();
      ctx.arc(cx, cy + radius * 0.35, radius * 0.7, 0, Math.PI);
      ctx.fillStyle = 'rgba(255,255,255,0.07)';
      ctx.fill();
    }
  }
  ctx.restore();
}

/** A recessed rect: dark inside with a light lower lip and a dark upper edge. */
export function recess(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  fill = '#0b0c0e',
  r = 2,
): void {
  roundRect(ctx, x, y, w, h, r);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = 'rgba(255,255,255,0.16)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(x + r, y + h + 0.5);
  ctx.lineTo(x + w - r, y + h + 0.5);
  ctx.stroke();
  ctx.strokeStyle = 'rgba(0,0,0,0.6)';
  ctx.beginPath();
  ctx.moveTo(x + r, y + 0.5);
  ctx.lineTo(x + w - r, y + 0.5);
  ctx.stroke();
}

/** Paints the bottom-left 4×4 px: the box faces other than the front sample this colour. */
export function sideSwatch(ctx: CanvasRenderingContext2D, color: string): void {
  ctx.fillStyle = color;
  ctx.fillRect(0, ctx.canvas.height - 4, 4, 4);
}

/** Brushed-metal streaks over a rect. */
export function brush(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  alpha = 0.05,
): void {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  ctx.save();
  for (let i = 0; i < h; i += 1) {
    ctx.fillStyle =
      rnd() > 0.5 ? `rgba(255,255,255,${alpha * rnd()})` : `rgba(0,0,0,${alpha * rnd()})`;
    ctx.fillRect(x, y + i, w, 1);
  }
  ctx.restore();
}
