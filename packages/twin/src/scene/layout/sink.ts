/**
 * Accumulates a {@link SceneLayout} while the builders walk the rack. Keeps the builders free of
 * bookkeeping: they describe parts in world coordinates, the sink stores them.
 */
import type { ComponentKind } from '@ft/hardware';
import type {
  LabelPlacement,
  LabelStyle,
  LedPlacement,
  PartInstance,
  PartType,
  ProgressPlacement,
} from './types.ts';

export const PART_TYPES: readonly PartType[] = [
  'chassis',
  'ear',
  'bayRecess',
  'bezelCpu1',
  'bezelCpu2',
  'bezelIo',
  'bezelXio',
  'bayBlank',
  'drawer',
  'handle',
  'disk',
  'diskBlank',
  'cdrom',
  'rearCpu',
  'rearCpu2',
  'rearIo',
  'rearXio',
  'psu',
  'psuBlank',
  'pci',
  'pciBlank',
  'nic',
  'rackBlank',
];

export interface Box {
  x: number;
  y: number;
  z: number;
  sx: number;
  sy: number;
  sz: number;
}

export class LayoutSink {
  readonly parts = Object.fromEntries(PART_TYPES.map((t) => [t, [] as PartInstance[]])) as Record<
    PartType,
    PartInstance[]
  >;
  readonly leds: LedPlacement[] = [];
  readonly labels: LabelPlacement[] = [];
  readonly progress: ProgressPlacement[] = [];
  readonly kind: ComponentKind[];
  readonly system: Int32Array;
  readonly parent: Int32Array;
  readonly center: Float32Array;
  readonly size: Float32Array;
  readonly anchor: Float32Array;
  readonly facing: Int8Array;
  readonly slide: Float32Array;
  readonly pullable: Uint8Array;

  constructor(readonly count: number) {
    this.kind = new Array<ComponentKind>(count).fill('cpu');
    this.system = new Int32Array(count);
    this.parent = new Int32Array(count).fill(-1);
    this.center = new Float32Array(count * 3);
    this.size = new Float32Array(count * 3);
    this.anchor = new Float32Array(count * 3);
    this.facing = new Int8Array(count).fill(1);
    this.slide = new Float32Array(count);
    this.pullable = new Uint8Array(count);
  }

  part(type: PartType, owner: number, system: number, box: Box, rear = false): void {
    this.parts[type].push({ owner, system, ...box, rear });
  }

  label(
    text: string,
    style: LabelStyle,
    owner: number,
    x: number,
    y: number,
    z: number,
    height: number,
    rear = false,
  ): void {
    this.labels.push({ text, style, owner, x, y, z, height, rear });
  }

  /** Records where component `i` is: its highlight box, pick anchor and facing. */
  place(i: number, box: Box, anchor: readonly [number, number, number], facing: 1 | -1): void {
    this.center.set([box.x, box.y, box.z], i * 3);
    this.size.set([box.sx, box.sy, box.sz], i * 3);
    this.anchor.set(anchor, i * 3);
    this.facing[i] = facing;
  }
}
