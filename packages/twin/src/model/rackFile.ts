/**
 * A rack configuration from a file the user picked or dropped: read as text, size-checked and
 * validated, with one message that names the file and the field when it is refused.
 */
import {
  ConfigError,
  MAX_CONFIG_CHARS,
  parseRackConfig,
  type RackConfig,
  safeText,
} from '@ft/hardware';

export type RackFileResult =
  | { ok: true; config: RackConfig; name: string }
  | { ok: false; error: string };

/** What a file must look like to be read at all (before its text is parsed). */
export function checkRackFile(file: { name: string; size: number }): string | null {
  if (file.size > MAX_CONFIG_CHARS * 4) {
    return `${safeText(file.name, 60)} is ${Math.round(file.size / 1024)} KB: a rack configuration is a small JSON file (at most ${MAX_CONFIG_CHARS / 1024} KB).`;
  }
  return null;
}

/**
 * Validates a rack configuration file's text.
 *
 * @example
 * rackFromText('{"systems":[{"id":"A","model":"4300","positionU":1}]}', 'lab.json').ok; // true
 */
export function rackFromText(text: string, fileName: string): RackFileResult {
  const name = safeText(fileName || 'the file', 60);
  try {
    return { ok: true, config: parseRackConfig(text, name), name };
  } catch (error) {
    if (error instanceof ConfigError) {
      return { ok: false, error: `The rack was not loaded: ${error.message}` };
    }
    throw error;
  }
}

/** Reads a picked or dropped file into a checked configuration; never throws. */
export async function rackFromFile(file: File): Promise<RackFileResult> {
  const tooBig = checkRackFile(file);
  if (tooBig) return { ok: false, error: `The rack was not loaded: ${tooBig}` };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return {
      ok: false,
      error: `The rack was not loaded: ${safeText(file.name, 60)} could not be read.`,
    };
  }
  return rackFromText(text, file.name);
}
