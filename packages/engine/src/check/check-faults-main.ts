/**
 * `pnpm check:faults [--schedules N] [--seed S] [--json]`: runs N random single-fault schedules
 * (schedule.ts) in worker threads and checks each (run-schedule.ts). Progress goes to stderr; the
 * result to stdout (a summary, or with --json one line {"schedules", "violations",
 * "schedulesPerS", ...}); every violation names a command that runs that schedule alone. Exit
 * code 0 when nothing was violated, 1 when something was, 2 for bad arguments.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { oneLine, shown } from '../text.ts';
import type { BatchResult, Violation } from './batch.ts';
import type { BatchRequest } from './worker.ts';

export const USAGE = 'usage: pnpm check:faults [--schedules N] [--seed S] [--json]';
const MAX_SCHEDULES = 10_000_000;
const MAX_SEED = 0xffffffff;
/** Schedules handed to a worker at a time (small enough to balance, big enough to be cheap). */
const BATCH = 25;
/** Violations printed in full (all are counted). */
const SHOWN_VIOLATIONS = 20;

export interface CheckIo {
  out(text: string): void;
  err(text: string): void;
  /** Wall clock in ms (progress and the rate only; the checks do not depend on it). */
  now(): number;
}

class UsageError extends Error {}

function integer(name: string, text: string, min: number, max: number): number {
  if (!/^\d{1,10}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name}: ${shown(text)} is not an integer in ${min}..${max}`);
  }
  return Number(text);
}

export interface CheckArgs {
  schedules: number;
  seed: number;
  json: boolean;
}

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const { tokens } = parseArgs({
    args: [...argv],
    options: {
      schedules: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const seen = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind === 'positional') {
      throw new UsageError(`unexpected argument ${shown(token.value)}; ${USAGE}`);
    }
    if (token.kind !== 'option') continue;
    const name = token.name;
    if (!['schedules', 'seed', 'json', 'help'].includes(name)) {
      throw new UsageError(`unknown option ${shown(token.rawName)}; ${USAGE}`);
    }
    if (seen.has(name)) throw new UsageError(`${token.rawName} is given more than once`);
    const boolean = name === 'json' || name === 'help';
    if (boolean && token.value !== undefined) {
      throw new UsageError(`${token.rawName} takes no value, got ${shown(token.value)}`);
    }
    if (
      !boolean &&
      (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))
    ) {
      throw new UsageError(`${token.rawName} needs a value`);
    }
    seen.set(name, token.value ?? '');
  }
  if (seen.has('help')) throw new UsageError(USAGE);
  return {
    schedules: seen.has('schedules')
      ? integer('schedules', seen.get('schedules') ?? '', 1, MAX_SCHEDULES)
      : 1000,
    seed: seen.has('seed') ? integer('seed', seen.get('seed') ?? '', 0, MAX_SEED) : 1,
    json: seen.has('json'),
  };
}

/** Worker threads to use: one per core, at most 8 (CHECK_FAULTS_WORKERS overrides). */
function workerCount(schedules: number): number {
  const asked = Number(process.env.CHECK_FAULTS_WORKERS ?? '');
  const cores = Number.isInteger(asked) && asked > 0 ? asked : availableParallelism();
  return Math.max(1, Math.min(cores, 8, Math.ceil(schedules / BATCH)));
}

function reproduceCommand(v: Violation): string {
  return `pnpm check:faults --schedules 1 --seed ${v.seed}`;
}

/** Runs the checker; resolves with the exit code. */
export async function checkFaultsMain(argv: readonly string[], io: CheckIo): Promise<number> {
  let args: CheckArgs;
  try {
    args = parseCheckArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`check:faults: ${oneLine(error.message)}\n`);
    return 2;
  }
  const started = io.now();
  const workers = workerCount(args.schedules);
  const total: BatchResult = {
    schedules: 0,
    byMode: { dmr: 0, tmr: 0 },
    actions: 0,
    violations: [],
  };
  let next = 0;
  let lastProgress = started;
  const entry = new URL('./worker-bootstrap.mjs', import.meta.url);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const worker = new Worker(entry);
      try {
        while (next < args.schedules) {
          const request: BatchRequest = {
            seed: args.seed,
            start: next,
            end: Math.min(args.schedules, next + BATCH),
          };
          next = request.end;
          const result = await new Promise<BatchResult>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage(request);
          });
          worker.removeAllListeners('error');
          total.schedules += result.schedules;
          total.byMode.dmr += result.byMode.dmr;
          total.byMode.tmr += result.byMode.tmr;
          total.actions += result.actions;
          total.violations.push(...result.violations);
          const now = io.now();
          if (now - lastProgress >= 1000) {
            lastProgress = now;
            const rate = total.schedules / ((now - started) / 1000);
            io.err(
              `check:faults: ${total.schedules}/${args.schedules} schedules, ${total.violations.length} violations, ${rate.toFixed(0)}/s\n`,
            );
          }
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  const wallS = (io.now() - started) / 1000;
  total.violations.sort((a, b) => a.index - b.index);
  const summary = {
    schedules: total.schedules,
    violations: total.violations.length,
    schedulesPerS: Number((total.schedules / wallS).toFixed(1)),
    seed: args.seed,
    wallS: Number(wallS.toFixed(2)),
    workers,
    dmrSchedules: total.byMode.dmr,
    tmrSchedules: total.byMode.tmr,
    actions: total.actions,
    failures: total.violations.slice(0, SHOWN_VIOLATIONS).map((v) => ({
      seed: v.seed,
      mode: v.mode,
      actions: v.actions,
      messages: v.messages,
      reproduce: reproduceCommand(v),
    })),
  };
  for (const v of total.violations.slice(0, SHOWN_VIOLATIONS)) {
    io.err(
      `check:faults: violation in schedule ${v.index} (${v.mode.toUpperCase()}: ${v.actions.join('; ')}): ${v.messages.join('; ')}\n  reproduce: ${reproduceCommand(v)}\n`,
    );
  }
  if (args.json) {
    io.out(`${JSON.stringify(summary)}\n`);
  } else {
    io.out(
      `${summary.schedules} schedules (${summary.dmrSchedules} DMR, ${summary.tmrSchedules} TMR, ${summary.actions} actions), ${summary.violations} violations, ${summary.schedulesPerS} schedules/s on ${workers} worker threads (${summary.wallS} s)\n`,
    );
  }
  return total.violations.length > 0 ? 1 : 0;
}
