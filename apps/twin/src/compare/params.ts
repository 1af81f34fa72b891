/**
 * The comparison page's URL parameters: `?demo=compare&preset=4300-dmr&seed=1&cost=10000&seeds=100`.
 * A bad value never stops the page: it yields a message naming the parameter and what was
 * expected, and the default takes its place.
 */
import { quote } from '@ft/lessons';
import * as v from 'valibot';

export interface CompareParams {
  /** The ftServer preset; the cluster and the conventional server are built from it. */
  preset: string;
  /** Seed of the twins and of the year's fault schedule. */
  seed: number;
  /** Cost of one hour of downtime, in the page's currency unit. */
  costPerHour: number;
  /** Seeds of the Monte Carlo analytics. */
  seeds: number;
  /** Conventional servers without RAID 1 (`?disks=single`). */
  singleDisks: boolean;
  problems: string[];
}

export const DEFAULT_PRESET = '4300-dmr';
export const DEFAULT_COST_PER_HOUR = 10_000;
export const DEFAULT_SEEDS = 100;
export const MAX_SEEDS = 2_000;
export const MAX_COST_PER_HOUR = 1e9;

const integerText = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,10}$/),
    v.transform(Number),
    v.number(),
    v.minValue(min),
    v.maxValue(max),
  );

const costText = v.pipe(
  v.string(),
  v.regex(/^\d{1,10}(\.\d{1,2})?$/),
  v.transform(Number),
  v.number(),
  v.maxValue(MAX_COST_PER_HOUR),
);

const SEED = integerText(0, 0xffff_ffff);
const SEEDS = integerText(1, MAX_SEEDS);

function read<T>(
  query: URLSearchParams,
  name: string,
  schema: v.GenericSchema<string, T>,
  fallback: T,
  expected: string,
  problems: string[],
): T {
  const text = query.get(name);
  if (text === null) return fallback;
  const parsed = v.safeParse(schema, text);
  if (parsed.success) return parsed.output;
  problems.push(
    `?${name}=${quote(text)} is not valid: expected ${expected}. Using ${String(fallback)}.`,
  );
  return fallback;
}

/**
 * Reads the comparison page's parameters.
 *
 * @example
 * parseCompareParams('?demo=compare&preset=mixed&cost=2500', ['4300-dmr', 'mixed']).costPerHour; // 2500
 */
export function parseCompareParams(
  search: string | URLSearchParams,
  presetNames: readonly string[],
): CompareParams {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const problems: string[] = [];
  let preset = DEFAULT_PRESET;
  const asked = query.get('preset');
  if (asked !== null) {
    if (presetNames.includes(asked)) preset = asked;
    else
      problems.push(
        `?preset=${quote(asked)} is not an ftServer preset: expected one of ${presetNames.join(', ')}. Using ${DEFAULT_PRESET}.`,
      );
  }
  const seed = read(query, 'seed', SEED, 1, 'an integer from 0 to 4294967295', problems);
  const costPerHour = read(
    query,
    'cost',
    costText,
    DEFAULT_COST_PER_HOUR,
    `an amount per hour from 0 to ${MAX_COST_PER_HOUR} (e.g. 25000)`,
    problems,
  );
  const seeds = read(
    query,
    'seeds',
    SEEDS,
    DEFAULT_SEEDS,
    `a number of seeds from 1 to ${MAX_SEEDS}`,
    problems,
  );
  const disks = query.get('disks');
  if (disks !== null && disks !== 'single' && disks !== 'raid1')
    problems.push(`?disks=${quote(disks)} is not valid: expected single or raid1. Using raid1.`);
  return { preset, seed, costPerHour, seeds, singleDisks: disks === 'single', problems };
}
