/** Words and clocks for the classroom pages. */

/**
 * Trainee time as `m:ss`, or `h:mm:ss` from an hour on; `–` when unknown.
 *
 * @example
 * formatDuration(754_000); // '12:34'
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * A wall-clock time of day, `14:05`, in the page's time zone.
 *
 * @example
 * formatClockTime(Date.UTC(2026, 0, 1, 9, 5), 'UTC'); // '09:05'
 */
export function formatClockTime(atMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(
    atMs,
  );
}

/** `1 trainee`, `3 trainees`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A file name part from a class title: letters, digits and dashes. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 40);
  return slug || 'class';
}
