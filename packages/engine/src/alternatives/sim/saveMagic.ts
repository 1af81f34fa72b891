/**
 * How a saved alternative rack is told from a saved ftServer engine: its first bytes. Apart
 * from persist.ts so the worker host can tell them without loading the alternatives.
 */

/** First bytes of a saved alternative rack (the ftServer engine's saves start differently). */
export const ALT_SAVE_MAGIC = 'ftTwinAlternative/1\n';

/** @example isAltSave(new TextEncoder().encode('ftTwinAlternative/1\n{}')) // true */
export function isAltSave(bytes: Uint8Array): boolean {
  const magic = new TextEncoder().encode(ALT_SAVE_MAGIC);
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}
