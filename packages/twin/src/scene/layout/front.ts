/**
 * Front of a chassis: body, ears, one drawer per assembly (bezel, handles, element number, LEDs,
 * progress bar), the core I/O disk bays and CD-ROM, and the model plate.
 */
import type { AssemblySlot, ComponentSpec, SystemModel } from '@ft/hardware';
import {
  BEZEL_DEPTH_M,
  BEZEL_FRONT_Z_M,
  BEZEL_GAP_M,
  BEZEL_WIDTH_M,
  CHASSIS_DEPTH_M,
  CHASSIS_REAR_Z_M,
  CHASSIS_WIDTH_M,
  FRONT_RAIL_Z_M,
  PANEL_WIDTH_M,
  RACK_UNIT_M,
  uBottomY,
  uHeight,
} from '../units.ts';
import type { LayoutSink } from './sink.ts';
import type { PartType } from './types.ts';

/** Horizontal positions on a bezel (x from the bezel centre, metres). */
export const FRONT = {
  handleX: 0.2065,
  handleInsetY: 0.008,
  elementLabelX: -0.1845,
  elementLabelH: 0.0135,
  ledPitch: 0.0115,
  /** First LED of the cluster on CPU and expansion I/O bezels. */
  ledX: 0.1395,
  /** First LED on core I/O bezels (below the CD-ROM). */
  ioLedX: 0.0735,
  ioLedY: -0.0045,
  diskX0: -0.129,
  diskPitch: 0.0775,
  diskW: 0.0745,
  diskH: 0.0355,
  diskDepth: 0.16,
  diskLedX: -0.0275,
  diskLedPitch: 0.0095,
  cdX: 0.118,
  cdY: 0.0095,
  cdW: 0.1,
  cdH: 0.0125,
  plateX: -0.07,
  plateH: 0.0155,
  brandX: 0.078,
  brandH: 0.0105,
} as const;

/** Height of the face of a drawer `heightU` tall (the gap keeps neighbours apart). */
export const bezelHeight = (heightU: number): number => uHeight(heightU) - BEZEL_GAP_M;

/** Centre y of the top rack unit of a slot: LEDs and labels of 2U bezels sit there. */
const topUnitY = (bottomY: number, heightU: number): number =>
  bottomY + uHeight(heightU) - RACK_UNIT_M / 2;

const LEGEND: Record<string, string> = {
  power: 'PWR',
  fault: 'FLT',
  safeToPull: 'OK\u2193',
  activity: 'ACT',
  primary: 'PRI',
};

/** Global index (in `rack.components`) of a component. */
export type IndexOf = (comp: ComponentSpec) => number;

function bezelType(slot: AssemblySlot): PartType {
  if (slot.kind === 'io') return 'bezelIo';
  if (slot.kind === 'xio') return 'bezelXio';
  return slot.heightU >= 2 ? 'bezelCpu2' : 'bezelCpu1';
}

/** A row of LEDs with legends under them; returns the x after the last LED. */
function ledRow(
  sink: LayoutSink,
  comp: ComponentSpec,
  owner: number,
  x0: number,
  y: number,
  z: number,
  pitch: number,
  legends: boolean,
): number {
  comp.leds.forEach((led, i) => {
    const x = x0 + i * pitch;
    sink.leds.push({ owner, led: i, color: led.color.value, x, y, z, rear: false });
    if (legends) sink.label(LEGEND[led.role] ?? '', 'legend', owner, x, y - 0.0075, z, 0.0042);
  });
  return x0 + comp.leds.length * pitch;
}

