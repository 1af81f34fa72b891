/** The bottom line: engine status, snapshot path, seed and rack, in small print. */
import { useTwin } from '../state/context.ts';

const STATUS_TEXT = {
  starting: 'engine starting…',
  running: 'engine running',
  crashed: 'engine stopped',
  restarting: 'engine restarting…',
} as const;

export function StatusBar({ seed }: { seed: number }) {
  const workerStatus = useTwin((s) => s.workerStatus);
  const path = useTwin((s) => s.snapshotPath);
  const rackName = useTwin((s) => s.rack?.config.name ?? '');
  const speed = useTwin((s) => s.speed);
  return (
    <footer className="statusbar">
      <span className="statusbar-item" data-testid="worker-status" data-status={workerStatus}>
        <span className="status-dot" data-status={workerStatus} aria-hidden="true" />
        {STATUS_TEXT[workerStatus]}
      </span>
      <span className="statusbar-item">
        speed {speed < 0 ? 'max' : speed === 0 ? 'paused' : `${speed}×`}
      </span>
      <span className="statusbar-item" data-testid="snapshot-path" data-path={path ?? ''}>
        snapshot: {path === 'shared' ? 'shared' : path === 'transfer' ? 'transferred' : '…'}
      </span>
      <span className="statusbar-item">seed {seed}</span>
      <span className="spacer" />
      <span className="statusbar-item muted">{rackName}</span>
    </footer>
  );
}
