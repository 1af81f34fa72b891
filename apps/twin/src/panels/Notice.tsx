/** A message at the top of the page: a bad URL parameter, the worker restarting... */
import { twinStore } from '../state/store.ts';
import { useTwin } from '../state/useTwin.ts';

export function Notice() {
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
        onClick={() => twinStore.setState({ notice: null })}
      >
        ×
      </button>
    </div>
  );
}