export function buildFront(
  sink: LayoutSink,
  sys: SystemModel,
  sysIndex: number,
  indexOf: IndexOf,
): void {
  const bottom = uBottomY(sys.config.positionU);
  const height = uHeight(sys.spec.heightU.value);
  const cy = bottom + height / 2;
  sink.part('chassis', -1, sysIndex, {
    x: 0,
    y: cy,
    z: FRONT_RAIL_Z_M - CHASSIS_DEPTH_M / 2,
    sx: CHASSIS_WIDTH_M,
    sy: height - 0.0008,
    sz: CHASSIS_DEPTH_M,
  });
  const earW = (PANEL_WIDTH_M - CHASSIS_WIDTH_M) / 2;
  for (const side of [-1, 1]) {
    sink.part('ear', -1, sysIndex, {
      x: side * (CHASSIS_WIDTH_M / 2 + earW / 2),
      y: cy,
      z: FRONT_RAIL_Z_M + 0.002,
      sx: earW,
      sy: height - 0.0008,
      sz: 0.004,
    });
  }
  const earX = -(CHASSIS_WIDTH_M / 2 + earW / 2);
  sink.label(
    sys.config.id,
    'tag',
    -1,
    earX,
    bottom + height - 0.014,
    FRONT_RAIL_Z_M + 0.0042,
    0.012,
  );

  const present = sys.spec.layout.filter((s) =>
    sys.components.some((c) => c.localId === `${s.kind}-${s.element}`),
  );
  // The model plate goes on the top assembly that is fitted (a DMR 6600 leaves its TMR bay blank).
  const top = present.reduce((a, s) => (s.offsetU > a.offsetU ? s : a), present[0]);
  for (const slot of sys.spec.layout) {
    const localId = `${slot.kind}-${slot.element}`;
    const slotBottom = bottom + uHeight(slot.offsetU);
    const y = slotBottom + uHeight(slot.heightU) / 2;
    const h = bezelHeight(slot.heightU);
    sink.part('bayRecess', -1, sysIndex, {
      x: 0,
      y,
      z: FRONT_RAIL_Z_M + 0.001,
      sx: BEZEL_WIDTH_M,
      sy: h,
      sz: 0.002,
    });
    const comp = sys.components.find((c) => c.localId === localId);
    if (!comp) {
      sink.part('bayBlank', -1, sysIndex, {
        x: 0,
        y,
        z: FRONT_RAIL_Z_M + 0.004,
        sx: BEZEL_WIDTH_M,
        sy: h,
        sz: 0.006,
      });
      continue;
    }
    const owner = indexOf(comp);
    buildDrawer(sink, sys, sysIndex, slot, comp, owner, y, slotBottom, h, indexOf);
    if (slot === top) {
      sink.label(
        sys.spec.name,
        'plate',
        owner,
        FRONT.plateX,
        topUnitY(slotBottom, slot.heightU),
        BEZEL_FRONT_Z_M + 0.0006,
        FRONT.plateH,
      );
      sink.label(
        'STRATUS',
        'brand',
        owner,
        FRONT.brandX,
        topUnitY(slotBottom, slot.heightU),
        BEZEL_FRONT_Z_M + 0.0006,
        FRONT.brandH,
      );
    }
  }
}

