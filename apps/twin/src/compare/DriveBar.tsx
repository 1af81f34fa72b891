/**
 * The comparison's time controls, for all three twins at once: pause and speeds, skip to the next
 * event, run (or stop) a year, the simulated clock (written by the live loop, not React) and the
 * year run's progress.
 */
import type { RefObject } from 'react';
import type { YearProgress } from './drive.ts';
import { formatDuration } from './format.ts';

const SPEEDS = [1, 10, 100, 1000] as const;

export interface DriveBarProps {
  speed: number;
  disabled: boolean;
  yearRunning: boolean;
  /** The seed whose fault schedule a year runs. */
  seed: number;
  yearProgress: YearProgress | null;
  clockRef: RefObject<HTMLSpanElement | null>;
  reachedRef: RefObject<HTMLSpanElement | null>;
  onSpeed(speed: number): void;
  onSkip(): void;
  onYear(): void;
  onStopYear(): void;
}

export function DriveBar({
  speed,
  disabled,
  yearRunning,
  seed,
  yearProgress,
  clockRef,
  reachedRef,
  onSpeed,
  onSkip,
  onYear,
  onStopYear,
}: DriveBarProps) {
  return (
    <>
      <div className="cmp-drive" role="toolbar" aria-label="Time, for all three twins">
        <fieldset className="cmp-speeds">
          <legend className="visually-hidden">Speed</legend>
          <button
            type="button"
            className="cmp-btn"
            aria-pressed={speed === 0}
            disabled={disabled}
            onClick={() => onSpeed(0)}
            data-testid="compare.speed.0"
          >
            Pause
          </button>
          {SPEEDS.map((s) => (
            <button
              key={s}
              type="button"
              className="cmp-btn"
              aria-pressed={speed === s}
              disabled={disabled}
              onClick={() => onSpeed(s)}
              data-testid={`compare.speed.${s}`}
            >
              {s}×
            </button>
          ))}
        </fieldset>
        <button
          type="button"
          className="cmp-btn"
          disabled={disabled}
          onClick={onSkip}
          title="Each twin skips quiet time to its next scheduled event; all three meet at the latest of them"
          data-testid="compare.skip"
        >
          Skip to next event
        </button>
        {yearRunning ? (
          <button
            type="button"
            className="cmp-btn"
            onClick={onStopYear}
            data-testid="compare.year.cancel"
          >
            Stop the year
          </button>
        ) : (
          <button
            type="button"
            className="cmp-btn cmp-btn-primary"
            disabled={disabled}
            onClick={onYear}
            title={`Fresh twins, then a year of the fault schedule of seed ${seed}, by time warp`}
            data-testid="compare.year.run"
          >
            Run a year
          </button>
        )}
        <div className="cmp-clock">
          <span className="cmp-clock-label">Simulated time</span>
          <span className="cmp-clock-value" ref={clockRef} data-testid="compare.clock">
            00:00:00
          </span>
          <span className="cmp-reached" ref={reachedRef} />
        </div>
      </div>
      {yearProgress ? (
        <div className="cmp-progress" data-testid="compare.year.progress">
          <progress
            max={yearProgress.durationMs}
            value={yearProgress.timeMs}
            aria-label="Year run"
          />
          <span>
            {formatDuration(yearProgress.timeMs)} of a year · fault {yearProgress.faultsDone} of{' '}
            {yearProgress.faults}
          </span>
        </div>
      ) : null}
    </>
  );
}
