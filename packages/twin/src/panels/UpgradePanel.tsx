/**
 * Active Upgrade, guided: the documented states as a stepper with the current one and its
 * progress, the production and upgrade sides' versions, the preconditions of a split, and
 * Start / Merge / Back out enabled exactly where the state allows: Start stays disabled while a
 * precondition fails, with the reason beside it (a refusal by the engine still shows its own). The system's downtime is shown beside it: it stays at zero through the upgrade.
 */
import { useMemo } from 'react';
import { useCommand } from '../hooks/useCommand.ts';
import { formatDuration, shortVersion } from '../model/format.ts';
import {
  startBlockedBy,
  UPGRADE_STEP_HELP,
  UPGRADE_STEPS,
  upgradeButtons,
  upgradePreconditions,
  upgradeStepMarks,
} from '../model/upgrade.ts';
import { systemStatusName } from '../state/names.ts';
import { useTwin } from '../state/context.ts';
import { CommandOutcome } from './CommandOutcome.tsx';
import { Stepper } from './Stepper.tsx';
import { SystemPicker, useSystemChoice } from './SystemPicker.tsx';

/** Start, merge and abort, in the order shown; `can` from upgradeButtons enables each. */
const UPGRADE_BUTTONS = [
  { action: 'start', label: 'Start (split)', done: 'Start', tone: 'btn-primary' },
  { action: 'merge', label: 'Merge (commit)', done: 'Merge', tone: '' },
  { action: 'abort', label: 'Back out', done: 'Back out', tone: 'btn-danger' },
] as const;

export function UpgradePanel() {
  const [systemId, setSystemId] = useSystemChoice();
  const info = useTwin((s) => s.systems.find((k) => k.systemId === systemId));
  const counters = useTwin((s) => s.counters.find((k) => k.systemId === systemId));
  const system = useTwin((s) => s.rack?.systems.find((k) => k.config.id === systemId));
  const components = useTwin((s) => s.components);
  const { pending, outcome, run } = useCommand();
  const statusName = counters ? systemStatusName(counters.status) : '…';
  const checks = useMemo(
    () =>
      upgradePreconditions(
        system?.config.mode ?? '',
        statusName,
        Object.values(components).filter((c) => c.systemId === systemId),
      ),
    [system, statusName, components, systemId],
  );
  if (!info || !system) return <p className="muted mgmt-empty">Loading…</p>;
  const u = info.upgrade;
  const marks = upgradeStepMarks(u.state);
  const steps = UPGRADE_STEPS.map((state, i) => ({
    key: state,
    // A zero-width space lets PrepareSplit / PrepareMerge wrap in a narrow panel.
    label: state.replace(/([a-z])([A-Z])/, '$1\u200b$2'),
    mark: marks[i],
    title: UPGRADE_STEP_HELP[state],
  }));
  const can = upgradeButtons(u, checks);
  const blocked = u.state === 'Idle' ? startBlockedBy(checks) : null;
  const name = system.config.name;
  const idle = u.state === 'Idle';
  const downtimeMs = counters?.downtimeMs ?? 0;
  return (
    <div className="mgmt-split" data-testid="upgrade" data-state={u.state}>
      <section className="mgmt-main" aria-labelledby="upgrade-title">
        <div className="mgmt-toolbar">
          <h3 className="mgmt-title" id="upgrade-title">
            Active Upgrade of
          </h3>
          <SystemPicker value={systemId} onChange={setSystemId} testId="upgrade.system" />
          <span className="spacer" />
          <span className="muted">running {shortVersion(info.softwareVersion)}</span>
        </div>
        <Stepper steps={steps} label={`Active Upgrade states of ${name}`} testId="upgrade.steps" />
        <p className="upgrade-now" data-testid="upgrade.state">
          <strong>{u.state}</strong>
          {u.progress >= 0 ? (
            <>
              {' '}
              <progress
                max={1}
                value={u.progress}
                aria-label={`${u.state} progress`}
                data-testid="upgrade.progress"
              />{' '}
              <span className="mono">{Math.round(u.progress * 100)}%</span>
            </>
          ) : null}{' '}
          <span className="muted">{UPGRADE_STEP_HELP[u.state]}</span>
        </p>
        <dl className="upgrade-sides">
          <div data-side="production">
            <dt>Production side</dt>
            <dd data-testid="upgrade.production">
              {idle ? shortVersion(info.softwareVersion) : shortVersion(u.productionVersion)}
              <span className="muted">
                {idle ? ' · whole pair' : ` · CPU element ${u.productionSide}`}
              </span>
            </dd>
          </div>
          <div data-side="upgrade">
            <dt>Upgrade side</dt>
            <dd data-testid="upgrade.upgrade-version">
              {u.upgradeVersion ? shortVersion(u.upgradeVersion) : '—'}
              {!idle ? (
                <span className="muted">
                  {' '}
                  · CPU element {1 - u.productionSide}, data disks offline while split
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>Downtime</dt>
            <dd data-testid="upgrade.downtime" data-ms={downtimeMs} data-bad={downtimeMs > 0}>
              {formatDuration(downtimeMs)}
              {downtimeMs === 0 ? <span className="muted"> · no downtime</span> : null}
            </dd>
          </div>
        </dl>
        <div className="mgmt-buttons">
          {UPGRADE_BUTTONS.map(({ action, label, done, tone }) => (
            <button
              key={action}
              type="button"
              className={`btn${tone ? ` ${tone}` : ''}`}
              data-testid={`upgrade.${action}`}
              disabled={!can[action] || pending}
              aria-describedby={action === 'start' && blocked ? 'upgrade-blocked' : undefined}
              onClick={() => void run({ type: 'upgrade', target: systemId, action }, done)}
            >
              {label}
            </button>
          ))}
        </div>
        {blocked ? (
          <p
            className="mgmt-help upgrade-blocked"
            id="upgrade-blocked"
            data-testid="upgrade.blocked"
          >
            {blocked}
          </p>
        ) : null}
        <CommandOutcome outcome={outcome} testId="upgrade.outcome" />
      </section>
      <section className="mgmt-aside" aria-labelledby="upgrade-checks-title">
        <h3 className="mgmt-title" id="upgrade-checks-title">
          Preconditions
        </h3>
        {idle ? null : (
          <p className="mgmt-help">
            Checked before the split; the pair is split for the upgrade now.
          </p>
        )}
        <ul className="checks" data-testid="upgrade.checks" hidden={!idle}>
          {checks.map((c) => (
            <li key={c.label} data-ok={c.ok}>
              <span className="check-mark" aria-hidden="true">
                {c.ok ? '✓' : '✗'}
              </span>
              <span>{c.label}</span>
              <span className="muted">{c.ok ? '' : ` — ${c.detail}`}</span>
              <span className="visually-hidden">{c.ok ? ' met' : ' not met'}</span>
            </li>
          ))}
        </ul>
        <p className="muted mgmt-help">
          The pair splits into two machines: the production side keeps the workload on the old
          version while the upgrade side installs the new one. Merge hands the application over in a
          short pause; Back out discards the upgrade (allowed up to Merge).
        </p>
      </section>
    </div>
  );
}
