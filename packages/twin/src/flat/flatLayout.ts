/**
 * Geometry of the 2D front view (used where WebGL is missing): each system's front assemblies as
 * rows at their rack-unit positions, with their LEDs and, in core I/O rows, their disk bays. Pure:
 * built once per rack, unit-tested.
 */
import { type ComponentSpec, layoutFor, type RackModel } from '@ft/hardware';

export const U_PX = 34;
export const VIEW_WIDTH = 480;
const LEFT = 40;
const RIGHT = VIEW_WIDTH - 12;
const LED_R = 4.2;
const LED_GAP = 13;
const DISK_W = 62;

export interface FlatLed {
  /** Index of the component in the rack (and the snapshot). */
  component: number;
  /** LED index in the component's LED word. */
  led: number;
  color: string;
  x: number;
  y: number;
  r: number;
}

export interface FlatPart {
  component: number;
  id: string;
  /** Short text drawn on the part ("CPU 0", "10/40/1"). */
  name: string;
  /** Accessible name ("CPU element 0 of ft4300-A"). */
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Where the state text goes (right-aligned before the LEDs), or null for small parts. */
  stateX: number | null;
  /** Baseline of the name: centred in a row, at the top of a small bay. */
  nameY: number;
}

export interface FlatSystem {
  id: string;
  name: string;
  y: number;
  h: number;
}

export interface FlatLayout {
  height: number;
  systems: FlatSystem[];
  parts: FlatPart[];
  leds: FlatLed[];
}

const KIND_NAMES: Record<string, string> = { cpu: 'CPU', io: 'I/O', xio: 'I/O' };

export function buildFlatLayout(rack: RackModel): FlatLayout {
  const index = new Map(rack.components.map((c, i) => [c.id, i]));
  const topU = Math.max(...rack.systems.map((s) => s.config.positionU + s.spec.heightU.value - 1));
  const bottomU = Math.min(...rack.systems.map((s) => s.config.positionU));
  const yOfUTop = (u: number) => (topU - u) * U_PX + 8;
  const systems: FlatSystem[] = [];
  const parts: FlatPart[] = [];
  const leds: FlatLed[] = [];
  const addLeds = (c: ComponentSpec, x0: number, y: number) => {
    c.leds.forEach((led, k) => {
      leds.push({
        component: index.get(c.id) ?? -1,
        led: k,
        color: led.color.value,
        x: x0 + k * LED_GAP,
        y,
        r: LED_R,
      });
    });
  };
  for (const sys of rack.systems) {
    const top = yOfUTop(sys.config.positionU + sys.spec.heightU.value - 1);
    const h = sys.spec.heightU.value * U_PX;
    systems.push({ id: sys.config.id, name: sys.config.name, y: top, h });
    for (const slot of layoutFor(sys.spec, sys.config.mode)) {
      const c = sys.components.find((k) => k.kind === slot.kind && k.element === slot.element);
      if (!c) continue;
      const y = top + h - (slot.offsetU + slot.heightU) * U_PX + 2;
      const rowH = slot.heightU * U_PX - 4;
      const disks = sys.components.filter((k) => k.kind === 'disk' && k.parentId === c.id);
      const ledsW = c.leds.length * LED_GAP;
      const ledX = RIGHT - ledsW + LED_GAP / 2 - 6;
      parts.push({
        component: index.get(c.id) ?? -1,
        id: c.id,
        name: `${KIND_NAMES[c.kind] ?? c.kind} ${c.element}`,
        label: `${c.label} of ${sys.config.name}`,
        x: LEFT,
        y,
        w: RIGHT - LEFT,
        h: rowH,
        stateX: ledX - 14,
        nameY: y + rowH / 2 + 4,
      });
      addLeds(c, ledX, y + rowH / 2);
      disks.forEach((d, k) => {
        const x = LEFT + 56 + k * (DISK_W + 4);
        parts.push({
          component: index.get(d.id) ?? -1,
          id: d.id,
          name: d.path,
          label: `${d.label} of ${sys.config.name}`,
          x,
          y: y + 2,
          w: DISK_W,
          h: rowH - 4,
          stateX: null,
          nameY: y + 14,
        });
        addLeds(d, x + 10, y + rowH - 9);
      });
    }
  }
  return { height: (topU - bottomU + 1) * U_PX + 16, systems, parts, leds };
}
