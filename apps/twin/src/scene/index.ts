/**
 * The 3D scene of the twin: {@link TwinScene} renders the rack; {@link screenPositionOfLed} says
 * where an LED is drawn. The scene also installs `live.screenPosition` and writes `live.stats`.
 */
export { TwinScene } from './TwinScene.tsx';
export { screenPositionOfLed } from './screenPositions.ts';
