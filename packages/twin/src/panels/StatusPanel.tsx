/**
 * Per-system status: model, redundancy status, uptime, availability (percent and nines) and
 * the transaction counters that prove "no lost in-memory data" (with how many ran for real and
 * how many stand for time skipped by time warp), and the time up but paused or unreachable.
 * Refreshed about twice a second from the engine's counters.
 */
import { SYSTEM_STATUS_NAMES } from '@ft/engine';
import {
  countNines,
  formatAvailability,
  formatCount,
  formatDuration,
  ninesLabel,
  shortVersion,
} from '../model/format.ts';
import { committedDetail, notServingDetail } from '../model/counters.ts';
import { statusTone } from '../model/tone.ts';
import { useTwin, useTwinInstance } from '../state/context.ts';
import { SystemActions } from './SystemActions.tsx';

export function StatusPanel() {
  const twin = useTwinInstance();
  const rack = useTwin((s) => s.rack);
  const counters = useTwin((s) => s.counters);
  const infos = useTwin((s) => s.systems);
  const withActions = useTwin((s) => s.view.layout === 'app' && s.view.interaction === 'inject');
  return (
    <section className="panel status-panel" aria-labelledby="status-title" data-testid="status">
      <h2 className="panel-title" id="status-title">
        Systems
      </h2>
      <div className="panel-body">
        <ul className="status-list">
          {rack?.systems.map((system) => {
            const id = system.config.id;
            const c = counters.find((k) => k.systemId === id);
            const info = infos.find((k) => k.systemId === id);
            const upgrade = info && info.upgrade.state !== 'Idle' ? info.upgrade : null;
            const status = c ? (SYSTEM_STATUS_NAMES[c.status] ?? 'unknown') : '…';
            const nines = c ? countNines(c.availability) : Number.POSITIVE_INFINITY;
            return (
              <li key={id} className="status-card" data-testid={`status.${id}`}>
                <div className="status-head">
                  <button
                    type="button"
                    className="link-btn status-name"
                    title="Point the camera at this system"
                    onClick={() => twin.ui.requestCamera('focus', id)}
                  >
                    {system.config.name}
                  </button>
                  <span className="muted">
                    {system.spec.name} · {system.config.mode.toUpperCase()}
                    {info ? ` · ${shortVersion(info.softwareVersion)}` : ''}
                  </span>
                  <span className="spacer" />
                  <span
                    className="badge"
                    data-tone={statusTone(status)}
                    data-testid={`status.${id}.status`}
                  >
                    {status}
                  </span>
                </div>
                {c ? (
                  <dl className="status-grid">
                    <div>
                      <dt>Uptime</dt>
                      <dd>{formatDuration(c.uptimeMs)}</dd>
                    </div>
                    <div>
                      <dt>Availability</dt>
                      <dd title={`Downtime ${formatDuration(c.downtimeMs)}`}>
                        {formatAvailability(c.availability)}
                      </dd>
                    </div>
                    <div>
                      <dt>Nines</dt>
                      <dd className="nines" data-nines={Number.isFinite(nines) ? nines : 'inf'}>
                        {ninesLabel(c.availability)}
                      </dd>
                    </div>
                    <div>
                      <dt>Committed</dt>
                      <dd title={committedDetail(c)} data-testid={`status.${id}.committed`}>
                        {formatCount(c.transactionsCommitted)}
                      </dd>
                    </div>
                    <div>
                      <dt>Lost</dt>
                      <dd data-bad={c.transactionsLost > 0}>{formatCount(c.transactionsLost)}</dd>
                    </div>
                    <div>
                      <dt title="Silent data corruptions">SDC</dt>
                      <dd
                        data-bad={c.silentDataCorruptions > 0}
                        title={`${formatCount(c.outputsSuppressed)} outputs held back by the voter`}
                      >
                        {formatCount(c.silentDataCorruptions)}
                      </dd>
                    </div>
                    <div>
                      <dt title="Up, but stopped by a resync's stop-and-copy">Paused</dt>
                      <dd title={notServingDetail(c)} data-testid={`status.${id}.paused`}>
                        {formatDuration(c.pausedMs)}
                      </dd>
                    </div>
                    <div>
                      <dt title="Up, but with both network paths lost">Unreachable</dt>
                      <dd
                        data-bad={c.unreachableMs > 0}
                        title={notServingDetail(c)}
                        data-testid={`status.${id}.unreachable`}
                      >
                        {formatDuration(c.unreachableMs)}
                      </dd>
                    </div>
                    <div>
                      <dt>Service calls</dt>
                      <dd>{formatCount(c.serviceCalls)}</dd>
                    </div>
                  </dl>
                ) : null}
                {upgrade ? (
                  <p className="status-upgrade" data-testid={`status.${id}.upgrade`}>
                    Active Upgrade: {upgrade.state} · production side {upgrade.productionSide} ·{' '}
                    {shortVersion(upgrade.productionVersion)}
                    {upgrade.upgradeVersion ? ` → ${shortVersion(upgrade.upgradeVersion)}` : ''}
                  </p>
                ) : null}
                {withActions ? <SystemActions systemId={id} /> : null}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
