/**
 * The bottom line: engine status (and the progress of a long step or a replay), the speed asked
 * for and, when the engine falls short of it, the speed it reaches, snapshot path, seed and rack.
 */
import { useEffect, useState } from 'react';
import { formatSimTime } from '../model/format.ts';
import { type ClockSample, keepWindow, reachedSpeed, speedText } from '../model/speed.ts';
import { useTwin, useTwinInstance } from '../state/context.ts';
import type { TwinInstance } from '../instance.ts';

const STATUS_TEXT = {
  starting: 'engine starting…',
  running: 'engine running',
  crashed: 'engine stopped, restarting',
  restarting: 'engine restoring…',
  stopped: 'engine stopped',
} as const;

/** How often the reached speed is measured (a React update, never per frame). */
const SAMPLE_EVERY_MS = 500;

/** The speed the engine reaches, measured from the snapshot clock; null until it can say. */
function useReachedSpeed(twin: TwinInstance): number | null {
  const [reached, setReached] = useState<number | null>(null);
  useEffect(() => {
    let samples: ClockSample[] = [];
    const timer = setInterval(() => {
      twin.engine.refreshSnapshot();
      const views = twin.live.views;
      if (!views) return;
      samples = keepWindow(samples, { wallMs: performance.now(), simMs: views.clock[0] });
      const speed = reachedSpeed(samples);
      setReached((old) =>
        old === speed || (old !== null && speed !== null && Math.abs(old - speed) < old * 0.02)
          ? old
          : speed,
      );
    }, SAMPLE_EVERY_MS);
    return () => clearInterval(timer);
  }, [twin]);
  return reached;
}

export function StatusBar({ seed }: { seed: number }) {
  const twin = useTwinInstance();
  const workerStatus = useTwin((s) => s.workerStatus);
  const path = useTwin((s) => s.snapshotPath);
  const rackName = useTwin((s) => s.rack?.config.name ?? '');
  const speed = useTwin((s) => s.speed);
  const job = useTwin((s) => s.job);
  const reached = useReachedSpeed(twin);
  const shown = speedText(speed, speed === 0 || job ? null : reached);
  return (
    <footer className="statusbar">
      <span className="statusbar-item" data-testid="worker-status" data-status={workerStatus}>
        <span className="status-dot" data-status={workerStatus} aria-hidden="true" />
        {STATUS_TEXT[workerStatus]}
      </span>
      {job ? (
        <span className="statusbar-item" data-testid="job" role="status">
          {job.kind === 'step' ? 'stepping' : 'replaying'}{' '}
          <progress max={job.totalMs || 1} value={job.doneMs} aria-label="Progress" />{' '}
          {formatSimTime(job.doneMs)} of {formatSimTime(job.totalMs)}
        </span>
      ) : null}
      <span
        className="statusbar-item"
        data-testid="speed-reached"
        data-reached={reached ?? ''}
        title="Simulated time over wall time, measured over the last 2 seconds: a large rack on a slow machine cannot reach every speed."
      >
        {shown}
      </span>
      <span className="statusbar-item" data-testid="snapshot-path" data-path={path ?? ''}>
        snapshot: {path === 'shared' ? 'shared' : path === 'transfer' ? 'transferred' : '…'}
      </span>
      <span className="statusbar-item">seed {seed}</span>
      <span className="spacer" />
      <span className="statusbar-item statusbar-rack">{rackName}</span>
    </footer>
  );
}
