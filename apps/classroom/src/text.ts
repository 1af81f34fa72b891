/**
 * Text the server writes itself: values echoed in error messages (escaped and cut) and display
 * names (normalised, with control and bidirectional-override characters refused, so a name can
 * neither break a line of a log or CSV nor reorder the text around it).
 */

/** C0/C1 controls, and the Unicode bidi overrides/isolates that can disguise text. */
const UNSAFE_CHARS = /[\p{Cc}\u202a-\u202e\u2066-\u2069\u200e\u200f]/u;

/**
 * A value as it may appear inside an error message: JSON-escaped and cut to `maxChars`.
 *
 * @example
 * quoteValue('a"b\n'); // '"a\\"b\\n"'
 * quoteValue('x'.repeat(100), 8); // '"xxxxxxx…'
 */
export function quoteValue(value: unknown, maxChars = 40): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(typeof value));
  } catch {
    text = `[${typeof value}]`;
  }
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/**
 * A display name as kept: Unicode NFC, runs of white space as one space, trimmed.
 *
 * @example
 * normalizeName('  Ada \t Lovelace '); // 'Ada Lovelace'
 */
export function normalizeName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Whether `text` holds a control character or a bidi override (refused in names and text). */
export function hasUnsafeChars(text: string): boolean {
  return UNSAFE_CHARS.test(text);
}
