/**
 * What a twin shows, by layout: the full application (console, panels, tabs, status bar around
 * the 3D view) or the embedded view (the 3D view with the panels a page chose). Both load lazily,
 * so a page embedding a twin never downloads the application's panels.
 */
import { lazy, Suspense } from 'react';
import { useTwin } from './state/context.ts';

const AppLayout = lazy(() => import('./AppLayout.tsx').then((m) => ({ default: m.AppLayout })));
const EmbedLayout = lazy(() =>
  import('./EmbedLayout.tsx').then((m) => ({ default: m.EmbedLayout })),
);

export function TwinView({ seed }: { seed: number }) {
  const layout = useTwin((s) => s.view.layout);
  return (
    <Suspense fallback={null}>
      {layout === 'app' ? <AppLayout seed={seed} /> : <EmbedLayout />}
    </Suspense>
  );
}
