/**
 * Physical dimensions of the rack and the ftServer chassis, in metres (the scene's unit).
 * Rack geometry follows EIA-310 (1U = 44.45 mm, 19-inch panel width 482.6 mm); the chassis
 * proportions are our own modelling choices, kept here so the whole scene agrees on them.
 *
 * Axes: x to the right seen from the front, y up, z towards the viewer at the front of the rack.
 */
import { MAX_RACK_HEIGHT_U, RACK_HEIGHT_U as STANDARD_RACK_HEIGHT_U } from '@ft/hardware';

/** One rack unit (EIA-310), metres. */
export const RACK_UNIT_M = 0.04445;
/** 19-inch panel width including the mounting ears. */
export const PANEL_WIDTH_M = 0.4826;
/**
 * Usable rack units of the standard drawn rack (42U). A configuration that declares a taller rack
 * (up to the parser's MAX_RACK_HEIGHT_U) grows the drawn cabinet: see {@link drawnRackU}.
 */
export const RACK_HEIGHT_U = STANDARD_RACK_HEIGHT_U;

/** Floor to the bottom of U1 (plinth and bottom frame). */
export const RACK_BASE_Y_M = 0.1;
export const RACK_OUTER_WIDTH_M = 0.6;
export const RACK_OUTER_DEPTH_M = 1.0;
/** Plane of the front mounting rails (chassis ears sit against it). */
export const FRONT_RAIL_Z_M = 0.42;
export const REAR_RAIL_Z_M = -0.4;

/** Chassis body width (between the ears) and depth behind the front rails. */
export const CHASSIS_WIDTH_M = 0.441;
export const CHASSIS_DEPTH_M = 0.72;
/** Gap between neighbouring bezels, so each assembly reads as its own part. */
export const BEZEL_GAP_M = 0.0016;
/** Front of an assembly bezel, in front of the rails. */
export const BEZEL_FRONT_Z_M = FRONT_RAIL_Z_M + 0.03;
export const BEZEL_DEPTH_M = 0.026;
export const BEZEL_WIDTH_M = 0.436;
/** Width of the power-supply column at the rear of the chassis. */
export const PSU_WIDTH_M = 0.104;
export const PSU_DEPTH_M = 0.3;

/** Rear face of the chassis. */
export const CHASSIS_REAR_Z_M = FRONT_RAIL_Z_M - CHASSIS_DEPTH_M;

/** Bottom of rack unit `u` (1-based), metres above the floor. */
export function uBottomY(u: number): number {
  return RACK_BASE_Y_M + (u - 1) * RACK_UNIT_M;
}

/** Height of `heightU` rack units, metres. */
export function uHeight(heightU: number): number {
  return heightU * RACK_UNIT_M;
}

/** Top of the last usable unit of the rack. */
export const RACK_TOP_Y_M = uBottomY(RACK_HEIGHT_U + 1);

/** Top of the rack cabinet (its roof), metres above the floor. */
export const RACK_FRAME_TOP_M = 2.02;

/**
 * Rack units the cabinet is drawn with for a rack of `heightU`: as tall as the rack says, at
 * least the standard 42U, at most what the parser accepts (one rule for parser and scene).
 *
 * @example
 * drawnRackU(42); // 42
 * drawnRackU(48); // 48
 */
export function drawnRackU(heightU: number = RACK_HEIGHT_U): number {
  return Math.min(MAX_RACK_HEIGHT_U, Math.max(RACK_HEIGHT_U, heightU));
}

/** Top of the last usable unit of a rack drawn for `heightU`, metres. */
export function rackTopY(heightU?: number): number {
  return uBottomY(drawnRackU(heightU) + 1);
}

/** Top of the cabinet (its roof) drawn for `heightU`: the 42U roof raised by the extra units. */
export function frameTopY(heightU?: number): number {
  return RACK_FRAME_TOP_M + (rackTopY(heightU) - RACK_TOP_Y_M);
}
