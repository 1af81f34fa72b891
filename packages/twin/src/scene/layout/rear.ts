/**
 * Rear of a chassis: the power-supply column, each drawer's rear panel with its PCI adapters and
 * embedded Ethernet port. Positions along a rear panel are measured from the left edge as a person
 * standing behind the rack sees it (world +x), so they match the rear panel textures.
 */
import type { ComponentSpec, SystemModel } from '@ft/hardware';
import {
  CHASSIS_REAR_Z_M,
  CHASSIS_WIDTH_M,
  PSU_DEPTH_M,
  PSU_WIDTH_M,
  RACK_UNIT_M,
  uBottomY,
  uHeight,
} from '../units.ts';
import { bezelHeight, type IndexOf } from './front.ts';
import type { LayoutSink } from './sink.ts';
import type { PartType } from './types.ts';

export const REAR = {
  /** World x of the rear panel's left edge (seen from behind) and its width. */
  panelLeftX: 0.216,
  panelW: 0.328,
  pciW: 0.05,
  pciH: 0.034,
  /** Centre of PCI slot k (0-based) along the panel, per element kind. */
  ioPciU0: 0.03,
  ioPciPitch: 0.054,
  xioPciU0: 0.035,
  xioPciPitch: 0.06,
  nicU: 0.145,
  nicW: 0.018,
  nicH: 0.015,
  psuMaxU: 2,
} as const;

const panelX = (u: number): number => REAR.panelLeftX - u;
const FACE_Z = CHASSIS_REAR_Z_M - 0.001;

const rearType = (kind: string, heightU: number): PartType =>
  kind === 'io' ? 'rearIo' : kind === 'xio' ? 'rearXio' : heightU >= 2 ? 'rearCpu2' : 'rearCpu';

export function buildRear(
  sink: LayoutSink,
  sys: SystemModel,
  sysIndex: number,
  indexOf: IndexOf,
): void {
  const bottom = uBottomY(sys.config.positionU);
  buildPsus(sink, sys, sysIndex, bottom, indexOf);
  for (const slot of sys.spec.layout) {
    const comp = sys.components.find((c) => c.localId === `${slot.kind}-${slot.element}`);
    const owner = comp ? indexOf(comp) : -1;
    const y = bottom + uHeight(slot.offsetU) + uHeight(slot.heightU) / 2;
    const h = bezelHeight(slot.heightU);
    const panelCx = REAR.panelLeftX - REAR.panelW / 2;
    sink.part(
      rearType(slot.kind, slot.heightU),
      owner,
      sysIndex,
      { x: panelCx, y, z: FACE_Z + 0.002, sx: REAR.panelW, sy: h, sz: 0.004 },
      true,
    );
    const yTop = bottom + uHeight(slot.offsetU + slot.heightU) - RACK_UNIT_M / 2;
    const labelX = slot.kind === 'cpu' ? panelX(0.016) : panelX(REAR.panelW - 0.012);
    sink.label(String(slot.element), 'element', owner, labelX, yTop, FACE_Z - 0.0006, 0.012, true);
    if (!comp || slot.kind === 'cpu') continue;
    const slots =
      slot.kind === 'io'
        ? sys.spec.coreIo.pciSlots.value
        : (sys.spec.expansionIo?.pciSlots.value ?? 0);
    const u0 = slot.kind === 'io' ? REAR.ioPciU0 : REAR.xioPciU0;
    const pitch = slot.kind === 'io' ? REAR.ioPciPitch : REAR.xioPciPitch;
    for (let k = 1; k <= slots; k++) {
      const x = panelX(u0 + (k - 1) * pitch);
      const pci = sys.components.find(
        (c) => c.kind === 'pci' && c.parentId === comp.id && c.slot === k,
      );
      const box = {
        x,
        y,
        z: FACE_Z - 0.0015,
        sx: REAR.pciW,
        sy: Math.min(REAR.pciH, h - 0.006),
        sz: 0.003,
      };
      if (!pci) {
        sink.part('pciBlank', owner, sysIndex, box, true);
        continue;
      }
      const i = indexOf(pci);
      sink.part('pci', i, sysIndex, box, true);
      rearLeds(sink, pci, i, x + 0.016, y + 0.0105, FACE_Z - 0.0035, -0.009, 0);
      placeRear(sink, i, pci, sysIndex, owner, box, 0.26);
    }
    const nic = sys.components.find((c) => c.kind === 'nic' && c.parentId === comp.id);
    if (nic) {
      const i = indexOf(nic);
      const box = {
        x: panelX(REAR.nicU),
        y: y - 0.002,
        z: FACE_Z - 0.004,
        sx: REAR.nicW,
        sy: REAR.nicH,
        sz: 0.008,
      };
      sink.part('nic', i, sysIndex, box, true);
      rearLeds(sink, nic, i, box.x + 0.0055, box.y + 0.0045, FACE_Z - 0.0085, -0.011, 0);
      placeRear(sink, i, nic, sysIndex, owner, box, 0);
    }
  }
}

