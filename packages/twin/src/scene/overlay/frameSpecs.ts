/**
 * The instances of the overlay's glow mesh, as pure data: per drawer face a frame of four bars
 * and a faint wash; per system and half a spine beside the chassis (production left, upgrade
 * right) rising to that half's label, a tick from the spine to each of its drawers, and a bus
 * along the top that joins both spines under the banner while they merge.
 *
 * Spines and ticks exist for both sides in both positions; `half` says which position an
 * instance draws in, so whichever side is production at the time goes on the left.
 */
import type { InstanceSpec } from '../batch.ts';
import { BEZEL_FRONT_Z_M, PANEL_WIDTH_M } from '../units.ts';
import { OVERLAY, type OverlayPlacements } from './placement.ts';
import type { Half } from './upgradeView.ts';

export const BAR_M = 0.0024;
const BAR_DEPTH_M = 0.0026;
/** How far in front of a face the bars and the wash float. */
const BAR_LIFT_M = 0.0016;
const WASH_LIFT_M = 0.0045;
/** Spines stand just outside the mounting ears. */
export const SPINE_X_M = PANEL_WIDTH_M / 2 + 0.004;

export enum FrameRole {
  /** Shown while the halves are drawn apart (Split, PrepareMerge, Merge). */
  Halves = 0,
  /** Shown only during Merge. */
  MergeBus = 1,
}

export interface FrameInstances {
  readonly specs: InstanceSpec[];
  /** CPU/I/O side whose half colours the instance. */
  readonly side: Int8Array;
  /** 0: any position; 1: drawn only when its side is production; 2: only when upgrade. */
  readonly position: Uint8Array;
  readonly role: Uint8Array;
  /** 1 for the faint wash over a face (drawn at a fraction of the half's colour). */
  readonly wash: Uint8Array;
}

const POSITION: Record<Half, number> = { production: 1, upgrade: 2 };

export function buildFrameInstances(p: OverlayPlacements): FrameInstances {
  const specs: InstanceSpec[] = [];
  const side: number[] = [];
  const position: number[] = [];
  const role: number[] = [];
  const wash: number[] = [];
  const push = (
    spec: InstanceSpec,
    s: number,
    pos: number,
    r: FrameRole = FrameRole.Halves,
    w = 0,
  ) => {
    specs.push(spec);
    side.push(s);
    position.push(pos);
    role.push(r);
    wash.push(w);
  };
  const z = BEZEL_FRONT_Z_M + BAR_LIFT_M;
  const bar = (system: number, x0: number, x1: number, y0: number, y1: number): InstanceSpec => ({
    owner: -1,
    system,
    x: (x0 + x1) / 2,
    y: (y0 + y1) / 2,
    z,
    sx: Math.abs(x1 - x0),
    sy: Math.abs(y1 - y0),
    sz: BAR_DEPTH_M,
    rear: false,
  });

  for (const f of p.frames) {
    const dir = f.rear ? -1 : 1;
    const fz = f.z + dir * BAR_LIFT_M;
    const at = (x: number, y: number, sx: number, sy: number, w = 0) =>
      push(
        {
          owner: f.owner,
          system: f.system,
          x,
          y,
          z: w ? f.z + dir * WASH_LIFT_M : fz,
          sx,
          sy,
          sz: w ? 0.0005 : BAR_DEPTH_M,
          rear: f.rear,
        },
        f.side,
        0,
        FrameRole.Halves,
        w,
      );
    at(f.x, f.y + f.h / 2 - BAR_M / 2, f.w, BAR_M);
    at(f.x, f.y - f.h / 2 + BAR_M / 2, f.w, BAR_M);
    at(f.x - f.w / 2 + BAR_M / 2, f.y, BAR_M, f.h - 2 * BAR_M);
    at(f.x + f.w / 2 - BAR_M / 2, f.y, BAR_M, f.h - 2 * BAR_M);
    at(f.x, f.y, f.w - 2 * BAR_M, f.h - 2 * BAR_M, 1);
  }

  p.systems.forEach((spot, s) => {
    const front = p.frames.filter((f) => f.system === s && !f.rear);
    const labelMid = spot.labelY + OVERLAY.labelH / 2;
    for (const sd of [0, 1]) {
      const mine = front.filter((f) => f.side === sd);
      if (mine.length === 0) continue;
      const lowest = Math.min(...mine.map((f) => f.y));
      for (const half of ['production', 'upgrade'] as const) {
        const sign = half === 'production' ? -1 : 1;
        const spineX = sign * SPINE_X_M;
        const pos = POSITION[half];
        push(bar(s, spineX - BAR_M / 2, spineX + BAR_M / 2, lowest - BAR_M / 2, labelMid), sd, pos);
        for (const f of mine) {
          const edge = sign * (f.w / 2);
          push(bar(s, spineX, edge, f.y - BAR_M / 2, f.y + BAR_M / 2), sd, pos);
        }
        push(
          bar(s, spineX, 0, labelMid - BAR_M / 2, labelMid + BAR_M / 2),
          sd,
          pos,
          FrameRole.MergeBus,
        );
      }
    }
  });
  return {
    specs,
    side: Int8Array.from(side),
    position: Uint8Array.from(position),
    role: Uint8Array.from(role),
    wash: Uint8Array.from(wash),
  };
}
