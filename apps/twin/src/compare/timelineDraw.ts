/**
 * Draws one twin's service timeline strip: a lane per service, serving in green, down in red
 * (the ftServer's modelled application recovery hatched), a tick where each fault was injected,
 * and the simulated "now". Pure drawing on a 2D context (the page calls it from its one
 * animation-frame loop, only when something moved); no allocation per call beyond the path.
 */
import type { DownInterval, ServiceTracker } from './serviceTracker.ts';

/** The part of CanvasRenderingContext2D used here (tests pass a recorder). */
export type StripContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'fillRect'
  | 'clearRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'stroke'
>;

export interface StripColors {
  background: string;
  up: string;
  down: string;
  modelled: string;
  future: string;
  mark: string;
  now: string;
}

export const STRIP_COLORS: StripColors = {
  background: '#0f1722',
  up: '#2fb171',
  down: '#e5484d',
  modelled: '#f2a33a',
  future: '#1b2633',
  mark: '#f5f7fa',
  now: '#8fb3ff',
};

export interface StripView {
  /** CSS pixels; the caller scales the context for the device pixel ratio. */
  width: number;
  height: number;
  /** The time axis: [0, spanMs] (the same for the three strips). */
  spanMs: number;
  nowMs: number;
  /** Simulated times at which a fault was injected into this twin. */
  marks: readonly number[];
}

/** x in CSS pixels of simulated time `t`. */
export function xOf(t: number, view: Pick<StripView, 'width' | 'spanMs'>): number {
  return view.spanMs > 0 ? (Math.min(Math.max(t, 0), view.spanMs) / view.spanMs) * view.width : 0;
}

function drawDown(
  ctx: StripContext,
  d: DownInterval,
  view: StripView,
  y: number,
  h: number,
  colors: StripColors,
): void {
  if (d.startMs > view.nowMs) return;
  const end = Math.min(d.endMs ?? view.nowMs, view.nowMs);
  const x0 = xOf(d.startMs, view);
  // Even a short outage stays visible on a year-long axis.
  const x1 = Math.max(xOf(end, view), x0 + 2);
  const split = d.modelledFromMs !== null ? Math.min(xOf(d.modelledFromMs, view), x1) : x1;
  ctx.fillStyle = colors.down;
  ctx.fillRect(x0, y, Math.max(split - x0, 2), h);
  if (split < x1) {
    ctx.fillStyle = colors.modelled;
    ctx.fillRect(split, y, x1 - split, h);
  }
}

/**
 * Draws the strip of `tracker` into `ctx`.
 *
 * @example
 * drawStrip(canvas.getContext('2d')!, tracker, { width: 400, height: 28, spanMs, nowMs, marks: [] });
 */
export function drawStrip(
  ctx: StripContext,
  tracker: ServiceTracker,
  view: StripView,
  colors: StripColors = STRIP_COLORS,
): void {
  const { width, height } = view;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = colors.future;
  ctx.fillRect(0, 0, width, height);
  const lanes = Math.max(1, tracker.serviceCount);
  const gap = lanes > 1 ? 2 : 0;
  const laneH = (height - gap * (lanes - 1)) / lanes;
  const nowX = xOf(view.nowMs, view);
  for (let i = 0; i < tracker.serviceCount; i++) {
    const y = i * (laneH + gap);
    ctx.fillStyle = colors.up;
    ctx.fillRect(0, y, nowX, laneH);
    for (const d of tracker.intervals[i]) drawDown(ctx, d, view, y, laneH, colors);
  }
  ctx.strokeStyle = colors.mark;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of view.marks) {
    if (t > view.nowMs) continue;
    const x = Math.round(xOf(t, view)) + 0.5;
    ctx.moveTo(x, 0);
    ctx.lineTo(x, height);
  }
  ctx.stroke();
  ctx.strokeStyle = colors.now;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(nowX, 0);
  ctx.lineTo(nowX, height);
  ctx.stroke();
}

/** A time axis span that grows in readable steps as the clocks move on. */
const SPANS_MS = [
  10 * 60_000,
  30 * 60_000,
  3_600_000,
  3 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
  86_400_000,
  7 * 86_400_000,
  30 * 86_400_000,
  91 * 86_400_000,
  182 * 86_400_000,
  365 * 86_400_000,
];

/**
 * The shared axis for the three strips: the smallest step that holds `nowMs` with some room.
 *
 * @example
 * axisSpanMs(45 * 60_000); // 3 600 000 (an hour)
 */
export function axisSpanMs(nowMs: number): number {
  for (const span of SPANS_MS) if (nowMs <= span * 0.95) return span;
  // A year run ends exactly at a year: its axis is that year.
  const year = SPANS_MS[SPANS_MS.length - 1];
  return Math.max(1, Math.ceil(nowMs / year)) * year;
}
