/**
 * LED drive to light, shared by the 3D view, the 2D view and the panels (no three.js here).
 * Lit colours are saturated so a screenshot pixel at an LED reads unambiguously.
 */
import type { LedColor } from '@ft/hardware';

export const LED_LIT: Record<LedColor, string> = {
  green: '#2bff55',
  amber: '#ffa20f',
  blue: '#2a7dff',
  white: '#f3f7ff',
};

export const SLOW_BLINK_HZ = 1;
export const FAST_BLINK_HZ = 4;

/** Whether an LED with 2-bit `drive` (0 off, 1 on, 2 slow, 3 fast) is lit at time `t` seconds. */
export function ledLit(drive: number, tS: number): boolean {
  if (drive === 1) return true;
  if (drive === 2) return tS * SLOW_BLINK_HZ - Math.floor(tS * SLOW_BLINK_HZ) < 0.5;
  if (drive === 3) return tS * FAST_BLINK_HZ - Math.floor(tS * FAST_BLINK_HZ) < 0.5;
  return false;
}
