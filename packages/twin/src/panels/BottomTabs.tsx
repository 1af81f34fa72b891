/**
 * The bottom area as tabs: the lockstep view beside the event log, then the management panels
 * (ActiveService, Active Upgrade, SAM, SNMP traps, dumps), each given the full width. Arrow
 * keys, Home and End move between tabs (WAI-ARIA tabs pattern). The overview stays mounted
 * (its lanes keep their history); the other panels mount when shown.
 */
import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import type { BottomTab } from '../state/store.ts';
import { useTwin, useTwinInstance } from '../state/context.ts';
import { DumpsPanel } from './DumpsPanel.tsx';
import { EventLog } from './EventLog.tsx';
import { LockstepView } from './LockstepView.tsx';
import { SamPanel } from './SamPanel.tsx';
import { ServicePanel } from './ServicePanel.tsx';
import { TrapsPanel } from './TrapsPanel.tsx';
import { UpgradePanel } from './UpgradePanel.tsx';

const TABS: readonly { id: BottomTab; label: string }[] = [
  { id: 'overview', label: 'Lockstep & log' },
  { id: 'service', label: 'Service' },
  { id: 'upgrade', label: 'Active Upgrade' },
  { id: 'sam', label: 'SAM' },
  { id: 'traps', label: 'SNMP traps' },
  { id: 'dumps', label: 'Dumps' },
];

const PANELS: Readonly<Record<Exclude<BottomTab, 'overview'>, () => ReactNode>> = {
  service: () => <ServicePanel />,
  upgrade: () => <UpgradePanel />,
  sam: () => <SamPanel />,
  traps: () => <TrapsPanel />,
  dumps: () => <DumpsPanel />,
};

export function BottomTabs() {
  const twin = useTwinInstance();
  const tab = useTwin((s) => s.bottomTab);
  const openCalls = useTwin((s) => s.serviceCalls.filter((c) => c.status !== 'closed').length);
  const writing = useTwin((s) => s.dumps.filter((d) => d.completedMs === null).length);
  const upgrading = useTwin(
    (s) => s.systems.find((k) => k.upgrade.state !== 'Idle')?.upgrade.state ?? null,
  );
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKey = (e: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % TABS.length,
      ArrowLeft: (index - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    twin.ui.showTab(TABS[next].id);
    refs.current[next]?.focus();
  };

  /** A short note on a tab (shown) and its meaning (for screen readers). */
  const badge = (id: BottomTab): [string, string] | null => {
    if (id === 'service' && openCalls > 0) return [String(openCalls), ' open calls'];
    if (id === 'dumps' && writing > 0) return [String(writing), ' being written'];
    if (id === 'upgrade' && upgrading) return [upgrading, ''];
    return null;
  };

  return (
    <div className="bottom-tabs">
      <div className="tablist" role="tablist" aria-label="Bottom panels">
        {TABS.map((t, i) => {
          const note = badge(t.id);
          return (
            <button
              key={t.id}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              className="tab"
              aria-selected={tab === t.id}
              aria-controls={`tabpanel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              data-testid={`tab.${t.id}`}
              onClick={() => twin.ui.showTab(t.id)}
              onKeyDown={(e) => onKey(e, i)}
            >
              {t.label}
              {note ? (
                <span className="tab-note">
                  {note[0]}
                  {note[1] ? <span className="visually-hidden">{note[1]}</span> : null}
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <div
        className="tabpanel tabpanel-overview"
        role="tabpanel"
        id="tabpanel-overview"
        aria-labelledby="tab-overview"
        hidden={tab !== 'overview'}
      >
        <LockstepView />
        <EventLog />
      </div>
      {tab !== 'overview' ? (
        <div
          className="tabpanel tabpanel-mgmt"
          role="tabpanel"
          id={`tabpanel-${tab}`}
          aria-labelledby={`tab-${tab}`}
        >
          {PANELS[tab]()}
        </div>
      ) : null}
    </div>
  );
}
