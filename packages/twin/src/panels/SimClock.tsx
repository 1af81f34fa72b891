/** Simulated time, written straight into the DOM from the snapshot each frame it changes. */
import { useEffect, useRef } from 'react';
import { formatSimTime } from '../model/format.ts';
import { useTwinInstance } from '../state/context.ts';

export function SimClock() {
  const twin = useTwinInstance();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let frame = 0;
    let shownMs = -1;
    const tick = () => {
      const views = twin.live.views;
      const ms = views ? Math.floor(views.clock[0]) : 0;
      if (ms !== shownMs && ref.current) {
        shownMs = ms;
        ref.current.textContent = formatSimTime(ms);
      }
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [twin]);
  return (
    <span className="sim-clock" title="Simulated time">
      <span className="muted">sim</span>{' '}
      <span ref={ref} className="mono" data-testid="sim-time">
        00:00:00.000
      </span>
    </span>
  );
}
