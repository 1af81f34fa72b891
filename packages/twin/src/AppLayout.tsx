/**
 * The page: header with speed controls, the 3D rack in the middle, the management console on
 * the left, the component panel and system status on the right, tabs below (the lockstep view
 * beside the event log; service, Active Upgrade, SAM, SNMP traps, dumps), and a status bar.
 */
import { Announcer } from './panels/Announcer.tsx';
import { ComponentPanel } from './panels/ComponentPanel.tsx';
import { ConsoleTree } from './panels/ConsoleTree.tsx';
import { BottomTabs } from './panels/BottomTabs.tsx';
import { Notice } from './panels/Notice.tsx';
import { SceneArea } from './panels/SceneArea.tsx';
import { SimClock } from './panels/SimClock.tsx';
import { SpeedControls } from './panels/SpeedControls.tsx';
import { StatusBar } from './panels/StatusBar.tsx';
import { StatusPanel } from './panels/StatusPanel.tsx';
import { Toasts } from './panels/Toasts.tsx';
import { Tooltip } from './panels/Tooltip.tsx';
import { useTwin } from './state/context.ts';

export function AppLayout({ seed }: { seed: number }) {
  const rackName = useTwin((s) => s.rack?.config.name ?? 'loading…');
  const bottom = useTwin((s) => (s.bottomTab === 'overview' ? 'overview' : 'mgmt'));
  return (
    <div className="app" data-bottom={bottom}>
      <header className="area-header header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <h1 className="brand-title">ftServer rack twin</h1>
          <span className="brand-rack muted">{rackName}</span>
        </div>
        <SimClock />
        <SpeedControls />
      </header>
      <nav className="area-console" aria-label="Management console">
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
      <div className="area-bottom">
        <BottomTabs />
      </div>
      <div className="area-statusbar">
        <StatusBar seed={seed} />
      </div>
      <Tooltip />
      <Announcer />
    </div>
  );
}
