/**
 * In-page notifications (SAM alerts with "notify"): stacked at the bottom right of the 3D
 * view, each a role="status" region with a dismiss button. They stay until dismissed.
 */
import { formatSimTime } from '../model/format.ts';
import { useTwin, useTwinInstance } from '../state/context.ts';

export function Toasts() {
  const twin = useTwinInstance();
  const toasts = useTwin((s) => s.toasts);
  const rack = useTwin((s) => s.rack);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className="toast" role="status" data-testid="toast">
          <span className="toast-icon" aria-hidden="true">
            !
          </span>
          <div className="toast-text">
            <strong>
              SAM ·{' '}
              {rack?.systems.find((k) => k.config.id === t.systemId)?.config.name ?? t.systemId}
            </strong>
            <span>{t.text}</span>
            <span className="muted mono">{formatSimTime(t.timeMs)}</span>
          </div>
          <button
            type="button"
            className="icon-btn"
            aria-label="Dismiss notification"
            data-testid="toast.dismiss"
            onClick={() => twin.ui.dismissToast(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
