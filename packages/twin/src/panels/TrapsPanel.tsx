/**
 * SNMP traps: every trap the agent sent (newest first) with its OID, trap name, component,
 * previous → current state and reason; the variable bindings open per trap. Filter by system.
 */
import type { TrapEvent } from '@ft/engine';
import { useMemo, useState } from 'react';
import { formatSimTime } from '../model/format.ts';
import { eventRowKey } from '../model/rowKey.ts';
import { MIB_PATH, trapName, trapRecords } from '../model/traps.ts';
import { componentLabel, opStateName, systemName } from '../state/names.ts';
import { useTwin } from '../state/context.ts';

const ROWS_SHOWN = 200;
/** Varbinds whose value is an OpState number: shown with its name. */
const STATE_COLUMNS = new Set(['ftCompPrevOpState', 'ftCompOpState']);

export function TrapsPanel() {
  const events = useTwin((s) => s.events);
  const rack = useTwin((s) => s.rack);
  const [systemId, setSystemId] = useState('');
  const traps = useMemo(() => trapRecords(events, systemId, ROWS_SHOWN), [events, systemId]);
  return (
    <div className="mgmt-single" data-testid="traps">
      <div className="mgmt-toolbar">
        <h3 className="mgmt-title">SNMP traps</h3>
        <label>
          <span className="visually-hidden">System</span>
          <select
            className="select"
            data-testid="traps.system"
            value={systemId}
            onChange={(e) => setSystemId(e.target.value)}
          >
            <option value="">All systems</option>
            {rack?.systems.map((s) => (
              <option key={s.config.id} value={s.config.id}>
                {s.config.name}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="traps.count">
          {traps.length} {traps.length === 1 ? 'trap' : 'traps'}
        </span>
        <span className="spacer" />
        <span className="muted mgmt-help-inline">
          MIB: <code>{MIB_PATH}</code>
        </span>
      </div>
      {traps.length === 0 ? (
        <p className="muted mgmt-empty">
          No traps yet. The agent sends one whenever a component changes state (broken, fixed,
          removed, inserted or any other change); their objects are defined in {MIB_PATH}.
        </p>
      ) : (
        <ol className="trap-list" data-testid="traps.list" aria-label="Traps, newest first">
          {traps.map((t) => (
            <TrapRow key={eventRowKey(t)} trap={t} />
          ))}
        </ol>
      )}
    </div>
  );
}

function TrapRow({ trap }: { trap: TrapEvent }) {
  const component = useTwin((s) => (trap.componentId ? componentLabel(s, trap.componentId) : ''));
  const system = useTwin((s) => systemName(s, trap.systemId));
  return (
    <li
      className="trap"
      data-testid="traps.row"
      data-trap={trap.trap}
      data-component={trap.componentId ?? ''}
    >
      <details>
        <summary>
          <span className="mono event-time">{formatSimTime(trap.timeMs)}</span>
          <span className="mono trap-oid" data-testid="traps.oid">
            {trap.oid}
          </span>
          <span className="trap-name">{trapName(trap.trap)}</span>
          <span className="event-where">
            {system} · {component}
          </span>
          <span className="trap-states">
            {opStateName(trap.from)} → {opStateName(trap.to)}
          </span>
          <span className="muted trap-reason">{trap.reason}</span>
        </summary>
        <table className="mgmt-table varbinds" data-testid="traps.varbinds">
          <thead>
            <tr>
              <th scope="col">Object</th>
              <th scope="col">OID</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {trap.varbinds.map((v) => (
              <tr key={v.oid}>
                <td>{v.name}</td>
                <td className="mono">{v.oid}</td>
                <td className="mono">
                  {String(v.value)}
                  {STATE_COLUMNS.has(v.name) && typeof v.value === 'number' ? (
                    <span className="muted"> ({opStateName(v.value)})</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </li>
  );
}
