/**
 * Draws the lockstep lanes of one system on a 2D canvas: one row per CPU element, one cell per
 * recent voter compare (newest on the right), coloured by the compare's LaneFlag. Columns where
 * the elements diverged get an amber band; an outvoted element's cell is red; a compare whose
 * output was held back (three-way disagreement) is crossed out. Called from an animation-frame
 * loop only when something changed; allocates nothing. Returns the number (1-based) of the
 * newest compare drawn with a divergence, or 0, so the caller can hold that picture.
 */
import { LANE_DEPTH, LaneFlag, MAX_LANE_ELEMENTS, type SnapshotViews } from '@ft/engine/snapshot';

export const LANE_COLORS = {
  background: '#0d131a',
  grid: '#1c2734',
  label: '#c9d4e2',
  muted: '#7f8fa4',
  agree: '#1f6b45',
  agreeText: '#bff2d3',
  outvoted: '#ff5f5f',
  outvotedText: '#2a0b0b',
  suppressed: '#4a5566',
  cross: '#ffb3b3',
  divergence: 'rgb(240 180 41 / 38%)',
  divergenceEdge: '#f0b429',
  empty: '#141c26',
} as const;

export interface LaneElement {
  /** CPU element number (0, 1, 2), its lane in the snapshot. */
  element: number;
  label: string;
  /** Index of the element's component in the snapshot arrays, or -1. */
  componentIndex: number;
}

export const LABEL_WIDTH_PX = 104;
/** Narrowest readable cell; a narrow canvas shows fewer (the newest) compares. */
const MIN_CELL_PX = 12;
const HEADER_PX = 18;
const PAD_PX = 6;

/** Ring slot of the k-th newest compare (k = 0 is the newest). */
export function laneSlot(head: number, k: number): number {
  return (((head - 1 - k) % LANE_DEPTH) + LANE_DEPTH) % LANE_DEPTH;
}

/** Offset of (system, element, slot) in laneValue / laneFlag. */
export function laneOffset(system: number, element: number, slot: number): number {
  return (system * MAX_LANE_ELEMENTS + element) * LANE_DEPTH + slot;
}

export function drawLanes(
  ctx: CanvasRenderingContext2D,
  views: SnapshotViews,
  system: number,
  elements: readonly LaneElement[],
  stateName: (state: number) => string,
  width: number,
  height: number,
): number {
  ctx.fillStyle = LANE_COLORS.background;
  ctx.fillRect(0, 0, width, height);
  if (elements.length === 0) return 0;
  let newestDivergence = 0;
  const head = views.laneHead[system];
  const gridW = Math.max(0, width - LABEL_WIDTH_PX - PAD_PX);
  const columns = Math.max(1, Math.min(LANE_DEPTH, Math.floor(gridW / MIN_CELL_PX)));
  const cellW = gridW / columns;
  const count = Math.min(head, columns);
  const laneH = Math.min(44, (height - HEADER_PX - PAD_PX) / elements.length);
  const top = HEADER_PX;

  ctx.font = '11px ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = LANE_COLORS.muted;
  ctx.textAlign = 'left';
  ctx.fillText(`compares ${head}`, PAD_PX, HEADER_PX / 2);
  ctx.textAlign = 'right';
  ctx.fillText('newest →', width - PAD_PX, HEADER_PX / 2);

  // Divergence bands behind the cells.
  for (let k = 0; k < count; k++) {
    const slot = laneSlot(head, k);
    let diverged = false;
    for (let e = 0; e < elements.length; e++) {
      const flag = views.laneFlag[laneOffset(system, elements[e].element, slot)];
      if (flag === LaneFlag.Outvoted || flag === LaneFlag.Suppressed) diverged = true;
    }
    if (!diverged) continue;
    newestDivergence = Math.max(newestDivergence, head - k);
    const x = LABEL_WIDTH_PX + (columns - 1 - k) * cellW;
    ctx.fillStyle = LANE_COLORS.divergence;
    ctx.fillRect(x, top - 2, cellW, laneH * elements.length + 4);
    ctx.fillStyle = LANE_COLORS.divergenceEdge;
    ctx.fillRect(x, top - 2, cellW, 2);
  }

  const showValues = cellW >= 30;
  for (let e = 0; e < elements.length; e++) {
    const lane = elements[e];
    const y = top + e * laneH;
    ctx.textAlign = 'left';
    ctx.fillStyle = LANE_COLORS.label;
    ctx.font = '600 12px system-ui, "DejaVu Sans", sans-serif';
    ctx.fillText(lane.label, PAD_PX, y + laneH * 0.34);
    ctx.font = '11px system-ui, "DejaVu Sans", sans-serif';
    ctx.fillStyle = LANE_COLORS.muted;
    const state = lane.componentIndex >= 0 ? views.state[lane.componentIndex] : 0;
    ctx.fillText(stateName(state), PAD_PX, y + laneH * 0.72);
    ctx.font = '10px ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace';
    ctx.textAlign = 'center';
    for (let k = 0; k < columns; k++) {
      const x = LABEL_WIDTH_PX + (columns - 1 - k) * cellW + 1;
      const w = cellW - 2;
      const h = laneH - 6;
      const cy = y + 3;
      if (k >= count) {
        ctx.fillStyle = LANE_COLORS.empty;
        ctx.fillRect(x, cy, w, h);
        continue;
      }
      const at = laneOffset(system, lane.element, laneSlot(head, k));
      const flag = views.laneFlag[at];
      drawCell(ctx, flag, views.laneValue[at], x, cy, w, h, showValues);
    }
  }
  return newestDivergence;
}

