/**
 * Confirmation before an unsafe pull (role="alertdialog"): says what will happen, focuses
 * Cancel, keeps Tab inside, Escape cancels, and gives the focus back where it was.
 */
import { useEffect, useRef } from 'react';

interface Props {
  componentLabel: string;
  warning: string;
  onCancel: () => void;
  onConfirm: () => void;
}

export function PullConfirmDialog({ componentLabel, warning, onCancel, onConfirm }: Props) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    cancelRef.current?.focus();
    return () => previous?.focus?.();
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Tab') {
      const buttons = dialogRef.current?.querySelectorAll<HTMLButtonElement>('button');
      if (!buttons || buttons.length === 0) return;
      const first = buttons[0];
      const last = buttons[buttons.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="pull-dialog-title"
        aria-describedby="pull-dialog-text"
        data-testid="confirm-pull"
        onKeyDown={onKeyDown}
      >
        <h2 id="pull-dialog-title" className="dialog-title">
          Pull {componentLabel}?
        </h2>
        <p id="pull-dialog-text" className="dialog-text">
          {warning || 'This component is not safe to pull now.'}
        </p>
        <div className="dialog-buttons">
          <button
            ref={cancelRef}
            type="button"
            className="btn"
            data-testid="confirm-pull.cancel"
            onClick={onCancel}
          >
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-danger"
            data-testid="confirm-pull.confirm"
            onClick={onConfirm}
          >
            Pull anyway
          </button>
        </div>
      </div>
    </div>
  );
}
