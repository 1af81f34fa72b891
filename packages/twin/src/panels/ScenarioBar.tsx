/**
 * The loaded scenario: its title, the step playing, and Play / Stop. Shown in the embedded
 * layout when a page gave the twin a scenario.
 */
import { useTwin, useTwinInstance } from '../state/context.ts';

const STATUS_TEXT = {
  ready: 'ready',
  playing: 'playing',
  done: 'finished',
  stopped: 'stopped',
} as const;

export function ScenarioBar() {
  const twin = useTwinInstance();
  const scenario = useTwin((s) => s.scenario);
  if (!scenario) return null;
  const playing = scenario.status === 'playing';
  return (
    <div className="scenario-bar" data-testid="scenario">
      <span className="scenario-title">{scenario.title}</span>
      <span className="muted" data-testid="scenario.status">
        {playing ? `step ${scenario.step + 1} of ${scenario.steps}` : STATUS_TEXT[scenario.status]}
        {scenario.failed > 0 ? ` · ${scenario.failed} failed` : ''}
      </span>
      <button
        type="button"
        className="btn btn-small"
        data-testid="scenario.toggle"
        onClick={() => (playing ? twin.scenarioControl?.stop() : twin.scenarioControl?.play())}
      >
        {playing ? 'Stop' : scenario.status === 'ready' ? '▶ Play' : '▶ Play again'}
      </button>
    </div>
  );
}
