/**
 * Reads the page's URL: which rack to load (`?preset=NAME`, or a configuration in the fragment
 * `#config=…` — plain or compressed JSON, see ./configLink.ts — or, for small ones, `?config=`),
 * the engine seed (`?seed=N`) and whether random faults are drawn (`?randomFaults=1`). A bad,
 * repeated or unknown parameter never stops the page: it yields a message naming the parameter
 * and what was expected (values cut and escaped), and the default takes its place.
 */
import { shown } from '@ft/hardware';
import { CONFIG_KEY, configText } from './configLink.ts';

export const DEFAULT_PRESET = 'mixed';
export const DEFAULT_SEED = 1;
const MAX_SEED = 0xffff_ffff;

/** The query parameters the app reads, and the fragment keys. */
export const QUERY_KEYS = ['preset', 'config', 'seed', 'randomFaults'] as const;
export const FRAGMENT_KEYS = [CONFIG_KEY] as const;
/** How many unknown parameters a notice names before it says "and N more". */
const NAMED_UNKNOWN = 3;
const KEY_SHOWN_CHARS = 40;

/** The parts of the hardware catalog the parser needs (injected, so it is testable alone). */
export interface ParamCatalog {
  presetNames: readonly string[];
  /**
   * Validates a parsed JSON rack configuration (a value: never re-read as JSON text); throws an
   * Error with a clear message.
   */
  parseRackConfig(config: unknown): unknown;
}

export type RackChoice = { preset: string } | { config: unknown; source: string };

export interface AppParams {
  rack: RackChoice;
  seed: number;
  randomFaults: boolean;
  /** One message per problem (bad, repeated or unknown parameter), empty when all were fine. */
  problems: string[];
}

/**
 * @param search `location.search`
 * @param hash `location.hash` (its `config=` is read; other keys are reported as unknown)
 * @example
 * parseParams('?preset=4300-dmr&seed=42', catalog, '').rack; // { preset: '4300-dmr' }
 */
export function parseParams(search: string, catalog: ParamCatalog, hash = ''): AppParams {
  const query = new URLSearchParams(search);
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  const problems: string[] = [];
  problems.push(
    ...unknownKeys(query, QUERY_KEYS, '?'),
    ...unknownKeys(fragment, FRAGMENT_KEYS, '#'),
  );
  problems.push(
    ...repeatedKeys(query, QUERY_KEYS, '?'),
    ...repeatedKeys(fragment, FRAGMENT_KEYS, '#'),
  );

  const fallback = `Showing the default rack (preset "${DEFAULT_PRESET}").`;
  let rack: RackChoice = { preset: DEFAULT_PRESET };
  const fragmentConfig = fragment.get(CONFIG_KEY);
  const queryConfig = query.get('config');
  const preset = query.get('preset');
  const config =
    fragmentConfig !== null
      ? { text: fragmentConfig, name: '#config' }
      : queryConfig !== null
        ? { text: queryConfig, name: '?config' }
        : null;
  if (fragmentConfig !== null && queryConfig !== null) {
    problems.push('Both #config and ?config were given: #config is used.');
  }
  if (config) {
    const parsed = parseConfigParam(config.text, config.name, catalog);
    if (typeof parsed === 'string') problems.push(`${parsed} ${fallback}`);
    else rack = parsed;
    if (preset !== null)
      problems.push(`Both ?preset and ${config.name} were given: ?preset is ignored.`);
  } else if (preset !== null) {
    if (catalog.presetNames.includes(preset)) rack = { preset };
    else {
      problems.push(
        `?preset=${shown(preset)} is not a known preset: expected one of ${catalog.presetNames.join(', ')}. ${fallback}`,
      );
    }
  }

  let seed = DEFAULT_SEED;
  const seedText = query.get('seed');
  if (seedText !== null) {
    const value = /^\d{1,10}$/.test(seedText) ? Number(seedText) : Number.NaN;
    if (Number.isInteger(value) && value <= MAX_SEED) seed = value;
    else {
      problems.push(
        `?seed=${shown(seedText)} is not valid: expected a non-negative integer up to ${MAX_SEED} (e.g. ?seed=42). Using seed ${DEFAULT_SEED}.`,
      );
    }
  }

  let randomFaults = false;
  const randomText = query.get('randomFaults');
  if (randomText !== null) {
    if (randomText === '1' || randomText === 'true') randomFaults = true;
    else if (randomText !== '0' && randomText !== 'false') {
      problems.push(
        `?randomFaults=${shown(randomText)} is not valid: expected 1, 0, true or false. Random faults stay off.`,
      );
    }
  }

  return { rack, seed, randomFaults, problems };
}

function unknownKeys(params: URLSearchParams, known: readonly string[], mark: string): string[] {
  const unknown = [...new Set(params.keys())].filter((k) => !known.includes(k));
  if (unknown.length === 0) return [];
  const named = unknown.slice(0, NAMED_UNKNOWN).map((k) => `${mark}${shown(k, KEY_SHOWN_CHARS)}`);
  const more = unknown.length > NAMED_UNKNOWN ? ` and ${unknown.length - NAMED_UNKNOWN} more` : '';
  const plural = unknown.length === 1 ? 'parameter was' : 'parameters were';
  return [
    `Unknown URL ${plural} ignored: ${named.join(', ')}${more}. The app reads ${known.map((k) => `${mark}${k}`).join(', ')}.`,
  ];
}

function repeatedKeys(params: URLSearchParams, known: readonly string[], mark: string): string[] {
  return known
    .filter((k) => params.getAll(k).length > 1)
    .map((k) => `${mark}${k} was given ${params.getAll(k).length} times: the first one is used.`);
}

function parseConfigParam(text: string, name: string, catalog: ParamCatalog): RackChoice | string {
  const decoded = configText(text);
  if (!decoded.ok) return `${name} could not be read: ${decoded.error}.`;
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `${name} is not valid JSON (${shown(why, 100).slice(1, -1)}): expected a JSON rack configuration.`;
  }
  try {
    catalog.parseRackConfig(json);
  } catch (error) {
    return `${name} is not a valid rack configuration: ${error instanceof Error ? error.message : String(error)}`;
  }
  return { config: json, source: name };
}
