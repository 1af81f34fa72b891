/**
 * Whole-system actions of one system, as its Access Adapter and Active Upgrade offer them:
 * power off / on, reset, and split / merge / abort of an upgrade. The engine decides what is
 * possible; a refusal is shown with its reason.
 */
import type { Command } from '@ft/engine';
import { useState } from 'react';
import { engine } from '../worker/instance.ts';

const ACTIONS: readonly { label: string; testId: string; command: (id: string) => Command }[] = [
  {
    label: 'Power off',
    testId: 'power-off',
    command: (target) => ({ type: 'system', target, action: 'powerOff' }),
  },
  {
    label: 'Power on',
    testId: 'power-on',
    command: (target) => ({ type: 'system', target, action: 'powerOn' }),
  },
  {
    label: 'Reset',
    testId: 'reset',
    command: (target) => ({ type: 'system', target, action: 'reset' }),
  },
  {
    label: 'Upgrade: split',
    testId: 'upgrade-start',
    command: (target) => ({ type: 'upgrade', target, action: 'start' }),
  },
  {
    label: 'Upgrade: merge',
    testId: 'upgrade-merge',
    command: (target) => ({ type: 'upgrade', target, action: 'merge' }),
  },
  {
    label: 'Upgrade: abort',
    testId: 'upgrade-abort',
    command: (target) => ({ type: 'upgrade', target, action: 'abort' }),
  },
];

export function SystemActions({ systemId }: { systemId: string }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <details className="system-actions">
      <summary>System actions</summary>
      <div className="system-actions-row">
        {ACTIONS.map((a) => (
          <button
            key={a.testId}
            type="button"
            className="btn btn-small"
            data-testid={`system.${systemId}.${a.testId}`}
            disabled={pending}
            onClick={async () => {
              setPending(true);
              const result = await engine.command(a.command(systemId));
              setPending(false);
              setOutcome({
                ok: result.ok,
                text: result.ok ? `${a.label}: done.` : `${a.label}: ${result.error ?? 'refused'}`,
              });
            }}
          >
            {a.label}
          </button>
        ))}
      </div>
      <p className="action-outcome" role="status" data-ok={outcome?.ok}>
        {outcome?.text ?? ''}
      </p>
    </details>
  );
}
