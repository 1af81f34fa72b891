/**
 * The canvas behind the overlay labels: four cells per system (production half, upgrade half,
 * single note or merge banner, ftGateway badge), redrawn only when a text changes. Generic font
 * families only: nothing is fetched.
 */
import { CanvasTexture, LinearMipmapLinearFilter, SRGBColorSpace } from 'three';
import { SANS, roundRect } from '../textures/canvas.ts';

const ATLAS_W = 2048;
const CELL_H = 128;
/** Rows per system. */
const ROWS = 2;
export const CELLS_PER_SYSTEM = 4;
/**
 * Cells of one system: the two half labels side by side, then the wide note / merge banner and
 * the badge. x and width in pixels, row within the system.
 */
const CELLS: readonly { x: number; w: number; row: number }[] = [
  { x: 0, w: 1024, row: 0 },
  { x: 1024, w: 1024, row: 0 },
  { x: 0, w: 1344, row: 1 },
  { x: 1344, w: 704, row: 1 },
];

export type CellStyle = 'production' | 'upgrade' | 'note' | 'merge' | 'gateway' | 'gatewayDown';

/** Half colours, shared with the frames. */
export const HALF_COLORS = { production: '#2fe0b8', upgrade: '#a77bff' } as const;

interface Look {
  fill: string;
  stroke: string | [string, string];
  text: string;
  dot: string | null;
}

const LOOKS: Record<CellStyle, Look> = {
  production: {
    fill: 'rgba(4,34,30,0.9)',
    stroke: HALF_COLORS.production,
    text: '#dcfff6',
    dot: HALF_COLORS.production,
  },
  upgrade: {
    fill: 'rgba(28,12,56,0.9)',
    stroke: HALF_COLORS.upgrade,
    text: '#f0e8ff',
    dot: HALF_COLORS.upgrade,
  },
  note: {
    fill: 'rgba(16,20,26,0.82)',
    stroke: 'rgba(176,190,208,0.7)',
    text: '#dfe6ee',
    dot: null,
  },
  merge: {
    fill: 'rgba(12,20,34,0.9)',
    stroke: [HALF_COLORS.production, HALF_COLORS.upgrade],
    text: '#ffffff',
    dot: null,
  },
  gateway: { fill: '#0d2a4a', stroke: '#58aaff', text: '#eaf4ff', dot: null },
  gatewayDown: { fill: '#26292e', stroke: '#6b727b', text: '#a0a7af', dot: null },
};

export class OverlayAtlas {
  readonly canvas: HTMLCanvasElement;
  readonly texture: CanvasTexture;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly drawn: string[];

