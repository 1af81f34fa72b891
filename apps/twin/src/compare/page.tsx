/**
 * Entry of the comparison page (`?demo=compare`, routes.ts): reads the parameters and renders
 * the page. `window.ftCompare` exposes the three twins' APIs for scripts and the e2e tests.
 */
import type { FtTwin } from '@ft/twin';
import { presetNames } from '@ft/hardware';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComparePage } from './ComparePage.tsx';
import { parseCompareParams } from './params.ts';
import type { CompareSession } from './session.ts';
import type { Architecture } from './serviceTracker.ts';
import './compare.css';

/** What `window.ftCompare` offers. */
export interface FtCompare {
  twins: Record<Architecture, FtTwin>;
  /** Simulated downtime of each architecture's services so far, ms (from their events). */
  downtimeMs(): Record<Architecture, number>;
  ready(): Promise<void>;
}

declare global {
  interface Window {
    ftCompare?: FtCompare;
  }
}

function expose(session: CompareSession | null): void {
  if (!session) {
    delete window.ftCompare;
    return;
  }
  window.ftCompare = {
    twins: {
      ftserver: session.handles.ftserver.api,
      cluster: session.handles.cluster.api,
      conventional: session.handles.conventional.api,
    },
    downtimeMs: () => ({
      ftserver: session.trackers.ftserver.downtimeMs(session.clock('ftserver')),
      cluster: session.trackers.cluster.downtimeMs(session.clock('cluster')),
      conventional: session.trackers.conventional.downtimeMs(session.clock('conventional')),
    }),
    ready: () => session.ready(),
  };
}

export function mount(root: HTMLElement, query: URLSearchParams): void {
  const names = presetNames();
  const params = parseCompareParams(query, names);
  document.documentElement.classList.add('ft-scroll-page');
  document.title = 'ftServer vs failover cluster vs conventional server';
  createRoot(root).render(
    <StrictMode>
      <ComparePage params={params} presetNames={names} onSession={expose} />
    </StrictMode>,
  );
}
