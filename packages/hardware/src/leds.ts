/**
 * LEDs on each kind of component. Exact LED colours of this ftServer generation were not found,
 * so every colour follows the industry convention [assumed] (DESIGN.md §2): green = powered/OK,
 * amber = fault, blue = safe to pull, blinking green = synchronising or activity, PRIMARY on the
 * primary I/O element.
 *
 * The ORDER of each list is the LED's index in the engine's LED word: LED `i` of a component is
 * driven by bits `2i..2i+1` of its `leds` entry in the snapshot. Never reorder an existing list;
 * append new LEDs at the end.
 */
import { assumed } from './figure.ts';
import type { ComponentKind, LedColor, LedRole, LedSpec } from './types.ts';

const CONVENTION = 'industry convention; exact colours of this generation not found';

function led(role: LedRole, color: LedColor, label: string, note = CONVENTION): LedSpec {
  return { role, color: assumed(color, note), label };
}

const POWER = led('power', 'green', 'Power');
const FAULT = led('fault', 'amber', 'Fault');
const SAFE_TO_PULL = led('safeToPull', 'blue', 'Safe to pull');

/**
 * LEDs per component kind; the array index is the LED index in the engine's LED word.
 *
 * @example
 * LEDS.cpu.map((l) => l.role); // ['power', 'fault', 'safeToPull', 'activity']
 */
export const LEDS: Readonly<Record<ComponentKind, readonly LedSpec[]>> = {
  cpu: [
    POWER,
    FAULT,
    SAFE_TO_PULL,
    led('activity', 'green', 'Activity', `${CONVENTION}; blinks while synchronising`),
  ],
  io: [POWER, FAULT, SAFE_TO_PULL, led('primary', 'green', 'PRIMARY')],
  xio: [POWER, FAULT, SAFE_TO_PULL],
  disk: [led('activity', 'green', 'Activity'), FAULT, SAFE_TO_PULL],
  pci: [POWER, FAULT],
  nic: [led('activity', 'green', 'Link/activity'), FAULT],
  psu: [POWER, FAULT],
};

/**
 * Index of the LED with `role` on a component of `kind` (its position in {@link LEDS}), or -1
 * when that kind has no such LED.
 *
 * @example
 * ledIndex('io', 'primary'); // 3
 */
export function ledIndex(kind: ComponentKind, role: LedRole): number {
  return LEDS[kind].findIndex((l) => l.role === role);
}
