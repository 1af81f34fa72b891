/**
 * The last frame callback of a twin's scene (priority 1, so react-three-fiber does not render on
 * its own): renders only when the frame gate says something changed. Keeps the twin's
 * `live.stats`: the smoothed interval between scene ticks, the frames actually drawn and the
 * draw calls and triangles of the last one.
 */
import { useFrame } from '@react-three/fiber';
import { useTwinInstance } from '../../state/context.ts';
import { useFrameGate } from './frameGate.ts';

const SMOOTHING = 0.1;
/** Priority above 0: react-three-fiber leaves rendering to this callback. */
const RENDER_PRIORITY = 1;

export function FrameDriver() {
  const twin = useTwinInstance();
  const gate = useFrameGate();
  useFrame((state, dt) => {
    const stats = twin.live.stats;
    const ms = dt * 1000;
    stats.frameMs = stats.ticks === 0 ? ms : stats.frameMs + (ms - stats.frameMs) * SMOOTHING;
    stats.ticks++;
    gate.rendered = false;
    if (!gate.dirty) return;
    gate.dirty = false;
    const gl = state.gl;
    gl.info.reset();
    gl.render(state.scene, state.camera);
    gate.rendered = true;
    stats.drawCalls = gl.info.render.calls;
    stats.triangles = gl.info.render.triangles;
    stats.frames++;
  }, RENDER_PRIORITY);
  return null;
}
