/**
 * The arguments of `pnpm sim`, tokenised by node:util parseArgs and checked here: every mistake is
 * a UsageError with a one-line message that shows the offending value escaped and cut short.
 */
import { parseArgs } from 'node:util';
import { FAULTS_BY_KIND_NAME } from '../faults-by-kind.ts';
import { shown } from '../text.ts';
import type { FaultKind } from '../types.ts';

export class UsageError extends Error {}

export type SimAction = FaultKind | 'pull' | 'insert' | 'insert-new';

export interface Injection {
  atMs: number;
  target: string;
  action: SimAction;
  /** As written on the command line. */
  text: string;
}

export interface SimArgs {
  preset: string | null;
  configFile: string | null;
  seed: number;
  durationMs: number;
  faults: 'none' | 'mtbf';
  injections: Injection[];
  json: boolean;
}

export const USAGE =
  'usage: pnpm sim --preset NAME | --config FILE [--seed N] [--duration 1h|30d|1y] ' +
  '[--faults none|mtbf] [--inject AT:COMPONENT:FAULT ...] [--json]';

/** Longest run (and latest injection) `pnpm sim` accepts. */
export const MAX_DURATION_MS = 100 * 31_536_000_000;
const MAX_DURATION_TEXT = '100y';
const MAX_SEED = 0xffffffff;

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

const OPTIONS = {
  preset: { type: 'string' },
  config: { type: 'string' },
  seed: { type: 'string' },
  duration: { type: 'string' },
  faults: { type: 'string' },
  inject: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Parses durations such as `90s`, `1h`, `30d`, `1y`, `1.5h`; at most 100 years. */
export function parseDuration(text: string, what: string): number {
  const m = /^(\d{1,12})(\.\d{1,6})?(ms|s|m|h|d|w|y)$/.exec(text);
  if (!m) {
    throw new UsageError(`${what}: ${shown(text)} is not a duration like 90s, 10m, 1h, 30d or 1y`);
  }
  const ms = Number(`${m[1]}${m[2] ?? ''}`) * UNITS[m[3]];
  if (ms > MAX_DURATION_MS) {
    throw new UsageError(`${what}: ${shown(text)} is longer than ${MAX_DURATION_TEXT}`);
  }
  return ms;
}

const ACTIONS = new Set<string>([
  ...Object.values(FAULTS_BY_KIND_NAME).flat(),
  'pull',
  'insert',
  'insert-new',
]);

export function parseInjection(text: string): Injection {
  const parts = text.split(':');
  if (parts.length !== 3 || parts.some((p) => p === '')) {
    throw new UsageError(
      `--inject: ${shown(text)} is not AT:COMPONENT:FAULT (e.g. 10m:A.cpu-1:bitflip-register)`,
    );
  }
  const [at, target, action] = parts;
  if (!ACTIONS.has(action)) {
    throw new UsageError(
      `--inject: unknown fault ${shown(action)}; known: ${[...ACTIONS].join(', ')}`,
    );
  }
  return {
    atMs: parseDuration(at, '--inject time'),
    target,
    action: action as SimAction,
    text,
  };
}

function parseSeed(text: string): number {
  if (!/^\d{1,10}$/.test(text) || Number(text) > MAX_SEED) {
    throw new UsageError(`--seed: ${shown(text)} is not an integer in 0..${MAX_SEED}`);
  }
  return Number(text);
}

/** The option tokens of argv, checked: known names, values where needed, each at most once. */
function optionValues(argv: readonly string[]): Map<OptionName, string[]> {
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values = new Map<OptionName, string[]>();
  for (const token of tokens) {
    if (token.kind === 'positional') {
      throw new UsageError(`unexpected argument ${shown(token.value)}; ${USAGE}`);
    }
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) {
      throw new UsageError(`unknown option ${shown(token.rawName)}; ${USAGE}`);
    }
    const name = token.name as OptionName;
    const spec = OPTIONS[name];
    let value = '';
    if (spec.type === 'boolean') {
      if (token.value !== undefined) {
        throw new UsageError(`${token.rawName} takes no value, got ${shown(token.value)}`);
      }
    } else {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
        throw new UsageError(`${token.rawName} needs a value`);
      }
      value = token.value;
    }
    const list = values.get(name) ?? [];
    if (list.length > 0 && !('multiple' in spec)) {
      throw new UsageError(`${token.rawName} is given more than once`);
    }
    list.push(value);
    values.set(name, list);
  }
  return values;
}

export function parseSimArgs(argv: readonly string[]): SimArgs {
  const values = optionValues(argv);
  const one = (name: OptionName): string | null => values.get(name)?.[0] ?? null;
  if (values.has('help')) throw new UsageError(USAGE);
  const faults = one('faults') ?? 'none';
  if (faults !== 'none' && faults !== 'mtbf') {
    throw new UsageError(`--faults: ${shown(faults)} must be none or mtbf`);
  }
  const args: SimArgs = {
    preset: one('preset'),
    configFile: one('config'),
    seed: one('seed') === null ? 1 : parseSeed(one('seed') ?? ''),
    durationMs:
      one('duration') === null ? UNITS.h : parseDuration(one('duration') ?? '', '--duration'),
    faults,
    injections: (values.get('inject') ?? []).map(parseInjection),
    json: values.has('json'),
  };
  if ((args.preset === null) === (args.configFile === null)) {
    throw new UsageError(`give exactly one of --preset or --config; ${USAGE}`);
  }
  if (args.durationMs <= 0) throw new UsageError('--duration must be longer than 0');
  for (const inj of args.injections) {
    if (inj.atMs > args.durationMs) {
      throw new UsageError(`--inject ${shown(inj.text)} is after the end of the run`);
    }
  }
  // Stable: injections at the same time keep their command-line order.
  args.injections.sort((a, b) => a.atMs - b.atMs);
  return args;
}
