/**
 * Writes the renderer's per-frame statistics into `live.stats`. `gl.info` is reset by hand once a
 * frame (autoReset off), so the counts cover every render pass of one frame.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { live } from '../state/live.ts';

const SMOOTHING = 0.1;

export function RenderStats() {
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    gl.info.autoReset = false;
    return () => {
      gl.info.autoReset = true;
    };
  }, [gl]);
  useFrame((_, dt) => {
    const stats = live.stats;
    stats.drawCalls = gl.info.render.calls;
    stats.triangles = gl.info.render.triangles;
    const ms = dt * 1000;
    stats.frameMs = stats.frames === 0 ? ms : stats.frameMs + (ms - stats.frameMs) * SMOOTHING;
    stats.frames++;
    gl.info.reset();
  });
  return null;
}
