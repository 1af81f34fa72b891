/** One button that pauses the simulation or resumes it at the speed it had. */
import { useRef } from 'react';
import { useTwin, useTwinInstance } from '../state/context.ts';

export function PlayPause() {
  const twin = useTwinInstance();
  const speed = useTwin((s) => s.speed);
  const running = useTwin((s) => s.workerStatus === 'running');
  const resumeAt = useRef(1);
  const paused = speed === 0;
  return (
    <button
      type="button"
      className="btn btn-small"
      data-testid="embed.playpause"
      aria-pressed={paused}
      disabled={!running}
      onClick={() => {
        if (paused) void twin.engine.setSpeed(resumeAt.current);
        else {
          resumeAt.current = speed;
          void twin.engine.setSpeed(0);
        }
      }}
    >
      {paused ? '▶ Resume' : '❚❚ Pause'}
    </button>
  );
}
