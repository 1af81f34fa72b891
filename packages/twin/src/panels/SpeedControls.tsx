/**
 * Simulation speed: pause, single step, skip to the next event (time warp: a part delivery four
 * hours away takes one click), slow motion (to follow the voter), real time and faster. The
 * pressed button is the current speed (aria-pressed).
 */
import { useState } from 'react';
import { formatDuration, formatSimTime } from '../model/format.ts';
import { MAX_STEP_MS } from '../api/validate.ts';
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
  const [skipped, setSkipped] = useState('');
  const [skipping, setSkipping] = useState(false);
  const skip = async () => {
    setSkipping(true);
    try {
      twin.engine.refreshSnapshot();
      const from = twin.live.views ? twin.live.views.clock[0] : 0;
      const to = await twin.engine.jumpToNextEvent(MAX_STEP_MS);
      setSkipped(
        to - from >= MAX_STEP_MS
          ? `Nothing is scheduled in the next day: skipped a day of quiet time to ${formatSimTime(to)}.`
          : `Skipped ${formatDuration(to - from)} of quiet time to the next event, at ${formatSimTime(to)}.`,
      );
    } catch (error) {
      setSkipped(error instanceof Error ? error.message : String(error));
    } finally {
      setSkipping(false);
    }
  };
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
          await twin.engine.step(STEP_SIM_MS).catch(() => {});
        }}
      >
        Step
      </button>
      <button
        type="button"
        className="btn"
        data-testid="speed.skip"
        disabled={!running || skipping}
        title="Skip quiet simulated time to the next scheduled event (a resync phase ending, a part delivered, a repair): time warp, up to one day"
        aria-label="Skip to next event"
        onClick={() => void skip()}
      >
        {/* One flex item, so that the words keep their own space (the gap spaces the icon). */}
        <span>
          Skip<span className="btn-long"> to next event</span>
        </span>
        {/* Drawn, not a font glyph: many system fonts lack U+23ED and show a box. */}
        <svg className="btn-icon" width="12" height="10" viewBox="0 0 12 10" aria-hidden="true">
          <path d="M0 0l5 5-5 5zM5 0l5 5-5 5z" fill="currentColor" />
          <rect x="10" y="0" width="2" height="10" fill="currentColor" />
        </svg>
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
      <span className="visually-hidden" role="status" data-testid="speed.skipped">
        {skipped}
      </span>
    </fieldset>
  );
}
