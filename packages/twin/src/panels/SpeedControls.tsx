/**
 * Simulation speed: pause, single step, slow motion (to follow the voter), real time and faster.
 * The pressed button is the current speed (aria-pressed).
 */
import { useTwin, useTwinInstance } from '../state/context.ts';

/** Simulated time one press of Step advances: a handful of voter compares (about 8). */
export const STEP_SIM_MS = 0.25;

const SPEEDS: readonly { speed: number; label: string; testId: string; title: string }[] = [
  {
    speed: 0.01,
    label: '0.01×',
    testId: 'speed.0.01',
    title: 'Slow motion: one hundredth of real time',
  },
  { speed: 0.1, label: '0.1×', testId: 'speed.0.1', title: 'Slow motion: one tenth of real time' },
  { speed: 1, label: '1×', testId: 'speed.1', title: 'Real time' },
  { speed: 10, label: '10×', testId: 'speed.10', title: 'Ten times real time' },
  { speed: 100, label: '100×', testId: 'speed.100', title: 'A hundred times real time' },
  { speed: -1, label: 'Max', testId: 'speed.max', title: 'As fast as the engine can run' },
];

export function SpeedControls() {
  const twin = useTwinInstance();
  const speed = useTwin((s) => s.speed);
  const running = useTwin((s) => s.workerStatus === 'running');
  return (
    <fieldset className="speed">
      <legend className="visually-hidden">Simulation speed</legend>
      <button
        type="button"
        className="btn"
        data-testid="speed.pause"
        aria-pressed={speed === 0}
        disabled={!running}
        title="Pause the simulation"
        onClick={() => void twin.engine.setSpeed(0)}
      >
        <span aria-hidden="true">❚❚</span> Pause
      </button>
      <button
        type="button"
        className="btn"
        data-testid="speed.step"
        disabled={!running}
        title={`Pause and advance ${STEP_SIM_MS} ms of simulated time`}
        onClick={async () => {
          if (speed !== 0) await twin.engine.setSpeed(0);
          await twin.engine.step(STEP_SIM_MS);
        }}
      >
        Step
      </button>
      <span className="speed-sep" aria-hidden="true" />
      {SPEEDS.map((s) => (
        <button
          key={s.testId}
          type="button"
          className="btn"
          data-testid={s.testId}
          aria-pressed={speed === s.speed}
          disabled={!running}
          title={s.title}
          onClick={() => void twin.engine.setSpeed(s.speed)}
        >
          {s.label}
        </button>
      ))}
    </fieldset>
  );
}
