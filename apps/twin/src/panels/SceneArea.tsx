/**
 * The 3D view. If WebGL is missing or the scene throws, the rest of the app keeps working and
 * this area says so: the console offers every action the 3D view does.
 */
import { Component, type ReactNode } from 'react';
import { TwinScene } from '../scene/index.ts';

class SceneBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="scene-error" role="note">
          <p>
            <strong>The 3D view could not start</strong> ({this.state.error}).
          </p>
          <p className="muted">
            The simulation is still running: use the management console on the left to inspect
            components and act on them.
          </p>
        </div>
      );
    }
    return this.props.children;
  }
}

export function SceneArea() {
  return (
    <section className="scene-area" aria-label="3D view of the rack">
      <SceneBoundary>
        <TwinScene />
      </SceneBoundary>
    </section>
  );
}
