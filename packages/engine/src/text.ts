/**
 * Values inside messages: every error the engine and its commands print shows the offending
 * value quoted, with control characters escaped and cut short, so a message stays one short line
 * whatever a caller passed.
 */

/** Longest value shown inside a message, in characters. */
const SHOWN_MAX = 40;

/**
 * A value in a message: quoted, control characters escaped, cut to about 40 characters.
 *
 * @example
 * shown('a\nb'); // '"a\\nb"'
 */
export function shown(value: unknown): string {
  const text = JSON.stringify(typeof value === 'string' ? value : String(value)) ?? '""';
  return text.length > SHOWN_MAX + 2 ? `${text.slice(0, SHOWN_MAX)}…"` : text;
}

/**
 * A message as one line: control characters escaped (as JSON writes them), at most `max`
 * characters.
 *
 * @example
 * oneLine('bad\nvalue'); // 'bad\\nvalue'
 */
export function oneLine(message: string, max = 300): string {
  let out = '';
  for (const ch of message) {
    const code = ch.codePointAt(0) ?? 0;
    out += code < 32 || code === 127 ? JSON.stringify(ch).slice(1, -1) : ch;
  }
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
