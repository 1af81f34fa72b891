/**
 * The scene's placement model: where every part of the rack sits, computed once per rack from
 * the hardware catalog. Pure data (no three.js), so it can be unit-tested and shared by the
 * meshes, the frame loop, picking and screen projection.
 */
import type { ComponentKind, LedColor } from '@ft/hardware';

/** Instanced part types; each becomes one InstancedMesh for the whole rack. */
export type PartType =
  | 'chassis'
  | 'ear'
  | 'bayRecess'
  | 'bezelCpu1'
  | 'bezelCpu2'
  | 'bezelIo'
  | 'bezelXio'
  | 'bayBlank'
  | 'drawer'
  | 'handle'
  | 'disk'
  | 'diskBlank'
  | 'cdrom'
  | 'rearCpu'
  | 'rearCpu2'
  | 'rearIo'
  | 'rearXio'
  | 'psu'
  | 'psuBlank'
  | 'pci'
  | 'pciBlank'
  | 'nic'
  | 'rackBlank';

/**
 * One instance of a part. Geometries are unit-sized (1 m cube or a unit handle), so `size` is the
 * instance scale. `owner` is the component index the part moves and is picked with (-1: static).
 */
export interface PartInstance {
  readonly owner: number;
  readonly system: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly sx: number;
  readonly sy: number;
  readonly sz: number;
  /** Faces the rear (rotated half a turn about y), so a texture on +z shows from behind. */
  readonly rear: boolean;
}

export interface LedPlacement {
  readonly owner: number;
  /** Index of the LED in the component's `leds` list (bits 2i..2i+1 of its LED word). */
  readonly led: number;
  readonly color: LedColor;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly rear: boolean;
}

/** Styles of label the atlas can draw. */
export type LabelStyle = 'element' | 'plate' | 'brand' | 'legend' | 'tag' | 'rackPlate' | 'bay';

export interface LabelPlacement {
  readonly text: string;
  readonly style: LabelStyle;
  readonly owner: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** Height of the quad in metres; the width follows the atlas entry's aspect. */
  readonly height: number;
  readonly rear: boolean;
}

/** A progress bar: `x` is its centre at full width `width`. */
export interface ProgressPlacement {
  readonly owner: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly width: number;
  readonly height: number;
  readonly rear: boolean;
}

export interface SystemPlacement {
  readonly id: string;
  readonly index: number;
  readonly model: string;
  /** Chassis box centre and size (front bezels included). */
  readonly center: readonly [number, number, number];
  readonly size: readonly [number, number, number];
}

/** Per-component placement, structure-of-arrays, indexed like `rack.components`. */
export interface ComponentPlacements {
  readonly count: number;
  readonly kind: readonly ComponentKind[];
  readonly system: Int32Array;
  /** Index of the enclosing CRU, or -1. */
  readonly parent: Int32Array;
  /** Centre of the part's visible face region at home (world metres), xyz per component. */
  readonly center: Float32Array;
  /** Size of the highlight box around the part, xyz per component. */
  readonly size: Float32Array;
  /** A point on the part's face that picking hits (not covered by a child part), xyz. */
  readonly anchor: Float32Array;
  /** +1: the part faces the front of the rack; -1: the rear. */
  readonly facing: Int8Array;
  /** Distance the part slides out along its rails before it is clear of the chassis. */
  readonly slide: Float32Array;
  /** Whether a person can pull this part (it has rails or a bay). */
  readonly pullable: Uint8Array;
}

export interface SceneLayout {
  /** Rack units of the drawn cabinet (42, or the rack's own height when taller). */
  readonly rackU: number;
  readonly components: ComponentPlacements;
  readonly parts: Readonly<Record<PartType, readonly PartInstance[]>>;
  readonly leds: readonly LedPlacement[];
  readonly labels: readonly LabelPlacement[];
  readonly progress: readonly ProgressPlacement[];
  readonly systems: readonly SystemPlacement[];
  /** Bounding box of the populated units (or the whole rack when empty): min xyz, max xyz. */
  readonly populated: readonly [number, number, number, number, number, number];
}
