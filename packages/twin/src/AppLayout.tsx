/**
 * The full application. Wide (a desktop, a classroom projector, a 1024×768 laptop): header with
 * speed controls, the 3D rack in the middle, the management console on the left, the component
 * panel and system status on the right, tabs below (the lockstep view beside the event log;
 * service, Active Upgrade, SAM, SNMP traps, dumps), and a status bar; below 1280 px the tabs take
 * the full width. Narrow (a phone, a small tablet): the 3D view first, the panels in a drawer
 * (./CompactLayout.tsx). Either way a skip link leads to the console, the keyboard and
 * screen-reader path to every part, and a rack file can be opened or dropped on the page.
 */
import { lazy, Suspense, useRef } from 'react';
import { useNarrow } from './hooks/useNarrow.ts';
import { useRackDrop } from './hooks/useRackDrop.ts';
import { Announcer } from './panels/Announcer.tsx';
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
import { Tooltip } from './panels/Tooltip.tsx';
import { useTwin, useTwinInstance } from './state/context.ts';

const CompactLayout = lazy(() =>
  import('./CompactLayout.tsx').then((m) => ({ default: m.CompactLayout })),
);

/** Moves the focus to the console tree's current row (the skip link's target). */
export function focusConsole(root: HTMLElement | null): void {
  const row = root?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]');
  row?.focus();
}

export function AppLayout({ seed }: { seed: number }) {
  const shell = useRef<HTMLDivElement>(null);
  const narrow = useNarrow(shell);
  const twin = useTwinInstance();
  const drop = useRackDrop(twin);
  return (
    <div className="app-shell" ref={shell} data-dropping={drop.over} {...drop.handlers}>
      {narrow ? (
        <Suspense fallback={null}>
          <CompactLayout seed={seed} />
        </Suspense>
      ) : (
        <WideLayout seed={seed} />
      )}
      {drop.over ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop a rack configuration (JSON) to load it
        </div>
      ) : null}
      <Tooltip />
      <Announcer />
    </div>
  );
}

function WideLayout({ seed }: { seed: number }) {
  const rackName = useTwin((s) => s.rack?.config.name ?? 'loading…');
  const bottom = useTwin((s) => (s.bottomTab === 'overview' ? 'overview' : 'mgmt'));
  const root = useRef<HTMLDivElement>(null);
  return (
    <div className="app" data-bottom={bottom} ref={root}>
      <button
        type="button"
        className="skip-link"
        data-testid="skip-link"
        onClick={() => {
          focusConsole(root.current);
        }}
      >
        Skip to the management console
      </button>
      <header className="area-header header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <h1 className="brand-title">ftServer rack twin</h1>
          <span className="brand-rack muted" title={rackName}>
            {rackName}
          </span>
        </div>
        <SimClock />
        <SpeedControls />
        <OpenRack />
      </header>
      <nav className="area-console" id="console" aria-label="Management console">
        <ConsoleTree />
      </nav>
      <main className="area-scene">
        <SceneArea />
        <p className="scene-hint" aria-hidden="true">
          Hover a part for its state · click to select it · drag to turn · scroll to zoom
        </p>
        <div className="overlay-top">
          <Notice />
        </div>
        <Toasts />
      </main>
      <aside className="area-side" aria-label="Component and systems">
        <div className="side-component">
          <ComponentPanel />
        </div>
        <div className="side-status">
          <StatusPanel />
        </div>
      </aside>
      <section className="area-bottom" aria-label="Lockstep, event log and management">
        <BottomTabs />
      </section>
      <div className="area-statusbar">
        <StatusBar seed={seed} />
      </div>
    </div>
  );
}
