/**
 * The full application on a phone or a small tablet: the 3D view first, the speed controls under
 * it, and every panel in a drawer at the bottom (Parts, the selected part, Systems, Lockstep & log,
 * Manage), opened by its tabs; picking a part in the 3D view opens the drawer on it. The same
 * panels as the wide layout, one at a time.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { focusConsole } from './AppLayout.tsx';
import { BottomTabs } from './panels/BottomTabs.tsx';
import { ComponentPanel } from './panels/ComponentPanel.tsx';
import { ConsoleTree } from './panels/ConsoleTree.tsx';
import { Notice } from './panels/Notice.tsx';
import { OpenRack } from './panels/OpenRack.tsx';
import { SceneArea } from './panels/SceneArea.tsx';
import { SimClock } from './panels/SimClock.tsx';
import { SpeedControls } from './panels/SpeedControls.tsx';
import { StatusBar } from './panels/StatusBar.tsx';
import { StatusPanel } from './panels/StatusPanel.tsx';
import { Toasts } from './panels/Toasts.tsx';
import { useTwin } from './state/context.ts';

type DrawerTab = 'parts' | 'part' | 'systems' | 'manage';

const DRAWER_TABS: readonly { id: DrawerTab; label: string }[] = [
  { id: 'parts', label: 'Parts' },
  { id: 'part', label: 'Selected part' },
  { id: 'systems', label: 'Systems' },
  { id: 'manage', label: 'Lockstep & more' },
];

export function CompactLayout({ seed }: { seed: number }) {
  const selectedId = useTwin((s) => s.selectedId);
  const [tab, setTab] = useState<DrawerTab>('parts');
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  // A part picked in the 3D view (or the list) opens the drawer on it.
  useEffect(() => {
    if (!selectedId) return;
    setTab('part');
    setOpen(true);
  }, [selectedId]);

  const show = (id: DrawerTab) => {
    if (open && tab === id) setOpen(false);
    else {
      setTab(id);
      setOpen(true);
    }
  };
  const onKey = (e: KeyboardEvent, index: number) => {
    const n = DRAWER_TABS.length;
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % n,
      ArrowLeft: (index - 1 + n) % n,
      Home: 0,
      End: n - 1,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setTab(DRAWER_TABS[next].id);
    setOpen(true);
    tabs.current[next]?.focus();
  };

  return (
    <div className="app-compact" ref={root} data-drawer={open ? 'open' : 'closed'}>
      <button
        type="button"
        className="skip-link"
        data-testid="skip-link"
        onClick={() => {
          setTab('parts');
          setOpen(true);
          requestAnimationFrame(() => focusConsole(root.current));
        }}
      >
        Skip to the list of parts
      </button>
      <header className="c-header">
        <span className="brand-mark" aria-hidden="true" />
        <h1 className="brand-title">ftServer twin</h1>
        <SimClock />
      </header>
      <main className="c-scene">
        <SceneArea />
        <div className="overlay-top">
          <Notice />
        </div>
        <Toasts />
      </main>
      <section className="c-controls" aria-label="Simulation controls">
        <SpeedControls />
        <OpenRack />
      </section>
      <section className="c-drawer" aria-label="Panels">
        <div className="c-tabs" role="tablist" aria-label="Panels">
          {DRAWER_TABS.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`drawer-tab-${t.id}`}
              className="tab"
              aria-selected={open && tab === t.id}
              aria-controls="drawer-panel"
              aria-expanded={open && tab === t.id}
              tabIndex={tab === t.id ? 0 : -1}
              data-testid={`drawer.${t.id}`}
              onClick={() => show(t.id)}
              onKeyDown={(e) => onKey(e, i)}
            >
              {t.label}
            </button>
          ))}
        </div>
        {open ? (
          <div
            className="c-panel"
            role="tabpanel"
            id="drawer-panel"
            aria-labelledby={`drawer-tab-${tab}`}
            data-testid="drawer.panel"
          >
            {tab === 'parts' ? (
              <nav className="c-console" id="console" aria-label="Management console">
                <ConsoleTree />
              </nav>
            ) : tab === 'part' ? (
              <ComponentPanel />
            ) : tab === 'systems' ? (
              <StatusPanel />
            ) : (
              <BottomTabs />
            )}
          </div>
        ) : null}
      </section>
      <div className="c-statusbar">
        <StatusBar seed={seed} />
      </div>
    </div>
  );
}
