/**
 * `pnpm compare` (and `pnpm sim --compare`): the ftServer, a failover cluster and a conventional
 * server under the same faults, over many seeds, with the Markov closed forms beside them.
 *
 *   --preset P      an ftServer preset (the alternatives are built from it)
 *   --duration D    simulated time per seed: 90s, 30d, 1y ... (default 1y, at most 100y)
 *   --seeds N       number of seeds (default 100); seeds S, S+1, ... S+N-1
 *   --seed S        first seed (default 1)
 *   --workers W     worker threads (default: the machine's cores); 1 runs in this thread
 *   --unmirrored    conventional servers without RAID 1
 *   --json          one JSON line instead of the table
 *
 * Mistakes end in one line on stderr and exit code 2; progress goes to stderr.
 */
import { parseArgs } from 'node:util';
import { getPreset, PRESET_NAMES, type RackConfig } from '@ft/hardware';
import { wallClockMs } from '../worker/wall.clock.ts';
import { closedForms } from './chains.ts';
import { runSeedsParallel } from './compareWorkers.ts';
import { ARCHITECTURES, type Architecture } from './simulation.ts';
import { type ComparisonSummary, summarize } from './summary.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr is a terminal: draw the progress bar in place. */
  isTTY?: boolean;
}

export const COMPARE_USAGE =
  'usage: pnpm compare --preset NAME [--duration 1y] [--seeds 100] [--seed 1] [--workers N] [--unmirrored] [--json]';

class UsageError extends Error {}

const YEAR_MS = 31_536_000_000;
const MAX_DURATION_MS = 100 * YEAR_MS;
const MAX_SEEDS = 100_000;
const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: YEAR_MS,
};

/** A user's value, quoted and cut to a sensible length for an error message. */
function shown(value: string): string {
  const text = JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return text;
}

function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)$/.exec(text);
  if (!m) throw new UsageError(`--duration: ${shown(text)} is not a duration like 90s, 30d or 1y`);
  const ms = Number(m[1]) * UNITS[m[2]];
  if (ms < 10_000 || ms > MAX_DURATION_MS)
    throw new UsageError(`--duration: ${shown(text)} must be between 10s and 100y`);
  return ms;
}

function parseInteger(text: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UsageError(`${flag}: ${shown(text)} must be an integer from ${min} to ${max}`);
  return Number(text);
}

interface CompareArgs {
  rack: RackConfig;
  preset: string;
  durationMs: number;
  seeds: number;
  firstSeed: number;
  workers: number | undefined;
  mirroredDisks: boolean;
  json: boolean;
}

