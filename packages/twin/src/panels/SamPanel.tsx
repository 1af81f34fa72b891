/**
 * SAM (system availability manager): per system CPU, memory and disk use as bars, the workload
 * application's status and restarts, its alerts; a form to set an alert (log or notify) and
 * clear them, and a button that makes the application fail so SAM's restart can be watched.
 */
import type { SamMetric, SystemInfo } from '@ft/engine';
import { useState } from 'react';
import { useCommand } from '../hooks/useCommand.ts';
import { formatPct } from '../model/format.ts';
import { systemName } from '../state/names.ts';
import { useTwin } from '../state/context.ts';
import { CommandOutcome } from './CommandOutcome.tsx';
import { SystemPicker, useSystemChoice } from './SystemPicker.tsx';

const METRICS: readonly { metric: SamMetric; label: string; key: keyof SystemInfo['sam'] }[] = [
  { metric: 'cpu', label: 'CPU', key: 'cpuPct' },
  { metric: 'memory', label: 'Memory', key: 'memoryPct' },
  { metric: 'disk', label: 'Disk', key: 'diskPct' },
];

export function SamPanel() {
  const systems = useTwin((s) => s.systems);
  const [systemId, setSystemId] = useSystemChoice();
  const [metric, setMetric] = useState<SamMetric>('cpu');
  const [threshold, setThreshold] = useState('50');
  const [action, setAction] = useState<'log' | 'notify'>('notify');
  const { pending, outcome, run, setOutcome } = useCommand();
  const name = useTwin((s) => systemName(s, systemId));

  const setAlert = () => {
    const thresholdPct = Number(threshold);
    if (!Number.isFinite(thresholdPct) || thresholdPct <= 0 || thresholdPct >= 100) {
      setOutcome({ ok: false, text: 'Threshold: a number between 0 and 100 (exclusive).' });
      return;
    }
    void run(
      { type: 'samAlert', target: systemId, metric, thresholdPct, action },
      `Alert on ${name}: ${metric} above ${thresholdPct}% (${action})`,
    );
  };

  return (
    <div className="mgmt-split" data-testid="sam">
      <section className="mgmt-main" aria-labelledby="sam-title">
        <h3 className="mgmt-title" id="sam-title">
          Resources and application
        </h3>
        <ul className="sam-grid">
          {systems.map((info) => (
            <SamCard key={info.systemId} info={info} />
          ))}
        </ul>
      </section>
      <section className="mgmt-aside" aria-labelledby="sam-alert-title">
        <h3 className="mgmt-title" id="sam-alert-title">
          Set an alert
        </h3>
        <form
          className="sam-form"
          onSubmit={(e) => {
            e.preventDefault();
            setAlert();
          }}
        >
          <SystemPicker value={systemId} onChange={setSystemId} testId="sam.system" />
          <label>
            <span>Metric</span>
            <select
              className="select"
              data-testid="sam.metric"
              value={metric}
              onChange={(e) => setMetric(e.target.value as SamMetric)}
            >
              {METRICS.map((m) => (
                <option key={m.metric} value={m.metric}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Threshold %</span>
            <input
              className="input sam-threshold"
              type="number"
              min={1}
              max={99}
              step={1}
              data-testid="sam.threshold"
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
            />
          </label>
          <label>
            <span>Action</span>
            <select
              className="select"
              data-testid="sam.action"
              value={action}
              onChange={(e) => setAction(e.target.value as 'log' | 'notify')}
            >
              <option value="notify">Notify (in the page)</option>
              <option value="log">Log only</option>
            </select>
          </label>
          <div className="mgmt-buttons">
            <button
              type="submit"
              className="btn btn-primary"
              data-testid="sam.set"
              disabled={pending}
            >
              Set alert
            </button>
            <button
              type="button"
              className="btn"
              data-testid="sam.clear"
              disabled={pending}
              onClick={() =>
                void run({ type: 'samClearAlerts', target: systemId }, `Alerts of ${name} cleared`)
              }
            >
              Clear alerts
            </button>
            <button
              type="button"
              className="btn btn-danger"
              data-testid="sam.crash-app"
              disabled={pending}
              onClick={() =>
                void run(
                  { type: 'system', target: systemId, action: 'crashApplication' },
                  `Application failure on ${name}`,
                )
              }
            >
              Make the application fail
            </button>
          </div>
        </form>
        <CommandOutcome outcome={outcome} testId="sam.outcome" />
      </section>
    </div>
  );
}

function SamCard({ info }: { info: SystemInfo }) {
  const name = useTwin((s) => systemName(s, info.systemId));
  const sam = info.sam;
  return (
    <li className="sam-card" data-testid={`sam.${info.systemId}`}>
      <div className="sam-head">
        <strong>{name}</strong>
        <span className="spacer" />
        <span
          className="badge"
          data-tone={sam.applicationUp ? 'ok' : 'err'}
          data-testid={`sam.${info.systemId}.app`}
        >
          application {sam.applicationUp ? 'up' : 'restarting'}
        </span>
        <span
          className="muted"
          data-testid={`sam.${info.systemId}.restarts`}
          data-count={sam.restarts}
        >
          {sam.restarts} {sam.restarts === 1 ? 'restart' : 'restarts'}
        </span>
      </div>
      {METRICS.map((m) => {
        const value = sam[m.key] as number;
        const alert = sam.alerts.find((a) => a.metric === m.metric);
        return (
          <div key={m.metric} className="sam-bar">
            <span className="sam-label">{m.label}</span>
            <meter
              min={0}
              max={100}
              low={70}
              high={90}
              optimum={20}
              value={value}
              aria-label={`${m.label} use of ${name}`}
            />
            <span className="mono sam-value">{formatPct(value)}</span>
            <span className="muted sam-alert">
              {alert ? `alert > ${alert.thresholdPct}% (${alert.action})` : ''}
            </span>
          </div>
        );
      })}
    </li>
  );
}
