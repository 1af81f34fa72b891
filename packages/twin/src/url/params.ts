/**
 * Reads the page's URL parameters: which rack to load (`?preset=NAME` or `?config=<JSON>`), the
 * engine seed (`?seed=N`) and whether random faults are drawn (`?randomFaults=1`). A bad value
 * never stops the page: it yields a message naming the parameter and what was expected, and the
 * default takes its place.
 */

export const DEFAULT_PRESET = 'mixed';
export const DEFAULT_SEED = 1;
const MAX_SEED = 0xffff_ffff;

/** The parts of the hardware catalog the parser needs (injected, so it is testable alone). */
export interface ParamCatalog {
  presetNames: readonly string[];
  /** Validates a parsed JSON rack configuration; throws an Error with a clear message. */
  parseRackConfig(config: unknown): unknown;
}

export type RackChoice = { preset: string } | { config: unknown; source: string };

export interface AppParams {
  rack: RackChoice;
  seed: number;
  randomFaults: boolean;
  /** One message per bad parameter, empty when all were fine. */
  problems: string[];
}

export function parseParams(search: string, catalog: ParamCatalog): AppParams {
  const query = new URLSearchParams(search);
  const problems: string[] = [];
  const fallback = `Showing the default rack (preset "${DEFAULT_PRESET}").`;
  let rack: RackChoice = { preset: DEFAULT_PRESET };

  const config = query.get('config');
  const preset = query.get('preset');
  if (config !== null) {
    const parsed = parseConfigParam(config, catalog);
    if (typeof parsed === 'string') problems.push(`${parsed} ${fallback}`);
    else rack = parsed;
    if (preset !== null) problems.push('Both ?preset and ?config were given: ?preset is ignored.');
  } else if (preset !== null) {
    if (catalog.presetNames.includes(preset)) rack = { preset };
    else {
      problems.push(
        `?preset=${quote(preset)} is not a known preset: expected one of ${catalog.presetNames.join(', ')}. ${fallback}`,
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
        `?seed=${quote(seedText)} is not valid: expected a non-negative integer up to ${MAX_SEED} (e.g. ?seed=42). Using seed ${DEFAULT_SEED}.`,
      );
    }
  }

  let randomFaults = false;
  const randomText = query.get('randomFaults');
  if (randomText !== null) {
    if (randomText === '1' || randomText === 'true') randomFaults = true;
    else if (randomText !== '0' && randomText !== 'false') {
      problems.push(
        `?randomFaults=${quote(randomText)} is not valid: expected 1, 0, true or false. Random faults stay off.`,
      );
    }
  }

  return { rack, seed, randomFaults, problems };
}

function parseConfigParam(text: string, catalog: ParamCatalog): RackChoice | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `?config is not valid JSON (${errorText(error)}): expected a URL-encoded JSON rack configuration.`;
  }
  try {
    catalog.parseRackConfig(json);
  } catch (error) {
    return `?config is not a valid rack configuration: ${errorText(error)}`;
  }
  return { config: json, source: '?config' };
}

function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(short);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
