/**
 * The 3D scene of the twin: {@link TwinScene} renders the rack and installs the twin's
 * `live.screenPosition` / `live.ledPosition`, and writes `live.stats`.
 */
export { TwinScene } from './TwinScene.tsx';
