/**
 * Every action the engine supports for a component, as buttons and selects. What the engine
 * says is impossible now is disabled; an unsafe pull asks for confirmation first. Keyed by the
 * component id by its parent, so its local state starts afresh for each component.
 *
 * A pressed button that the action disables (Pull, once the part is out) would drop the
 * keyboard focus to the page: the focus moves on to the action that naturally follows (Insert
 * after Pull), or to the outcome line.
 */
import type { Command, ComponentInfo, DiskPriority, RestartPolicy } from '@ft/engine';
import { useEffect, useRef, useState } from 'react';
import {
  type ActionButton,
  faultButtons,
  hasDiskPriority,
  serviceButtons,
} from '../model/actions.ts';
import { DISK_PRIORITY_LABELS, RESTART_POLICY_LABELS } from '../model/labels.ts';
import { PullConfirmDialog } from './PullConfirmDialog.tsx';
import { useTwinInstance } from '../state/context.ts';

type Outcome = { ok: boolean; text: string } | null;

/** The control that naturally follows an action, by test id. */
const FOLLOW_UP: Readonly<Record<string, string>> = {
  'action.pull': 'action.insert',
  'action.insert': 'action.pull',
  'action.insert-new': 'action.pull',
  'action.bring-down': 'action.bring-up',
  'action.bring-up': 'action.bring-down',
};

export function ComponentActions({ info }: { info: ComponentInfo }) {
  const twin = useTwinInstance();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirming, setConfirming] = useState<ActionButton | null>(null);
  const [priority, setPriority] = useState<DiskPriority>('normal');
  /** After an action: the control to focus once it is enabled, and the one pressed. */
  const [focusNext, setFocusNext] = useState<{ to: string; from: string } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const outcomeLine = useRef<HTMLParagraphElement>(null);

  const run = async (command: Command, label: string, testId?: string) => {
    setPending(true);
    const result = await twin.engine.command(command);
    setPending(false);
    setOutcome(
      result.ok
        ? { ok: true, text: `${label}: done.` }
        : { ok: false, text: `${label}: ${result.error ?? 'refused'}` },
    );
    if (testId && result.ok && FOLLOW_UP[testId])
      setFocusNext({ to: FOLLOW_UP[testId], from: testId });
  };

  // Runs after every render while a follow-up is due: it is enabled once the engine's news
  // arrive. Meanwhile a focus lost to the page goes to the outcome line; a focus the user moved
  // elsewhere is left alone.
  useEffect(() => {
    const inside = root.current;
    if (!focusNext || pending || !inside) return;
    const active = (inside.getRootNode() as Document | ShadowRoot)
      .activeElement as HTMLElement | null;
    const lost =
      !active ||
      active === document.body ||
      (active as HTMLButtonElement).disabled === true ||
      active === outcomeLine.current ||
      active.dataset.testid === focusNext.from;
    if (!lost) {
      setFocusNext(null);
      return;
    }
    const next = inside.querySelector<HTMLButtonElement>(`[data-testid="${focusNext.to}"]`);
    if (next && !next.disabled) {
      next.focus();
      setFocusNext(null);
    } else if (
      active !== outcomeLine.current &&
      (!active || active === document.body || (active as HTMLButtonElement).disabled)
    ) {
      outcomeLine.current?.focus();
    }
  });

  const press = (b: ActionButton) => {
    if (b.confirm) setConfirming(b);
    else void run(b.command, b.label, b.testId);
  };

  const button = (b: ActionButton) => (
    <button
      key={b.testId}
      type="button"
      className={b.danger ? 'btn btn-danger' : 'btn'}
      data-testid={b.testId}
      disabled={!b.enabled || pending}
      onClick={() => press(b)}
    >
      {b.label}
    </button>
  );

  const faults = faultButtons(info);
  const can = (t: Command['type']) => info.actions.includes(t);
  return (
    <div className="actions" ref={root}>
      <h3 className="actions-title">Inject a fault</h3>
      {faults.length > 0 ? (
        <div className="action-grid">{faults.map(button)}</div>
      ) : (
        <p className="muted">No fault can be injected into this component.</p>
      )}
      <h3 className="actions-title">Service</h3>
      <div className="action-grid">{serviceButtons(info).map(button)}</div>
      <div className="action-fields">
        <label>
          <span>Restart policy</span>
          <select
            className="select"
            data-testid="action.restart-policy"
            value={info.restartPolicy}
            disabled={!can('setRestartPolicy') || pending}
            onChange={(e) => {
              const policy = e.target.value as RestartPolicy;
              void run({ type: 'setRestartPolicy', target: info.id, policy }, 'Restart policy');
            }}
          >
            {(Object.keys(RESTART_POLICY_LABELS) as RestartPolicy[]).map((p) => (
              <option key={p} value={p}>
                {RESTART_POLICY_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        {hasDiskPriority(info) ? (
          <label>
            <span>Rebuild priority</span>
            <select
              className="select"
              data-testid="action.disk-priority"
              value={priority}
              disabled={!can('setDiskPriority') || pending}
              onChange={(e) => {
                const next = e.target.value as DiskPriority;
                setPriority(next);
                void run(
                  { type: 'setDiskPriority', target: info.id, priority: next },
                  'Rebuild priority',
                );
              }}
            >
              {(Object.keys(DISK_PRIORITY_LABELS) as DiskPriority[]).map((p) => (
                <option key={p} value={p}>
                  {DISK_PRIORITY_LABELS[p]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <p
        ref={outcomeLine}
        className="action-outcome"
        role="status"
        tabIndex={-1}
        data-testid="action-outcome"
        data-ok={outcome?.ok}
      >
        {outcome?.text ?? ''}
      </p>
      {confirming ? (
        <PullConfirmDialog
          componentLabel={info.label}
          warning={info.pullWarning}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const b = confirming;
            setConfirming(null);
            void run(b.command, b.label, b.testId);
          }}
        />
      ) : null}
    </div>
  );
}
