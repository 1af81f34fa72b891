/**
 * The event log: simulated time, system, component, severity and message, newest first, with
 * filters by severity, system and text. The app keeps the newest EVENT_LOG_CAP events; the
 * list shows the first ROWS_SHOWN matches so that a busy engine never stalls the page.
 */
import type { Severity } from '@ft/engine';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { type EventFilter, filterEvents } from '../model/events.ts';
import { formatSimTime } from '../model/format.ts';
import { eventRowKey } from '../model/rowKey.ts';
import { SEVERITIES } from '../model/labels.ts';
import { useTwin } from '../state/context.ts';

const ROWS_SHOWN = 300;

export function EventLog() {
  const events = useTwin((s) => s.events);
  const rack = useTwin((s) => s.rack);
  const components = useTwin((s) => s.components);
  const [filter, setFilter] = useState<EventFilter>({
    minSeverity: 'info',
    systemId: '',
    text: '',
    traps: false,
  });
  const deferred = useDeferredValue(filter);
  const shown = useMemo(() => filterEvents(events, deferred, ROWS_SHOWN), [events, deferred]);
  const ids = useId();
  const systemNames = useMemo(
    () => new Map(rack?.systems.map((s) => [s.config.id, s.config.name]) ?? []),
    [rack],
  );

  return (
    <section className="panel" aria-labelledby={`${ids}-title`} data-testid="event-log">
      <h2 className="panel-title" id={`${ids}-title`}>
        Event log
        <span className="spacer" />
        <span className="event-count" data-testid="event-count">
          {shown.length < events.length ? `${shown.length} of ${events.length}` : events.length}{' '}
          events
        </span>
      </h2>
      <div className="event-filters">
        <label>
          <span className="visually-hidden">Lowest severity</span>
          <select
            className="select"
            data-testid="event-log.severity"
            value={filter.minSeverity}
            onChange={(e) => setFilter({ ...filter, minSeverity: e.target.value as Severity })}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s === 'info' ? 'All severities' : `${s} and worse`}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">System</span>
          <select
            className="select"
            data-testid="event-log.system"
            value={filter.systemId}
            onChange={(e) => setFilter({ ...filter, systemId: e.target.value })}
          >
            <option value="">All systems</option>
            {rack?.systems.map((s) => (
              <option key={s.config.id} value={s.config.id}>
                {s.config.name}
              </option>
            ))}
          </select>
        </label>
        <label className="event-search">
          <span className="visually-hidden">Search the log</span>
          <input
            className="input"
            type="search"
            placeholder="Search…"
            data-testid="event-log.text"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          />
        </label>
        <label className="event-traps">
          <input
            type="checkbox"
            data-testid="event-log.traps"
            checked={filter.traps === true}
            onChange={(e) => setFilter({ ...filter, traps: e.target.checked })}
          />
          <span>SNMP traps</span>
        </label>
      </div>
      {/* Scrolls: focusable so that keyboard users can scroll it (WCAG 2.1.1). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus */}
      <section className="panel-body" tabIndex={0} aria-label="Event log entries">
        <ol className="event-list" aria-label="Events, newest first">
          {shown.map((e) => (
            <li key={eventRowKey(e)} className="event" data-severity={e.severity}>
              <span className="mono event-time">{formatSimTime(e.timeMs)}</span>
              <span className="sev" data-severity={e.severity}>
                {e.severity}
              </span>
              <span className="event-where">
                {e.systemId ? (systemNames.get(e.systemId) ?? e.systemId) : 'rack'}
                {e.componentId ? ` · ${components[e.componentId]?.label ?? e.componentId}` : ''}
              </span>
              <span className="event-message">{e.message}</span>
            </li>
          ))}
        </ol>
        {shown.length === 0 ? <p className="event-empty muted">No events yet.</p> : null}
      </section>
    </section>
  );
}
