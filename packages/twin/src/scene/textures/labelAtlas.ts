/**
 * One texture holding every label of the rack (element numbers, model plates, LED legends, system
 * tags), packed in shelves, so all labels draw as one instanced mesh of quads. Text uses only the
 * browser's generic font families: nothing is fetched.
 */
import { CanvasTexture, LinearMipmapLinearFilter, SRGBColorSpace } from 'three';
import type { LabelStyle } from '../layout/types.ts';
import { SANS, brush, roundRect } from './canvas.ts';

export interface AtlasEntry {
  /** UV rect: u0, v0 (bottom-left), du, dv. */
  readonly uv: readonly [number, number, number, number];
  /** Width / height of the drawn label. */
  readonly aspect: number;
}

export interface LabelAtlas {
  readonly texture: CanvasTexture;
  get(text: string, style: LabelStyle): AtlasEntry;
}

const ATLAS_W = 2048;
/** Pixel height of each style's cell (the label's world height maps to it). */
const CELL_H: Record<LabelStyle, number> = {
  element: 96,
  plate: 96,
  brand: 80,
  legend: 48,
  tag: 80,
  rackPlate: 96,
  bay: 48,
};

const key = (text: string, style: LabelStyle): string => `${style}\u0000${text}`;

function measure(ctx: CanvasRenderingContext2D, text: string, style: LabelStyle): number {
  const h = CELL_H[style];
  ctx.font = font(style, h);
  const w = ctx.measureText(text).width;
  if (style === 'element') return Math.max(h, w + h * 0.5);
  if (style === 'plate' || style === 'rackPlate') return w + h * 0.9;
  if (style === 'tag') return Math.max(h * 0.8, w + h * 0.5);
  return w + 4;
}

function font(style: LabelStyle, h: number): string {
  switch (style) {
    case 'element':
      return `700 ${Math.round(h * 0.66)}px ${SANS}`;
    case 'plate':
    case 'rackPlate':
      return `700 ${Math.round(h * 0.5)}px ${SANS}`;
    case 'tag':
      return `700 ${Math.round(h * 0.62)}px ${SANS}`;
    case 'brand':
      return `italic 800 ${Math.round(h * 0.7)}px ${SANS}`;
    default:
      return `600 ${Math.round(h * 0.78)}px ${SANS}`;
  }
}

function draw(
  ctx: CanvasRenderingContext2D,
  text: string,
  style: LabelStyle,
  x: number,
  y: number,
  w: number,
): void {
  const h = CELL_H[style];
  ctx.font = font(style, h);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const cx = x + w / 2;
  const cy = y + h / 2;
  if (style === 'element') {
    roundRect(ctx, x + 3, y + 3, w - 6, h - 6, 12);
    ctx.fillStyle = '#101215';
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#8a939e';
    ctx.stroke();
    ctx.fillStyle = '#f2f5f8';
    ctx.fillText(text, cx, cy + 2);
  } else if (style === 'plate' || style === 'rackPlate') {
    const g = ctx.createLinearGradient(0, y, 0, y + h);
    g.addColorStop(0, '#eef1f4');
    g.addColorStop(0.5, '#b9c0c8');
    g.addColorStop(1, '#8c949d');
    roundRect(ctx, x + 2, y + 2, w - 4, h - 4, 10);
    ctx.fillStyle = g;
    ctx.fill();
    brush(ctx, x + 4, y + 4, w - 8, h - 8, 0.12);
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#5b636c';
    ctx.stroke();
    ctx.fillStyle = '#14181d';
    ctx.fillText(text, cx, cy + 2);
  } else if (style === 'brand') {
    ctx.fillStyle = 'rgba(0,0,0,0.55)';
    ctx.fillText(text, cx + 2, cy + 4);
    ctx.fillStyle = '#eef3f8';
    ctx.fillText(text, cx, cy + 2);
  } else if (style === 'tag') {
    roundRect(ctx, x + 2, y + 2, w - 4, h - 4, 10);
    ctx.fillStyle = '#1f5fae';
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.fillText(text, cx, cy + 2);
  } else {
    ctx.fillStyle = 'rgba(214,220,228,0.92)';
    ctx.fillText(text, cx, cy + 1);
  }
}

/** Packs and draws every distinct (text, style) pair; call once per rack. */
export function buildLabelAtlas(
  labels: readonly { text: string; style: LabelStyle }[],
): LabelAtlas {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const unique = new Map<string, { text: string; style: LabelStyle; w: number }>();
  for (const l of labels) {
    const k = key(l.text, l.style);
    if (!unique.has(k))
      unique.set(k, { text: l.text, style: l.style, w: Math.ceil(measure(ctx, l.text, l.style)) });
  }
  const items = [...unique.entries()].sort((a, b) => CELL_H[b[1].style] - CELL_H[a[1].style]);
  const pos = new Map<string, [number, number]>();
  let x = 0;
  let y = 0;
  let rowH = 0;
  for (const [k, it] of items) {
    const h = CELL_H[it.style];
    if (x + it.w + 4 > ATLAS_W) {
      x = 0;
      y += rowH + 4;
      rowH = 0;
    }
    pos.set(k, [x, y]);
    x += it.w + 4;
    rowH = Math.max(rowH, h);
  }
  let height = 64;
  while (height < y + rowH + 4) height *= 2;
  canvas.width = ATLAS_W;
  canvas.height = height;
  for (const [k, it] of items) {
    const [px, py] = pos.get(k)!;
    draw(ctx, it.text, it.style, px, py, it.w);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 1;
  texture.minFilter = LinearMipmapLinearFilter;
  const entries = new Map<string, AtlasEntry>();
  for (const [k, it] of items) {
    const [px, py] = pos.get(k)!;
    const h = CELL_H[it.style];
    entries.set(k, {
      uv: [px / ATLAS_W, 1 - (py + h) / height, it.w / ATLAS_W, h / height],
      aspect: it.w / h,
    });
  }
  const fallback: AtlasEntry = { uv: [0, 0, 0, 0], aspect: 1 };
  return { texture, get: (text, style) => entries.get(key(text, style)) ?? fallback };
}
