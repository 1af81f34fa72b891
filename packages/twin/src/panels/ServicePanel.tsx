/**
 * ActiveService Manager: open service calls with their lifecycle as a stepper and the path
 * the call took (direct, via the ftGateway, via its backup, or queued), each system's call-home
 * role with a switch for its link, and the incident history (closed calls) of the rack.
 */
import type { ServiceCall } from '@ft/engine';
import { useMemo } from 'react';
import { useCommand } from '../hooks/useCommand.ts';
import { formatDuration, formatSimTime } from '../model/format.ts';
import { callSteps, GATEWAY_ROLE_LABELS, pathLabel, splitCalls } from '../model/service.ts';
import { componentLabel, systemName } from '../state/names.ts';
import { useTwin, useTwinInstance } from '../state/context.ts';
import { CommandOutcome } from './CommandOutcome.tsx';
import { Stepper } from './Stepper.tsx';

export function ServicePanel() {
  const calls = useTwin((s) => s.serviceCalls);
  const { open, closed } = useMemo(() => splitCalls(calls), [calls]);
  return (
    <div className="mgmt-split" data-testid="service">
      <section className="mgmt-main" aria-labelledby="service-open-title">
        <h3 className="mgmt-title" id="service-open-title">
          Open service calls <span className="muted">({open.length})</span>
        </h3>
        {open.length === 0 ? (
          <p className="muted mgmt-empty">
            No open calls. A hard fault isolated to a CRU opens one and orders the part.
          </p>
        ) : (
          <ul className="call-list" data-testid="service.calls">
            {open.map((call) => (
              <CallCard key={call.callId} call={call} />
            ))}
          </ul>
        )}
        <h3 className="mgmt-title" id="service-history-title">
          Incident history <span className="muted">({closed.length} closed)</span>
        </h3>
        {closed.length === 0 ? (
          <p className="muted mgmt-empty">No closed calls yet.</p>
        ) : (
          <table className="mgmt-table" data-testid="service.history">
            <thead>
              <tr>
                <th scope="col">Call</th>
                <th scope="col">System</th>
                <th scope="col">CRU</th>
                <th scope="col">Opened</th>
                <th scope="col">Closed</th>
                <th scope="col">Took</th>
                <th scope="col">Path</th>
              </tr>
            </thead>
            <tbody>
              {closed.map((call) => (
                <HistoryRow key={call.callId} call={call} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CallHome />
    </div>
  );
}

function CallCard({ call }: { call: ServiceCall }) {
  const system = useTwin((s) => systemName(s, call.systemId));
  const cru = useTwin((s) => componentLabel(s, call.componentId));
  const steps = callSteps(call).map((s) => ({
    key: s.status,
    label: s.label,
    mark: s.mark,
    title: s.timeMs === null ? undefined : `${s.label} at ${formatSimTime(s.timeMs)}`,
  }));
  return (
    <li
      className="call-card"
      data-testid={`service.call.${call.callId}`}
      data-status={call.status}
      data-path={call.path}
    >
      <div className="call-head">
        <span className="mono call-id">{call.callId}</span>
        <span>{system}</span>
        <span className="muted">·</span>
        <span>{cru}</span>
        <span className="mono muted">part {call.partNumber}</span>
        <span className="sev" data-severity={call.severity}>
          {call.severity}
        </span>
        <span className="spacer" />
        <span className="call-path" data-testid={`service.call.${call.callId}.path`}>
          {pathLabel(call.path)}
        </span>
      </div>
      <p className="call-action">
        {call.action} <span className="muted">— {call.reason}</span>
      </p>
      <div className="call-steps">
        <Stepper steps={steps} label={`Lifecycle of ${call.callId}`} />
        <span className="muted call-due">
          {call.status === 'opened' || call.status === 'part-shipped'
            ? `part due ${formatSimTime(call.deliveryMs)}`
            : ''}
        </span>
      </div>
    </li>
  );
}

function HistoryRow({ call }: { call: ServiceCall }) {
  const system = useTwin((s) => systemName(s, call.systemId));
  const cru = useTwin((s) => componentLabel(s, call.componentId));
  const closedMs = call.history.find((h) => h.status === 'closed')?.timeMs ?? call.openedMs;
  return (
    <tr data-testid={`service.history.${call.callId}`}>
      <td className="mono">{call.callId}</td>
      <td>{system}</td>
      <td>{cru}</td>
      <td className="mono">{formatSimTime(call.openedMs)}</td>
      <td className="mono">{formatSimTime(closedMs)}</td>
      <td>{formatDuration(closedMs - call.openedMs)}</td>
      <td>{pathLabel(call.path)}</td>
    </tr>
  );
}

/** Each system's role in call home (ftGateway, backup, client) and its link switch. */
function CallHome() {
  const twin = useTwinInstance();
  const systems = useTwin((s) => s.systems);
  const { pending, outcome, run } = useCommand();
  return (
    <section className="mgmt-aside" aria-labelledby="service-callhome-title">
      <h3 className="mgmt-title" id="service-callhome-title">
        Call home (ftGateway)
      </h3>
      <ul className="callhome-list" data-testid="service.callhome">
        {systems.map((info) => {
          const name = systemName(twin.store.getState(), info.systemId);
          const g = info.gateway;
          return (
            <li
              key={info.systemId}
              className="callhome-row"
              data-testid={`service.gateway.${info.systemId}`}
            >
              <span className="callhome-name">{name}</span>
              <span
                className="badge"
                data-tone={g.role === 'gateway' ? 'busy' : 'off'}
                data-testid={`service.gateway.${info.systemId}.role`}
              >
                {GATEWAY_ROLE_LABELS[g.role] ?? g.role}
              </span>
              <label className="switch">
                <input
                  type="checkbox"
                  role="switch"
                  aria-checked={g.linkUp}
                  checked={g.linkUp}
                  disabled={pending}
                  data-testid={`service.link.${info.systemId}`}
                  onChange={(e) =>
                    void run(
                      { type: 'gatewayLink', target: info.systemId, up: e.target.checked },
                      `Call-home link of ${name} ${e.target.checked ? 'up' : 'down'}`,
                    )
                  }
                />
                <span>Link {g.linkUp ? 'up' : 'down'}</span>
                <span className="visually-hidden"> (call-home link of {name})</span>
              </label>
            </li>
          );
        })}
      </ul>
      <p className="muted mgmt-help">
        One ftGateway carries the calls of up to 20 systems; when its link fails the backup carries
        them; with neither, calls queue until a link is back.
      </p>
      <CommandOutcome outcome={outcome} testId="service.outcome" />
    </section>
  );
}
