/**
 * The embedded twin (`<ft-twin>`, the iframe page, the comparison and classroom views): the 3D
 * view with a caption line and a small toolbar, the panels the page asked for beside it, and a
 * "Parts" drawer that is the keyboard and screen-reader path to every part and every action the
 * twin's interaction mode offers.
 */
import { lazy, Suspense, useState } from 'react';
import { Announcer } from './panels/Announcer.tsx';
import { Caption } from './panels/Caption.tsx';
import { Notice } from './panels/Notice.tsx';
import { PlayPause } from './panels/PlayPause.tsx';
import { ScenarioBar } from './panels/ScenarioBar.tsx';
import { SceneArea } from './panels/SceneArea.tsx';
import { Tooltip } from './panels/Tooltip.tsx';
import { useTwin } from './state/context.ts';

// Panels load only when a page shows them: a bare twin downloads none of them.
const ComponentPanel = lazy(() =>
  import('./panels/ComponentPanel.tsx').then((m) => ({ default: m.ComponentPanel })),
);
const ConsoleTree = lazy(() =>
  import('./panels/ConsoleTree.tsx').then((m) => ({ default: m.ConsoleTree })),
);
const EventLog = lazy(() => import('./panels/EventLog.tsx').then((m) => ({ default: m.EventLog })));
const LockstepView = lazy(() =>
  import('./panels/LockstepView.tsx').then((m) => ({ default: m.LockstepView })),
);
const StatusPanel = lazy(() =>
  import('./panels/StatusPanel.tsx').then((m) => ({ default: m.StatusPanel })),
);

export function EmbedLayout() {
  const panels = useTwin((s) => s.view.panels);
  const label = useTwin((s) => s.view.label);
  const selected = useTwin((s) => s.selectedId !== null);
  const [partsOpen, setPartsOpen] = useState(false);
  const drawer = partsOpen || selected;
  const showConsole = panels.includes('console');
  return (
    <div className="embed" data-panels={panels.length > 0 ? 'yes' : 'no'} part="layout">
      <div className="embed-stage" part="stage">
        <SceneArea />
        <div className="overlay-top">
          <Notice />
        </div>
        <Caption />
        <div className="embed-toolbar" role="toolbar" aria-label={`${label} controls`}>
          <PlayPause />
          <ScenarioBar />
          {showConsole ? null : (
            <button
              type="button"
              className="btn btn-small embed-parts-btn"
              aria-expanded={drawer}
              aria-controls="embed-drawer"
              data-testid="embed.parts"
              onClick={() => setPartsOpen((open) => !open)}
            >
              Parts
            </button>
          )}
        </div>
        {drawer ? (
          <Suspense fallback={null}>
            <div
              className="embed-drawer"
              id="embed-drawer"
              part="drawer"
              data-testid="embed.drawer"
            >
              {showConsole ? null : (
                <nav className="embed-drawer-list" aria-label="Parts of the rack">
                  <ConsoleTree />
                </nav>
              )}
              {selected ? <ComponentPanel /> : null}
              {!selected ? (
                <button
                  type="button"
                  className="btn btn-small embed-drawer-close"
                  onClick={() => setPartsOpen(false)}
                >
                  Close
                </button>
              ) : null}
            </div>
          </Suspense>
        ) : null}
      </div>
      {panels.length > 0 ? (
        <Suspense fallback={null}>
          <div className="embed-panels" part="panels">
            {panels.includes('status') ? <StatusPanel /> : null}
            {showConsole ? (
              <nav className="embed-console" aria-label="Management console">
                <ConsoleTree />
              </nav>
            ) : null}
            {panels.includes('lockstep') ? <LockstepView /> : null}
            {panels.includes('log') ? <EventLog /> : null}
          </div>
        </Suspense>
      ) : null}
      <Tooltip />
      <Announcer />
    </div>
  );
}
