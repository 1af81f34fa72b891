/** Formatting of simulated times, durations and availability for the panels. */

const MS_PER_S = 1000;
const MS_PER_MIN = 60 * MS_PER_S;
const MS_PER_H = 60 * MS_PER_MIN;
const MS_PER_DAY = 24 * MS_PER_H;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Simulated time as `hh:mm:ss.mmm`, prefixed with days (`12d 03:04:05.678`) past 24 hours.
 *
 * @example
 * formatSimTime(3_723_456); // '01:02:03.456'
 */
export function formatSimTime(timeMs: number): string {
  const t = Math.max(0, Math.floor(Number.isFinite(timeMs) ? timeMs : 0));
  const days = Math.floor(t / MS_PER_DAY);
  const h = Math.floor((t % MS_PER_DAY) / MS_PER_H);
  const m = Math.floor((t % MS_PER_H) / MS_PER_MIN);
  const s = Math.floor((t % MS_PER_MIN) / MS_PER_S);
  const ms = t % MS_PER_S;
  const clock = `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms, 3)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

/**
 * A duration in its two largest units, for uptime and downtime.
 *
 * @example
 * formatDuration(90_061_000); // '1 d 1 h'
 */
export function formatDuration(ms: number): string {
  const t = Math.max(0, Number.isFinite(ms) ? ms : 0);
  if (t < MS_PER_MIN) return `${(t / MS_PER_S).toFixed(t < 10 * MS_PER_S ? 1 : 0)} s`;
  const units: [string, number][] = [
    ['y', 365 * MS_PER_DAY],
    ['d', MS_PER_DAY],
    ['h', MS_PER_H],
    ['min', MS_PER_MIN],
    ['s', MS_PER_S],
  ];
  const first = units.findIndex(([, size]) => t >= size);
  const [bigName, bigSize] = units[first];
  const [smallName, smallSize] = units[first + 1];
  const big = Math.floor(t / bigSize);
  const small = Math.floor((t % bigSize) / smallSize);
  return small > 0 ? `${big} ${bigName} ${small} ${smallName}` : `${big} ${bigName}`;
}

/**
 * Availability as a percentage with enough decimals to show the nines.
 *
 * @example
 * formatAvailability(0.999991); // '99.9991%'
 */
export function formatAvailability(availability: number): string {
  const a = Math.min(1, Math.max(0, availability));
  if (a === 1) return '100%';
  const nines = countNines(a);
  const decimals = Math.min(6, Math.max(2, nines + 1 - 2));
  const text = (a * 100).toFixed(decimals);
  // Never round up to a misleading 100%.
  return text.startsWith('100') ? `${(99.999999).toFixed(decimals)}%` : `${text}%`;
}

/**
 * How many nines an availability has: 0.99 → 2, 0.99995 → 4. Infinity with no downtime.
 *
 * @example
 * countNines(0.99999); // 5
 */
export function countNines(availability: number): number {
  if (availability >= 1) return Number.POSITIVE_INFINITY;
  if (availability <= 0) return 0;
  // The epsilon absorbs floating-point noise (1 - 0.99999 is not exactly 1e-5).
  return Math.max(0, Math.floor(-Math.log10(1 - availability) + 1e-9));
}

/** Label for the nines: '5 nines', 'no downtime'. */
export function ninesLabel(availability: number): string {
  const n = countNines(availability);
  if (!Number.isFinite(n)) return 'no downtime';
  return n === 1 ? '1 nine' : `${n} nines`;
}

/** Thousands separators for counters. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * The version number at the end of a product string, as `v4.0.0`; the string itself otherwise.
 *
 * @example
 * shortVersion('ftServer System Software 4.0.0'); // 'v4.0.0'
 */
export function shortVersion(text: string): string {
  const match = /(\d+(?:\.\d+)+)\s*$/.exec(text);
  return match ? `v${match[1]}` : text;
}

const BYTES_PER_GB = 1024 ** 3;

/**
 * Bytes as gigabytes (binary), one decimal under 10 GB.
 *
 * @example
 * formatGB(8 * 1024 ** 3); // '8.0 GB'
 */
export function formatGB(bytes: number): string {
  const gb = Math.max(0, bytes) / BYTES_PER_GB;
  return `${gb < 10 ? gb.toFixed(1) : gb.toFixed(0)} GB`;
}

/** A percentage for bars and labels: one decimal, clamped to 0…100. */
export function formatPct(pct: number): string {
  const p = Math.min(100, Math.max(0, Number.isFinite(pct) ? pct : 0));
  return `${p.toFixed(1)}%`;
}

/**
 * A component's fault record in words (the MTBF threshold counts these faults): short for the
 * console tree, a sentence for the component panel.
 *
 * @example
 * mtbfWords(0, null);          // { short: 'no faults', long: 'No faults so far.' }
 * mtbfWords(5, 250).short;     // '5 faults, one per 4 min 10 s'
 */
export function mtbfWords(
  faultCount: number,
  mtbfS: number | null,
): { short: string; long: string } {
  if (faultCount === 0) return { short: 'no faults', long: 'No faults so far.' };
  const faults = `${faultCount} ${faultCount === 1 ? 'fault' : 'faults'}`;
  if (mtbfS === null) {
    return {
      short: faults,
      long: `${faults} so far; the mean time between faults is measured once a few have happened.`,
    };
  }
  const every = formatDuration(mtbfS * MS_PER_S);
  return {
    short: `${faults}, one per ${every}`,
    long: `${faults} so far: on average one every ${every} (mean time between faults).`,
  };
}
