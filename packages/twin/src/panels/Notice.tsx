/**
 * A message at the top of the 3D view: a bad URL parameter, the worker restarting... When the
 * simulation stopped for good (it kept crashing), it offers to start it again.
 */
import { useState } from 'react';
import { useTwin, useTwinInstance } from '../state/context.ts';

export function Notice() {
  const twin = useTwinInstance();
  const notice = useTwin((s) => s.notice);
  const [restarting, setRestarting] = useState(false);
  if (!notice) return null;
  return (
    <div className="notice" data-level={notice.level} role="alert" data-testid="notice">
      <span className="notice-icon" aria-hidden="true">
        {notice.level === 'error' ? '!' : 'i'}
      </span>
      <div className="notice-body">
        <p className="notice-text">{notice.text}</p>
        {notice.action === 'restart' ? (
          <button
            type="button"
            className="btn btn-primary btn-small"
            data-testid="notice.restart"
            disabled={restarting}
            onClick={async () => {
              setRestarting(true);
              await twin.engine.restart();
              setRestarting(false);
            }}
          >
            Restart the simulation
          </button>
        ) : null}
      </div>
      <button
        type="button"
        className="icon-btn"
        aria-label="Dismiss this message"
        onClick={() => twin.store.setState({ notice: null })}
      >
        ×
      </button>
    </div>
  );
}
