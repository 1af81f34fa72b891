/**
 * Values inside messages. Every error or notice that echoes what a caller passed (a URL
 * parameter, an attribute, an API argument, a field of a configuration file) shows it through
 * these, so a message stays one short line that reads the same way whatever was passed: long
 * values are cut, and control and bidirectional-override characters are written as `\uXXXX`
 * escapes (a right-to-left override would otherwise reverse the rest of the notice).
 *
 * It lives in the bottom rung of the ladder so that every package (hardware, engine, lessons,
 * twin, embed) can use the one implementation.
 */

/** Longest value shown inside a message by default, in characters. */
export const SHOWN_MAX_CHARS = 60;

/**
 * C0 and C1 controls, DEL, the line and paragraph separators, the bidirectional marks,
 * embeddings, overrides and isolates (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069), and
 * the invisible ones: zero-width spaces and joiners, word joiner and invisible operators, the
 * byte-order mark (U+200B-U+200D, U+2060-U+2064, U+FEFF).
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping them is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Control and bidi characters written as `\uXXXX` escapes; nothing cut.
 *
 * @example
 * escapeUnsafe('a\nb'); // 'a\\u000ab'
 */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text made safe to show inside a message, without quotes: cut to `max` characters (an
 * ellipsis marks the cut) and unsafe characters escaped.
 *
 * @example
 * safeText('a\u202eb'); // 'a\\u202eb'
 */
export function safeText(text: string, max = SHOWN_MAX_CHARS): string {
  const chars = Array.from(text);
  return escapeUnsafe(chars.length > max ? `${chars.slice(0, max).join('')}…` : text);
}

/**
 * A string as it appears in a message: quoted, cut and escaped (see {@link safeText}).
 *
 * @example
 * shown('A.cpu-1');          // '"A.cpu-1"'
 * shown('x'.repeat(100), 5); // '"xxxxx…"'
 */
export function shown(value: string, max = SHOWN_MAX_CHARS): string {
  return `"${safeText(value, max)}"`;
}

/**
 * Any value as it appears after "got" in a message: its type, and its value when that is short
 * and safe to show. Never throws and never walks into the value (a Proxy, a cycle or a getter
 * that throws are described, not read), so it can describe anything an API caller passes.
 *
 * @example
 * describeValue('yes');          // '"yes"'
 * describeValue(Infinity);       // 'Infinity (a number too large to represent)'
 * describeValue(() => 1);        // 'a function'
 * describeValue([1, 2]);         // 'an array of 2 items'
 */
export function describeValue(value: unknown, max = SHOWN_MAX_CHARS): string {
  switch (typeof value) {
    case 'string':
      return shown(value, max);
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      if (!Number.isFinite(value))
        return `${value > 0 ? '' : '-'}Infinity (a number too large to represent)`;
      return String(value);
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'nothing (undefined)';
    case 'bigint':
      return `a BigInt (${safeText(String(value), max)}n)`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return describeObject(value as object | null, max);
  }
}

function describeObject(value: object | null, max: number): string {
  if (value === null) return 'null';
  try {
    if (Array.isArray(value)) {
      const n = value.length;
      return `an array of ${n} item${n === 1 ? '' : 's'}`;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return 'an object';
    const name = proto?.constructor?.name;
    return typeof name === 'string' && name !== ''
      ? `a ${safeText(name, max)} object`
      : 'an object';
  } catch {
    // A revoked Proxy, or a Proxy whose traps throw.
    return 'an object that cannot be read';
  }
}