function buildDrawer(
  sink: LayoutSink,
  sys: SystemModel,
  sysIndex: number,
  slot: AssemblySlot,
  comp: ComponentSpec,
  owner: number,
  y: number,
  slotBottom: number,
  h: number,
  indexOf: IndexOf,
): void {
  const zFace = BEZEL_FRONT_Z_M;
  const zBezel = zFace - BEZEL_DEPTH_M / 2;
  sink.part(bezelType(slot), owner, sysIndex, {
    x: 0,
    y,
    z: zBezel,
    sx: BEZEL_WIDTH_M,
    sy: h,
    sz: BEZEL_DEPTH_M,
  });
  const bodyFrontZ = zFace - BEZEL_DEPTH_M;
  const bodyDepth = bodyFrontZ - CHASSIS_REAR_Z_M;
  sink.part('drawer', owner, sysIndex, {
    x: 0.052,
    y,
    z: bodyFrontZ - bodyDepth / 2,
    sx: 0.328,
    sy: h - 0.004,
    sz: bodyDepth,
  });
  for (const side of [-1, 1]) {
    sink.part('handle', owner, sysIndex, {
      x: side * FRONT.handleX,
      y,
      z: zFace,
      sx: 1,
      sy: h - FRONT.handleInsetY,
      sz: 1,
    });
  }
  const yTop = topUnitY(slotBottom, slot.heightU);
  const zLabel = zFace + 0.0006;
  sink.label(
    String(slot.element),
    'element',
    owner,
    FRONT.elementLabelX,
    yTop,
    zLabel,
    FRONT.elementLabelH,
  );
  const zLed = zFace + 0.0012;
  let anchorX = 0.03;
  if (slot.kind === 'io') {
    anchorX = FRONT.elementLabelX;
    const end = ledRow(
      sink,
      comp,
      owner,
      FRONT.ioLedX,
      y + FRONT.ioLedY,
      zLed,
      FRONT.ledPitch,
      true,
    );
    const barX0 = end + 0.002;
    const barX1 = FRONT.cdX + FRONT.cdW / 2;
    sink.progress.push({
      owner,
      x: (barX0 + barX1) / 2,
      y: y + FRONT.ioLedY,
      z: zFace + 0.0008,
      width: barX1 - barX0,
      height: 0.0032,
      rear: false,
    });
    sink.part('cdrom', owner, sysIndex, {
      x: FRONT.cdX,
      y: y + FRONT.cdY,
      z: zFace + 0.0005,
      sx: FRONT.cdW,
      sy: FRONT.cdH,
      sz: 0.003,
    });
    buildDiskBays(sink, sys, sysIndex, slot.element, owner, y, indexOf);
  } else {
    const end = ledRow(sink, comp, owner, FRONT.ledX, yTop + 0.0055, zLed, FRONT.ledPitch, true);
    const x0 = FRONT.ledX - 0.005;
    sink.progress.push({
      owner,
      x: (x0 + end - 0.006) / 2,
      y: yTop - 0.0135,
      z: zFace + 0.0008,
      width: end - 0.006 - x0,
      height: 0.0032,
      rear: false,
    });
  }
  sink.kind[owner] = comp.kind;
  sink.system[owner] = sysIndex;
  sink.slide[owner] = BEZEL_FRONT_Z_M - CHASSIS_REAR_Z_M + 0.08;
  sink.pullable[owner] = comp.hotSwappable.value ? 1 : 0;
  sink.place(
    owner,
    { x: 0, y, z: zFace - 0.004, sx: BEZEL_WIDTH_M + 0.006, sy: h + 0.003, sz: 0.036 },
    [anchorX, y, zFace],
    1,
  );
}

function buildDiskBays(
  sink: LayoutSink,
  sys: SystemModel,
  sysIndex: number,
  element: number,
  ioOwner: number,
  y: number,
  indexOf: IndexOf,
): void {
  const bays = sys.spec.coreIo.diskBays.value;
  const zFace = BEZEL_FRONT_Z_M + 0.0025;
  for (let bay = 1; bay <= bays; bay++) {
    const x = FRONT.diskX0 + (bay - 1) * FRONT.diskPitch;
    const disk = sys.components.find(
      (c) => c.kind === 'disk' && c.element === element && c.slot === bay,
    );
    if (!disk) {
      sink.part('diskBlank', ioOwner, sysIndex, {
        x,
        y,
        z: zFace - 0.0015,
        sx: FRONT.diskW,
        sy: FRONT.diskH,
        sz: 0.003,
      });
      continue;
    }
    const owner = indexOf(disk);
    sink.part('disk', owner, sysIndex, {
      x,
      y,
      z: zFace - FRONT.diskDepth / 2,
      sx: FRONT.diskW,
      sy: FRONT.diskH,
      sz: FRONT.diskDepth,
    });
    const zLed = zFace + 0.0011;
    disk.leds.forEach((led, i) => {
      sink.leds.push({
        owner,
        led: i,
        color: led.color.value,
        x: x + FRONT.diskLedX + i * FRONT.diskLedPitch,
        y: y + 0.0105,
        z: zLed,
        rear: false,
      });
    });
    sink.progress.push({
      owner,
      x: x + 0.014,
      y: y - 0.0115,
      z: zFace + 0.0008,
      width: 0.036,
      height: 0.003,
      rear: false,
    });
    sink.kind[owner] = 'disk';
    sink.system[owner] = sysIndex;
    sink.parent[owner] = ioOwner;
    sink.slide[owner] = FRONT.diskDepth + 0.05;
    sink.pullable[owner] = disk.hotSwappable.value ? 1 : 0;
    sink.place(
      owner,
      { x, y, z: zFace - 0.003, sx: FRONT.diskW + 0.004, sy: FRONT.diskH + 0.004, sz: 0.012 },
      [x, y - 0.004, zFace],
      1,
    );
  }
}
