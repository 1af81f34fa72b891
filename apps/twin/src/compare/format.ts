/** Number formats of the comparison page: durations, availabilities, counts and money. */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * A duration in the largest two units that matter.
 *
 * @example
 * formatDuration(85_000); // '1 min 25 s'
 * formatDuration(4.5 * 3_600_000); // '4 h 30 min'
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return ms === 0 ? '0 s' : `${Math.round(ms)} ms`;
  if (ms < MINUTE_MS) return `${Math.round(ms / 1000)} s`;
  if (ms < HOUR_MS) {
    const min = Math.floor(ms / MINUTE_MS);
    const s = Math.round((ms - min * MINUTE_MS) / 1000);
    return s > 0 && s < 60 ? `${min} min ${s} s` : `${min} min`;
  }
  if (ms < DAY_MS) {
    const h = Math.floor(ms / HOUR_MS);
    const min = Math.round((ms - h * HOUR_MS) / MINUTE_MS);
    return min > 0 && min < 60 ? `${h} h ${min} min` : `${h} h`;
  }
  const d = Math.floor(ms / DAY_MS);
  const h = Math.round((ms - d * DAY_MS) / HOUR_MS);
  return h > 0 && h < 24 ? `${d} d ${h} h` : `${d} d`;
}

/**
 * Availability as a percentage with enough digits to tell the architectures apart.
 *
 * @example
 * formatAvailability(0.9999973); // '99.99973%'
 */
export function formatAvailability(a: number): string {
  if (!Number.isFinite(a)) return '–';
  return `${(a * 100).toFixed(5)}%`;
}

/**
 * A count in a compact form.
 *
 * @example
 * formatCount(3_214_000); // '3.2 M'
 * formatCount(0.43); // '0.43'
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(1)} G`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  if (abs >= 1e4) return `${(n / 1e3).toFixed(0)} k`;
  if (abs >= 100 || Number.isInteger(n)) return Math.round(n).toLocaleString('en-US');
  return n.toFixed(2);
}

/**
 * Money, rounded to whole units.
 *
 * @example
 * formatMoney(12_345.6); // '$12,346'
 */
export function formatMoney(amount: number): string {
  if (!Number.isFinite(amount)) return '–';
  return `$${Math.round(amount).toLocaleString('en-US')}`;
}

/**
 * Simulated time since the start, as the twins' clocks show it.
 *
 * @example
 * formatClock(90_061_000); // '1 d 01:01:01'
 */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const hms = [h, m, s].map((x) => String(x).padStart(2, '0')).join(':');
  return d > 0 ? `${d} d ${hms}` : hms;
}
