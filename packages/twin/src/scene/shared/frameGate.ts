/**
 * Whether a twin's scene needs drawing this frame. Scene parts that change pixels (the runtime
 * after a snapshot moved an LED or a part, the camera rig, the controls, a resize) call
 * `request()`; the frame driver renders once and clears it. A still scene is never redrawn.
 */
import { createContext, useContext } from 'react';

export class FrameGate {
  dirty = true;
  /** Set by the frame driver when it rendered in the current frame (read by the surface). */
  rendered = false;

  request(): void {
    this.dirty = true;
  }
}

export const FrameGateContext = createContext<FrameGate | null>(null);

export function useFrameGate(): FrameGate {
  const gate = useContext(FrameGateContext);
  if (!gate) throw new Error('useFrameGate: no SharedCanvas above this component');
  return gate;
}
