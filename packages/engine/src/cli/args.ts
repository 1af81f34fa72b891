/** Parsing of `pnpm sim` arguments. Every mistake becomes a UsageError with a one-line message. */
import { FAULTS_BY_KIND_NAME } from '../faults-by-kind.ts';
import type { FaultKind } from '../types.ts';

export class UsageError extends Error {}

export type SimAction = FaultKind | 'pull' | 'insert' | 'insert-new';

export interface Injection {
  atMs: number;
  target: string;
  action: SimAction;
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

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/** Parses durations such as `90s`, `1h`, `30d`, `1y`, `1.5h`. */
export function parseDuration(text: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)$/.exec(text);
  if (!m) throw new UsageError(`${what}: '${text}' is not a duration like 90s, 10m, 1h, 30d or 1y`);
  return Number(m[1]) * UNITS[m[2]];
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
      `--inject: '${text}' is not AT:COMPONENT:FAULT (e.g. 10m:A.cpu-1:bitflip-register)`,
    );
  }
  const [at, target, action] = parts;
  if (!ACTIONS.has(action)) {
    throw new UsageError(`--inject: unknown fault '${action}'; known: ${[...ACTIONS].join(', ')}`);
  }
  return { atMs: parseDuration(at, '--inject time'), target, action: action as SimAction };
}

export function parseSimArgs(argv: readonly string[]): SimArgs {
  const args: SimArgs = {
    preset: null,
    configFile: null,
    seed: 1,
    durationMs: UNITS.h,
    faults: 'none',
    injections: [],
    json: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--preset':
        args.preset = value(i++, flag);
        break;
      case '--config':
        args.configFile = value(i++, flag);
        break;
      case '--seed': {
        const v = value(i++, flag);
        if (!/^\d+$/.test(v) || Number(v) > 0xffffffff)
          throw new UsageError(`--seed: '${v}' is not an integer in 0..4294967295`);
        args.seed = Number(v);
        break;
      }
      case '--duration':
        args.durationMs = parseDuration(value(i++, flag), '--duration');
        break;
      case '--faults': {
        const v = value(i++, flag);
        if (v !== 'none' && v !== 'mtbf')
          throw new UsageError(`--faults: '${v}' must be none or mtbf`);
        args.faults = v;
        break;
      }
      case '--inject':
        args.injections.push(parseInjection(value(i++, flag)));
        break;
      case '--json':
        args.json = true;
        break;
      case '--help':
      case '-h':
        throw new UsageError(USAGE);
      default:
        throw new UsageError(`unknown argument '${flag}'; ${USAGE}`);
    }
  }
  if ((args.preset === null) === (args.configFile === null)) {
    throw new UsageError(`give exactly one of --preset or --config; ${USAGE}`);
  }
  for (const inj of args.injections) {
    if (inj.atMs > args.durationMs)
      throw new UsageError(`--inject at ${inj.atMs} ms is after the end of the run`);
  }
  args.injections.sort((a, b) => a.atMs - b.atMs);
  return args;
}
