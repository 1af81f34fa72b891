/**
 * Where the Active Upgrade and call-home overlays go, computed once per rack: a frame around
 * each drawer's bezel and rear panel (the drawer's side says which half it joins), the floating
 * labels' spots above each chassis, and the ftGateway badge beside the model plate. Pure data.
 */
import type { ComponentKind, RackModel } from '@ft/hardware';
import { bezelHeight } from '../layout/front.ts';
import { REAR } from '../layout/rear.ts';
import {
  BEZEL_FRONT_Z_M,
  BEZEL_WIDTH_M,
  CHASSIS_REAR_Z_M,
  RACK_UNIT_M,
  uBottomY,
  uHeight,
} from '../units.ts';

/** A rectangle on a drawer's face, framed in its half's colour while split. */
export interface FramePlacement {
  readonly system: number;
  /** The drawer (component index) it rides with when pulled. */
  readonly owner: number;
  readonly kind: ComponentKind;
  readonly side: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly w: number;
  readonly h: number;
  readonly rear: boolean;
}

export interface SystemOverlaySpots {
  readonly id: string;
  /** Bottom edge y of the floating labels (just above the chassis), and their plane z. */
  readonly labelY: number;
  readonly labelZ: number;
  /** Rear-facing copies of the labels, seen from behind the rack. */
  readonly rearLabelZ: number;
  /** The badge beside the model plate: its top drawer (or -1), centre and plane. */
  readonly badgeOwner: number;
  readonly badgeX: number;
  readonly badgeY: number;
  readonly badgeZ: number;
}

export interface OverlayPlacements {
  readonly frames: readonly FramePlacement[];
  readonly systems: readonly SystemOverlaySpots[];
}

/** Floating label height, and the x of each half's label centre (production left). */
export const OVERLAY = {
  labelH: 0.021,
  /** The single note / merge banner over the whole chassis: a little quieter. */
  noteH: 0.018,
  labelGapM: 0.004,
  halfLabelX: 0.108,
  badgeH: 0.0122,
  /** Badge centre x: between the model plate and the brand. */
  badgeX: 0.012,
  /** Frames sit this far inside a bezel's edges, so neighbouring frames keep a dark gap. */
  frameInsetM: 0.0012,
} as const;

export function buildOverlayPlacements(rack: RackModel): OverlayPlacements {
  const index = new Map(rack.components.map((c, i) => [c.id, i]));
  const frames: FramePlacement[] = [];
  const systems: SystemOverlaySpots[] = [];
  rack.systems.forEach((sys, s) => {
    const bottom = uBottomY(sys.config.positionU);
    const top = bottom + uHeight(sys.spec.heightU.value);
    let badgeOwner = -1;
    let badgeY = top - RACK_UNIT_M / 2;
    let topOffset = -1;
    for (const slot of sys.spec.layout) {
      const comp = sys.components.find((c) => c.localId === `${slot.kind}-${slot.element}`);
      if (!comp) continue;
      const owner = index.get(comp.id) ?? -1;
      const y = bottom + uHeight(slot.offsetU) + uHeight(slot.heightU) / 2;
      const h = bezelHeight(slot.heightU) - 2 * OVERLAY.frameInsetM;
      const base = { system: s, owner, kind: comp.kind, side: comp.side, y, h };
      frames.push({
        ...base,
        x: 0,
        z: BEZEL_FRONT_Z_M,
        w: BEZEL_WIDTH_M - 2 * OVERLAY.frameInsetM,
        rear: false,
      });
      frames.push({
        ...base,
        x: REAR.panelLeftX - REAR.panelW / 2,
        z: CHASSIS_REAR_Z_M - 0.001,
        w: REAR.panelW - 2 * OVERLAY.frameInsetM,
        rear: true,
      });
      if (slot.offsetU > topOffset) {
        topOffset = slot.offsetU;
        badgeOwner = owner;
        // Beside the model plate, which sits on the top unit of the top drawer.
        badgeY = bottom + uHeight(slot.offsetU + slot.heightU) - RACK_UNIT_M / 2;
      }
    }
    systems.push({
      id: sys.config.id,
      labelY: top + OVERLAY.labelGapM,
      labelZ: BEZEL_FRONT_Z_M + 0.012,
      rearLabelZ: CHASSIS_REAR_Z_M - 0.012,
      badgeOwner,
      badgeX: OVERLAY.badgeX,
      badgeY,
      badgeZ: BEZEL_FRONT_Z_M + 0.0009,
    });
  });
  return { frames, systems };
}
