/**
 * The 3D view, loaded on demand (three.js is the bulk of a twin). Without
 * WebGL, or if the 3D scene fails, the 2D front view takes its place, driven by the same
 * engine: the console and the component panel offer every action either way.
 */
import { Component, lazy, type ReactNode, Suspense } from 'react';
import { useTwin } from '../state/context.ts';

/** The 2D view loads only where it is needed (no WebGL, or the 3D scene failed). */
const RackSvg = lazy(() => import('../flat/RackSvg.tsx').then((m) => ({ default: m.RackSvg })));

function FlatView({ why }: { why: string }) {
  return (
    <>
      <Suspense fallback={null}>
        <RackSvg />
      </Suspense>
      <p className="scene-note" role="note" data-testid="scene.note">
        3D view unavailable ({why}): showing the 2D front view.
      </p>
    </>
  );
}

function NoWebGl() {
  return <FlatView why="WebGL is not available in this browser" />;
}

/** The 3D scene when the page's shared renderer could start, else the 2D view. */
const TwinScene = lazy(() =>
  import('../scene/TwinScene.tsx').then((m) => ({
    default: m.sharedRenderer() ? m.TwinScene : NoWebGl,
  })),
);

class SceneBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.error) return <FlatView why={this.state.error} />;
    return this.props.children;
  }
}

export function SceneArea() {
  const label = useTwin((s) => s.view.label);
  return (
    <section
      className="scene-area"
      aria-label={`${label}: 3D view of the rack`}
      aria-describedby="scene-description"
    >
      <p id="scene-description" className="visually-hidden">
        A 3D picture of the rack, its systems, parts and LEDs, drawn for the eye. Every part, its
        state and every action are also in the management console (the list of parts), which works
        with the keyboard and screen readers: use the skip link at the top to go there.
      </p>
      <SceneBoundary>
        <Suspense fallback={null}>
          <TwinScene />
        </Suspense>
      </SceneBoundary>
    </section>
  );
}
