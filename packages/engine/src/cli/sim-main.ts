/**
 * `pnpm sim` (entry: sim.ts): runs a rack headless for a simulated duration and prints what happened.
 * Same seed, configuration and injections give the same output, byte for byte. Progress goes
 * to stderr; every mistake ends in one line on stderr and exit code 2, found before the run
 * starts where it can be (a command refused during the run also ends it with exit code 2).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  buildRack,
  ConfigError,
  getPreset,
  parseRackConfig,
  type RackConfig,
  type RackModel,
} from '@ft/hardware';
import { Engine } from '../engine.ts';
import { FAULTS_BY_KIND_NAME } from '../faults-by-kind.ts';
import type { Command, FaultKind } from '../types.ts';
import { wallClockMs } from '../worker/wall.clock.ts';
import { oneLine, shown } from '../text.ts';
import { type Injection, parseSimArgs, UsageError } from './args.ts';
import { buildReport, EventTally, formatReport } from './report.ts';
import { runSimulation, type TimedCommand } from './run.ts';

/** Largest configuration file read (a rack of eight systems is about 2 KB). */
export const MAX_CONFIG_BYTES = 1 << 20;

function readConfigFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`--config ${shown(path)} is not a regular file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`--config ${shown(path)}: cannot read the file (${code})`);
  }
  if (size > MAX_CONFIG_BYTES) {
    throw new UsageError(`--config ${shown(path)} is larger than ${MAX_CONFIG_BYTES} bytes`);
  }
  // Read at most one byte more than allowed, whatever the file does meanwhile.
  const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
  let length = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      for (;;) {
        const n = readSync(fd, buffer, length, buffer.length - length, null);
        if (n === 0) break;
        length += n;
        if (length > MAX_CONFIG_BYTES) break;
      }
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`--config ${shown(path)}: cannot read the file (${code})`);
  }
  if (length > MAX_CONFIG_BYTES) {
    throw new UsageError(`--config ${shown(path)} is larger than ${MAX_CONFIG_BYTES} bytes`);
  }
  return buffer.subarray(0, length).toString('utf8');
}

function loadConfig(preset: string | null, file: string | null): RackConfig {
  if (preset !== null) return getPreset(preset);
  const path = file ?? '';
  return parseRackConfig(readConfigFile(path), basename(path));
}

function toCommand(inj: Injection): Command {
  if (inj.action === 'pull') return { type: 'pull', target: inj.target };
  if (inj.action === 'insert' || inj.action === 'insert-new') {
    return { type: 'insert', target: inj.target, replacement: inj.action === 'insert-new' };
  }
  return { type: 'inject', target: inj.target, fault: inj.action as FaultKind };
}

/**
 * What can be known before the run: the component exists, can suffer the fault, and is in the
 * chassis (pulls and inserts of the list itself are followed) when the injection comes.
 */
function checkInjections(rack: RackModel, injections: readonly Injection[]): void {
  const index = new Map(rack.components.map((c, i) => [c.id, i]));
  const out = new Set<number>();
  const children = (i: number) =>
    rack.components.flatMap((c, k) => (c.parentId === rack.components[i].id ? [k] : []));
  for (const inj of injections) {
    const i = index.get(inj.target);
    if (i === undefined) {
      throw new UsageError(
        `--inject ${shown(inj.text)}: unknown component ${shown(inj.target)} (e.g. ${rack.components[0]?.id})`,
      );
    }
    const spec = rack.components[i];
    const parent = spec.parentId ? index.get(spec.parentId) : undefined;
    if (inj.action === 'pull') {
      if (!spec.hotSwappable.value) {
        throw new UsageError(
          `--inject ${shown(inj.text)}: ${spec.label} cannot be pulled on its own`,
        );
      }
      if (out.has(i))
        throw new UsageError(`--inject ${shown(inj.text)}: ${spec.label} is already out`);
      out.add(i);
      for (const k of children(i)) out.add(k);
    } else if (inj.action === 'insert' || inj.action === 'insert-new') {
      if (!out.has(i)) {
        throw new UsageError(
          `--inject ${shown(inj.text)}: ${spec.label} is in the chassis (pull it first)`,
        );
      }
      if (parent !== undefined && out.has(parent)) {
        throw new UsageError(`--inject ${shown(inj.text)}: its enclosure is out of the chassis`);
      }
      out.delete(i);
      for (const k of children(i)) out.delete(k);
    } else {
      const faults = FAULTS_BY_KIND_NAME[spec.kind];
      if (!faults.includes(inj.action as FaultKind)) {
        throw new UsageError(
          `--inject ${shown(inj.text)}: ${spec.label} cannot suffer ${inj.action}; it can suffer ${faults.join(', ')}`,
        );
      }
      if (out.has(i)) {
        throw new UsageError(
          `--inject ${shown(inj.text)}: ${spec.label} is out of the chassis then`,
        );
      }
    }
  }
}

export interface SimIo {
  out(text: string): void;
  err(text: string): void;
}

function run(argv: readonly string[], io: SimIo): void {
  const args = parseSimArgs(argv);
  const config = loadConfig(args.preset, args.configFile);
  checkInjections(buildRack(config), args.injections);
  const engine = Engine.fromConfig(config, {
    seed: args.seed,
    randomFaults: args.faults === 'mtbf',
    autoRepair: true,
  });
  const commands: TimedCommand[] = args.injections.map((inj) => ({
    atMs: inj.atMs,
    command: toCommand(inj),
    text: inj.text,
  }));
  const tally = new EventTally();
  let lastProgress = wallClockMs();
  const end = args.durationMs;
  runSimulation(engine, end, commands, {
    onEvents: (events) => tally.add(events),
    onRefused: (timed, result) => {
      throw new UsageError(`--inject ${shown(timed.text)} refused at that time: ${result.error}`);
    },
    onProgress: (timeMs) => {
      const now = wallClockMs();
      if (now - lastProgress < 1000) return;
      lastProgress = now;
      const days = (ms: number) => (ms / 86_400_000).toFixed(1);
      io.err(`sim: ${((timeMs / end) * 100).toFixed(1)}% (${days(timeMs)} of ${days(end)} days)\n`);
    },
  });
  const report = buildReport(engine, args, tally);
  io.out(`${args.json ? JSON.stringify(report) : formatReport(report)}\n`);
}

/**
 * Runs `pnpm sim` with `argv`; returns the exit code (0, or 2 after one line on stderr).
 *
 * @example
 * simMain(['--preset', '4300-dmr', '--duration', '30d', '--json'], { out: console.log, err: console.error });
 */
export function simMain(argv: readonly string[], io: SimIo): number {
  try {
    run(argv, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.err(`sim: ${oneLine(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}
