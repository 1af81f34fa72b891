/**
 * Every action the engine supports for a component, as buttons and selects. What the engine
 * says is impossible now is disabled; an unsafe pull asks for confirmation first. Keyed by the
 * component id by its parent, so its local state starts afresh for each component.
 */
import type { Command, ComponentInfo, DiskPriority, RestartPolicy } from '@ft/engine';
import { useState } from 'react';
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

export function ComponentActions({ info }: { info: ComponentInfo }) {
  const twin = useTwinInstance();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirming, setConfirming] = useState<ActionButton | null>(null);
  const [priority, setPriority] = useState<DiskPriority>('normal');

  const run = async (command: Command, label: string) => {
    setPending(true);
    const result = await twin.engine.command(command);
    setPending(false);
    setOutcome(
      result.ok
        ? { ok: true, text: `${label}: done.` }
        : { ok: false, text: `${label}: ${result.error ?? 'refused'}` },
    );
  };

  const press = (b: ActionButton) => {
    if (b.confirm) setConfirming(b);
    else void run(b.command, b.label);
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
    <div className="actions">
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
        className="action-outcome"
        role="status"
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
            void run(b.command, b.label);
          }}
        />
      ) : null}
    </div>
  );
}
