/**
 * A component's progress (resync, rebuild, diagnostics, dump, boot) read from the snapshot in
 * its own animation-frame loop: the DOM is written directly, React does not re-render.
 */
import { useEffect, useRef } from 'react';
import { useTwinInstance } from '../state/context.ts';

export function LiveProgress({ id }: { id: string }) {
  const twin = useTwinInstance();
  const barRef = useRef<HTMLProgressElement>(null);
  const textRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let frame = 0;
    let shown = Number.NaN;
    const tick = () => {
      const views = twin.live.views;
      const index = twin.live.index.get(id);
      const value = views && index !== undefined ? views.progress[index] : -1;
      const rounded = value < 0 ? -1 : Math.round(value * 100);
      if (rounded !== shown && barRef.current && textRef.current) {
        shown = rounded;
        barRef.current.hidden = rounded < 0;
        barRef.current.value = Math.max(0, rounded);
        textRef.current.textContent = rounded < 0 ? 'idle' : `${rounded}%`;
      }
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [twin, id]);
  return (
    <span className="live-progress">
      <progress ref={barRef} max={100} value={0} hidden aria-label="Progress" />
      <span ref={textRef} data-testid="component-progress">
        idle
      </span>
    </span>
  );
}
