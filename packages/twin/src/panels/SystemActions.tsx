/**
 * Whole-system actions of one system, as its Access Adapter and Active Upgrade offer them:
 * power off / on, reset, take a dump now, and split / merge / abort of an upgrade; links to the
 * system's management tabs. The engine decides what is possible; a refusal shows its reason.
 */
import type { Command } from '@ft/engine';
import { useState } from 'react';
import { dumpTarget } from '../model/dumps.ts';
import type { BottomTab, TwinState } from '../state/store.ts';
import { useTwinInstance } from '../state/context.ts';

/** Links from a system's card to its management panels below. */
const PANEL_LINKS: readonly { tab: BottomTab; label: string }[] = [
  { tab: 'upgrade', label: 'Active Upgrade…' },
  { tab: 'sam', label: 'SAM…' },
  { tab: 'service', label: 'Service…' },
  { tab: 'dumps', label: 'Dumps…' },
];

/** A system-level dump takes the highest-numbered CPU element in lockstep (or lets the engine refuse). */
function dumpCommand(systemId: string, state: TwinState): Command {
  const components = Object.values(state.components);
  const cpu = components.find((c) => c.systemId === systemId && c.kind === 'cpu');
  return { type: 'takeDump', target: dumpTarget(systemId, components) ?? cpu?.id ?? systemId };
}

const ACTIONS: readonly {
  label: string;
  testId: string;
  command: (id: string, state: TwinState) => Command;
}[] = [
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
    label: 'Take dump now',
    testId: 'take-dump',
    command: dumpCommand,
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
  const twin = useTwinInstance();
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
              const result = await twin.engine.command(a.command(systemId, twin.store.getState()));
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
      <div className="system-actions-row">
        {PANEL_LINKS.map((l) => (
          <button
            key={l.tab}
            type="button"
            className="btn btn-small"
            data-testid={`system.${systemId}.open-${l.tab}`}
            onClick={() => twin.ui.showTabFor(l.tab, systemId)}
          >
            {l.label}
          </button>
        ))}
      </div>
      <p className="action-outcome" role="status" data-ok={outcome?.ok}>
        {outcome?.text ?? ''}
      </p>
    </details>
  );
}