/** Marks the picture as held on a divergence (drawn over the header line). */
export function drawHoldNote(ctx: CanvasRenderingContext2D, compare: number, width: number): void {
  ctx.fillStyle = LANE_COLORS.background;
  ctx.fillRect(0, 0, width, HEADER_PX - 3);
  ctx.font = '600 11px system-ui, "DejaVu Sans", sans-serif';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillStyle = LANE_COLORS.divergenceEdge;
  ctx.fillText(`▲ divergence at compare ${compare} (held a moment)`, PAD_PX, HEADER_PX / 2);
}

function drawCell(
  ctx: CanvasRenderingContext2D,
  flag: number,
  value: number,
  x: number,
  y: number,
  w: number,
  h: number,
  showValues: boolean,
): void {
  if (flag === LaneFlag.None) {
    ctx.fillStyle = LANE_COLORS.empty;
    ctx.fillRect(x, y, w, h);
    return;
  }
  const outvoted = flag === LaneFlag.Outvoted;
  const suppressed = flag === LaneFlag.Suppressed;
  ctx.fillStyle = outvoted
    ? LANE_COLORS.outvoted
    : suppressed
      ? LANE_COLORS.suppressed
      : LANE_COLORS.agree;
  ctx.fillRect(x, y, w, h);
  if (showValues) {
    ctx.fillStyle = outvoted ? LANE_COLORS.outvotedText : LANE_COLORS.agreeText;
    ctx.fillText(hex4(value), x + w / 2, y + h / 2);
  }
  if (suppressed) {
    ctx.strokeStyle = LANE_COLORS.cross;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(x + 2, y + 2);
    ctx.lineTo(x + w - 2, y + h - 2);
    ctx.moveTo(x + w - 2, y + 2);
    ctx.lineTo(x + 2, y + h - 2);
    ctx.stroke();
  }
}

const HEX = '0123456789abcdef';
/** Low 16 bits as 4 hex digits (string concatenation of constants: no array allocation). */
function hex4(value: number): string {
  return (
    HEX[(value >>> 12) & 15] + HEX[(value >>> 8) & 15] + HEX[(value >>> 4) & 15] + HEX[value & 15]
  );
}