export function parseCompareArgs(argv: readonly string[]): CompareArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        compare: { type: 'boolean' },
        preset: { type: 'string' },
        duration: { type: 'string' },
        seeds: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        unmirrored: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${message.slice(0, 120)}; ${COMPARE_USAGE}`);
  }
  const preset = values.preset;
  if (typeof preset !== 'string') throw new UsageError(`--preset is required; ${COMPARE_USAGE}`);
  if (!PRESET_NAMES.includes(preset)) {
    throw new UsageError(
      `--preset: unknown preset ${shown(preset)}; valid presets: ${PRESET_NAMES.join(', ')}`,
    );
  }
  const rack: RackConfig = getPreset(preset);
  const str = (key: string, fallback: string) => {
    const v = values[key];
    return typeof v === 'string' ? v : fallback;
  };
  return {
    rack,
    preset,
    durationMs: parseDuration(str('duration', '1y')),
    seeds: parseInteger(str('seeds', '100'), '--seeds', 1, MAX_SEEDS),
    firstSeed: parseInteger(str('seed', '1'), '--seed', 0, 0xffffffff - MAX_SEEDS),
    workers:
      values.workers === undefined
        ? undefined
        : parseInteger(str('workers', '1'), '--workers', 1, 64),
    mirroredDisks: values.unmirrored !== true,
    json: values.json === true,
  };
}

/** The JSON line: the shape, plus the run's settings and each downtime histogram. */
export function comparisonJson(args: CompareArgs, summary: ComparisonSummary): string {
  const closed = closedForms(args.rack, { mirroredDisks: args.mirroredDisks });
  const architectures = {} as Record<Architecture, unknown>;
  const closedForm = {} as Record<Architecture, { availability: number }>;
  for (const arch of ARCHITECTURES) {
    const s = summary[arch];
    architectures[arch] = {
      availability: s.availability,
      ci95: s.ci95,
      downtimeS: s.downtimeS,
      transactionsLost: s.transactionsLost,
      silentDataCorruptions: s.silentDataCorruptions,
      outages: s.outages,
      downtimeHistogram: s.histogram,
    };
    closedForm[arch] = { availability: closed[arch].availability };
  }
  return JSON.stringify({
    preset: args.preset,
    durationS: args.durationMs / 1000,
    seeds: args.seeds,
    firstSeed: args.firstSeed,
    conventionalDisks: args.mirroredDisks ? 'raid1' : 'single',
    architectures,
    closedForm,
  });
}

const NAMES: Record<Architecture, string> = {
  ftserver: 'ftServer',
  cluster: 'HA cluster',
  conventional: 'conventional',
};

function formatTable(args: CompareArgs, summary: ComparisonSummary): string {
  const closed = closedForms(args.rack, { mirroredDisks: args.mirroredDisks });
  const pct = (a: number) => `${(a * 100).toFixed(5)}%`;
  const lines = [
    `${args.rack.name}: ${args.seeds} seed(s) × ${(args.durationMs / 86_400_000).toFixed(1)} days (first seed ${args.firstSeed})`,
    'architecture   availability   95% interval              closed form   downtime/run  lost tx/run   SDC/run',
  ];
  for (const arch of ARCHITECTURES) {
    const s = summary[arch];
    const ci = s.ci95 ? `[${pct(s.ci95[0])}, ${pct(s.ci95[1])}]` : '(one seed)';
    lines.push(
      [
        NAMES[arch].padEnd(14),
        pct(s.availability).padEnd(14),
        ci.padEnd(25),
        pct(closed[arch].availability).padEnd(13),
        `${s.downtimeS.toFixed(0)} s`.padEnd(13),
        s.transactionsLost.toExponential(2).padEnd(13),
        s.silentDataCorruptions.toFixed(2),
      ].join(' '),
    );
  }
  return lines.join('\n');
}

function progressReporter(io: CliIo, total: number): (done: number) => void {
  const started = wallClockMs();
  let last = started;
  return (done: number) => {
    const now = wallClockMs();
    const finished = done === total;
    if (!finished && now - last < (io.isTTY ? 100 : 5000)) return;
    if (now - started < 1000 && finished) return; // short runs print nothing
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} seeds`;
    if (io.isTTY) io.stderr(`\r${bar}${finished ? '\n' : ''}`);
    else io.stderr(`compare: ${bar}\n`);
  };
}

/**
 * Runs the CLI; returns the exit code (0, or 2 for a usage error). Never throws for bad input.
 *
 * @example
 * await runCompareCli(['--preset', '4300-dmr', '--seeds', '10', '--json'], { stdout, stderr });
 */
export async function runCompareCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CompareArgs;
  try {
    args = parseCompareArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`compare: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const seeds = Array.from({ length: args.seeds }, (_, i) => args.firstSeed + i);
  const report = progressReporter(io, seeds.length);
  const results = await runSeedsParallel(
    { rack: args.rack, durationMs: args.durationMs, mirroredDisks: args.mirroredDisks },
    seeds,
    { workers: args.workers, onProgress: (done) => report(done) },
  );
  const summary = summarize(results);
  io.stdout(`${args.json ? comparisonJson(args, summary) : formatTable(args, summary)}\n`);
  return 0;
}