  constructor(readonly systems: number) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = ATLAS_W;
    this.canvas.height = Math.max(1, systems) * ROWS * CELL_H;
    this.ctx = this.canvas.getContext('2d')!;
    this.drawn = new Array(systems * CELLS_PER_SYSTEM).fill('');
    this.texture = new CanvasTexture(this.canvas);
    this.texture.colorSpace = SRGBColorSpace;
    this.texture.minFilter = LinearMipmapLinearFilter;
  }

  /** UV rect (u0, v0, du, dv) of the left `aspect` part of a cell, written into `out` at `o`. */
  uv(cell: number, aspect: number, out: Float32Array, o: number): void {
    const [x, y] = this.origin(cell);
    out[o] = x / this.canvas.width;
    out[o + 1] = 1 - (y + CELL_H) / this.canvas.height;
    out[o + 2] = (aspect * CELL_H) / this.canvas.width;
    out[o + 3] = CELL_H / this.canvas.height;
  }

  /**
   * Draws `text` in `style` into `cell` unless it is already there; returns the drawn width /
   * height, and whether anything changed (the texture then needs an upload).
   */
  draw(cell: number, text: string, style: CellStyle): { aspect: number; changed: boolean } {
    const ctx = this.ctx;
    const key = `${style}\u0000${text}`;
    const font = `700 ${Math.round(CELL_H * 0.44)}px ${SANS}`;
    ctx.font = font;
    const icon = style === 'gateway' || style === 'gatewayDown';
    const dot = LOOKS[style].dot !== null;
    const lead = icon ? CELL_H * 0.78 : dot ? CELL_H * 0.62 : CELL_H * 0.36;
    const cellW = CELLS[cell % CELLS_PER_SYSTEM].w;
    const w = Math.min(cellW, Math.ceil(lead + ctx.measureText(text).width + CELL_H * 0.36));
    const aspect = w / CELL_H;
    if (this.drawn[cell] === key) return { aspect, changed: false };
    this.drawn[cell] = key;
    const [x0, y0] = this.origin(cell);
    ctx.clearRect(x0, y0, cellW, CELL_H);
    if (!text) return { aspect, changed: true };
    const look = LOOKS[style];
    const pad = 6;
    const r = (CELL_H - 2 * pad) / 2;
    roundRect(ctx, x0 + pad, y0 + pad, w - 2 * pad, CELL_H - 2 * pad, r);
    ctx.fillStyle = look.fill;
    ctx.fill();
    ctx.lineWidth = 7;
    if (Array.isArray(look.stroke)) {
      const g = ctx.createLinearGradient(x0, 0, x0 + w, 0);
      g.addColorStop(0, look.stroke[0]);
      g.addColorStop(1, look.stroke[1]);
      ctx.strokeStyle = g;
    } else ctx.strokeStyle = look.stroke;
    ctx.stroke();
    const cy = y0 + CELL_H / 2;
    if (look.dot) {
      ctx.beginPath();
      ctx.arc(x0 + CELL_H * 0.36, cy, CELL_H * 0.11, 0, Math.PI * 2);
      ctx.fillStyle = look.dot;
      ctx.fill();
    }
    if (icon) uplinkIcon(ctx, x0 + CELL_H * 0.42, cy, CELL_H * 0.26, style === 'gateway');
    ctx.font = font;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = look.text;
    ctx.fillText(text, x0 + lead, cy + 3, cellW - lead - CELL_H * 0.3);
    return { aspect, changed: true };
  }

  /** Top-left pixel of a cell. */
  private origin(cell: number): [number, number] {
    const c = CELLS[cell % CELLS_PER_SYSTEM];
    return [c.x, (Math.floor(cell / CELLS_PER_SYSTEM) * ROWS + c.row) * CELL_H];
  }

  dispose(): void {
    this.texture.dispose();
  }
}

/** A mast with radio arcs (the call-home link); crossed out in red when the link is down. */
function uplinkIcon(
  ctx: CanvasRenderingContext2D,
  cx: number,
  cy: number,
  r: number,
  up: boolean,
): void {
  ctx.save();
  ctx.lineCap = 'round';
  ctx.strokeStyle = up ? '#7cc4ff' : '#6a7079';
  ctx.fillStyle = ctx.strokeStyle;
  ctx.lineWidth = r * 0.2;
  ctx.beginPath();
  ctx.moveTo(cx, cy - r * 0.1);
  ctx.lineTo(cx, cy + r);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(cx, cy - r * 0.25, r * 0.16, 0, Math.PI * 2);
  ctx.fill();
  for (const k of [0.55, 0.95]) {
    for (const sgn of [-1, 1]) {
      ctx.beginPath();
      const a0 = sgn < 0 ? Math.PI * 0.78 : -Math.PI * 0.22;
      ctx.arc(cx, cy - r * 0.25, r * k, a0, a0 + Math.PI * 0.44);
      ctx.stroke();
    }
  }
  if (!up) {
    ctx.strokeStyle = '#ff4b4b';
    ctx.lineWidth = r * 0.26;
    ctx.beginPath();
    ctx.moveTo(cx - r * 0.8, cy - r * 0.8);
    ctx.lineTo(cx + r * 0.8, cy + r * 0.8);
    ctx.moveTo(cx + r * 0.8, cy - r * 0.8);
    ctx.lineTo(cx - r * 0.8, cy + r * 0.8);
    ctx.stroke();
  }
  ctx.restore();
}
