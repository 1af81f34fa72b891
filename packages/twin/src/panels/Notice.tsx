/** A message at the top of the page: a bad URL parameter, the worker restarting... */
import { useTwin, useTwinInstance } from '../state/context.ts';

export function Notice() {
  const twin = useTwinInstance();
  const notice = useTwin((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="notice" data-level={notice.level} role="alert" data-testid="notice">
      <span className="notice-icon" aria-hidden="true">
        {notice.level === 'error' ? '!' : 'i'}
      </span>
      <p className="notice-text">{notice.text}</p>
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
