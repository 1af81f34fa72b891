/**
 * Save and restore of an alternative rack: a magic line, then JSON of the rack configuration,
 * the options and every mutable field of the AltState (listed once, in SAVED_FIELDS). A test
 * compares every field of a restored state with the original, so a field missing here fails it.
 */
import { buildRack, parseRackConfig } from '@ft/hardware';
import type { AltOptions, AltState } from './state.ts';

/** First bytes of a saved alternative rack (the ftServer engine's saves start differently). */
export const ALT_SAVE_MAGIC = 'ftTwinAlternative/1\n';

/** The mutable fields of AltState, saved and restored as they are. */
export const SAVED_FIELDS = [
  'timeMs',
  'settledMs',
  'timers',
  'timerSeq',
  'callSeq',
  'calls',
  'pulled',
  'broken',
  'delivered',
  'linkDown',
  'faultCount',
  'reason',
  'valid',
  'rebuildStartMs',
  'rebuildEndMs',
  'diskGen',
  'diskPriority',
  'volumes',
  'nodes',
  'arrayOff',
  'services',
  'tally',
  'appStarts',
  'shownState',
  'shownStatus',
] as const satisfies readonly (keyof AltState)[];

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

function plain(value: unknown): unknown {
  return ArrayBuffer.isView(value) ? Array.from(value as Typed) : value;
}

export function saveState(w: AltState): Uint8Array {
  const fields: Record<string, unknown> = {};
  for (const key of SAVED_FIELDS) fields[key] = plain(w[key]);
  const body = JSON.stringify({
    config: w.rack.config,
    options: w.options,
    prng: Array.from(w.prng.state),
    clickDraws: Array.from(w.clickDraws.state),
    fields,
  });
  return new TextEncoder().encode(ALT_SAVE_MAGIC + body);
}

export function isAltSave(bytes: Uint8Array): boolean {
  const magic = new TextEncoder().encode(ALT_SAVE_MAGIC);
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

interface SavedAlt {
  config: unknown;
  options: AltOptions;
  prng: number[];
  clickDraws: number[];
  fields: Record<string, unknown>;
}

/** Reads a save: the rack, the options and a function that fills a fresh state from it. */
export function readAltSave(bytes: Uint8Array): {
  rack: ReturnType<typeof buildRack>;
  options: AltOptions;
  fill: (w: AltState) => void;
} {
  if (!isAltSave(bytes)) throw new Error('not a saved alternative rack');
  let saved: SavedAlt;
  try {
    saved = JSON.parse(new TextDecoder().decode(bytes.subarray(ALT_SAVE_MAGIC.length)));
  } catch {
    throw new Error('saved alternative rack is damaged (invalid JSON)');
  }
  const rack = buildRack(parseRackConfig(saved.config, 'saved state', { comparison: true }));
  const fill = (w: AltState) => {
    w.prng.state.set(saved.prng);
    w.clickDraws.state.set(saved.clickDraws);
    for (const key of SAVED_FIELDS) {
      const value = saved.fields[key];
      const current = w[key] as unknown;
      if (ArrayBuffer.isView(current)) (current as Typed).set(value as number[]);
      else (w as unknown as Record<string, unknown>)[key] = value;
    }
  };
  return { rack, options: saved.options, fill };
}
