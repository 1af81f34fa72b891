/**
 * The speed the engine actually reaches, measured from the simulated clock against the wall
 * clock, and how the status bar words it when it falls short of the speed asked for (a big rack
 * on a slow machine cannot run 100× real time). Pure: the samples are passed in.
 */

/** One reading of the simulated clock and the wall clock, in ms. */
export interface ClockSample {
  wallMs: number;
  simMs: number;
}

/** Wall time the reached speed is measured over. */
export const SPEED_WINDOW_MS = 2000;
/** Below this share of the speed asked, the status bar shows the speed reached too. */
export const SHORTFALL_RATIO = 0.9;

/**
 * Simulated time over wall time across the samples (oldest to newest), or null when they span
 * too little wall time to say.
 *
 * @example
 * reachedSpeed([{ wallMs: 0, simMs: 0 }, { wallMs: 1000, simMs: 22_000 }]); // 22
 */
export function reachedSpeed(samples: readonly ClockSample[]): number | null {
  if (samples.length < 2) return null;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const wall = last.wallMs - first.wallMs;
  if (wall < SPEED_WINDOW_MS / 4) return null;
  return Math.max(0, (last.simMs - first.simMs) / wall);
}

/** A speed multiplier in a few characters: 0.01×, 0.1×, 1×, 22×, 1,240×. */
export function formatSpeed(speed: number): string {
  if (speed >= 10) return `${Math.round(speed).toLocaleString('en-US')}×`;
  if (speed >= 1) return `${Number(speed.toFixed(1))}×`;
  return `${Number(speed.toPrecision(2))}×`;
}

/**
 * The status bar's speed: what was asked, and what is reached when that falls short.
 *
 * @example
 * speedText(100, 22);   // 'speed 100× · reached 22×'
 * speedText(-1, 95);    // 'speed max · reached 95×'
 * speedText(10, 10.02); // 'speed 10×'
 */
export function speedText(asked: number, reached: number | null): string {
  if (asked === 0) return 'paused';
  const base = asked < 0 ? 'speed max' : `speed ${formatSpeed(asked)}`;
  if (reached === null) return base;
  if (asked < 0 || reached < asked * SHORTFALL_RATIO)
    return `${base} · reached ${formatSpeed(reached)}`;
  return base;
}

/** Keeps the samples of the last {@link SPEED_WINDOW_MS}, newest last. */
export function keepWindow(samples: ClockSample[], sample: ClockSample): ClockSample[] {
  const kept = samples.filter((s) => sample.wallMs - s.wallMs <= SPEED_WINDOW_MS);
  // A clock that went back (a new rack loaded) starts a new measurement.
  if (kept.length > 0 && sample.simMs < kept[kept.length - 1].simMs) return [sample];
  kept.push(sample);
  return kept;
}