function buildPsus(
  sink: LayoutSink,
  sys: SystemModel,
  sysIndex: number,
  bottom: number,
  indexOf: IndexOf,
): void {
  const psus = sys.components.filter((c) => c.kind === 'psu').sort((a, b) => a.side - b.side);
  const heightU = sys.spec.heightU.value;
  const psuU = Math.min(REAR.psuMaxU, heightU / Math.max(1, psus.length));
  const x = -CHASSIS_WIDTH_M / 2 + 0.002 + PSU_WIDTH_M / 2;
  const h = uHeight(psuU) - 0.002;
  psus.forEach((psu, n) => {
    const i = indexOf(psu);
    const y = bottom + uHeight(n * psuU) + uHeight(psuU) / 2;
    const box = {
      x,
      y,
      z: FACE_Z + PSU_DEPTH_M / 2 - 0.001,
      sx: PSU_WIDTH_M,
      sy: h,
      sz: PSU_DEPTH_M,
    };
    sink.part('psu', i, sysIndex, box, true);
    sink.part(
      'handle',
      i,
      sysIndex,
      { x: x + 0.036, y, z: FACE_Z - 0.001, sx: 1, sy: Math.min(h - 0.012, 0.06), sz: 1 },
      true,
    );
    rearLeds(sink, psu, i, x - 0.038, y + h / 2 - 0.0095, FACE_Z - 0.0012, 0, -0.0105);
    sink.label(psu.path, 'legend', i, x - 0.018, y + h / 2 - 0.0095, FACE_Z - 0.0007, 0.0055, true);
    placeRear(
      sink,
      i,
      psu,
      sysIndex,
      -1,
      { ...box, z: FACE_Z - 0.005, sz: 0.008 },
      PSU_DEPTH_M + 0.24,
    );
    sink.anchor.set([x - 0.01, y - h / 4, FACE_Z - 0.001], i * 3);
  });
  const used = psus.length * psuU;
  if (used < heightU) {
    const h2 = uHeight(heightU - used) - 0.002;
    sink.part(
      'psuBlank',
      -1,
      sysIndex,
      {
        x,
        y: bottom + uHeight(used) + h2 / 2 + 0.001,
        z: FACE_Z + 0.002,
        sx: PSU_WIDTH_M,
        sy: h2,
        sz: 0.004,
      },
      true,
    );
  }
}

function rearLeds(
  sink: LayoutSink,
  comp: ComponentSpec,
  owner: number,
  x: number,
  y: number,
  z: number,
  dx: number,
  dy: number,
): void {
  comp.leds.forEach((led, k) => {
    sink.leds.push({
      owner,
      led: k,
      color: led.color.value,
      x: x + k * dx,
      y: y + k * dy,
      z,
      rear: true,
    });
  });
}

function placeRear(
  sink: LayoutSink,
  i: number,
  comp: ComponentSpec,
  sysIndex: number,
  parent: number,
  box: { x: number; y: number; z: number; sx: number; sy: number; sz: number },
  slide: number,
): void {
  sink.kind[i] = comp.kind;
  sink.system[i] = sysIndex;
  sink.parent[i] = parent;
  sink.slide[i] = slide;
  sink.pullable[i] = comp.hotSwappable.value && slide > 0 ? 1 : 0;
  sink.place(
    i,
    { ...box, sx: box.sx + 0.004, sy: box.sy + 0.004, sz: box.sz + 0.006 },
    [box.x, box.y, box.z - box.sz / 2],
    -1,
  );
}
