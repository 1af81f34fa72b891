/**
 * `pnpm sim`: runs a rack headless for a simulated duration and prints what happened.
 * Same seed, configuration and injections give the same output, byte for byte. Progress goes
 * to stderr; mistakes end in a one-line message and exit code 2.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ConfigError, getPreset, parseRackConfig, type RackConfig } from '@ft/hardware';
import { Engine } from '../engine.ts';
import { wallClockMs } from '../worker/wall.clock.ts';
import { type Injection, parseSimArgs, UsageError } from './args.ts';
import { buildReport, EventTally, formatReport } from './report.ts';

/** Simulated time run for real before time warp may start (measures the transaction rate). */
const WARMUP_MS = 1000;
/** Simulated time per advance call (events are drained between calls). */
const CHUNK_MS = 3_600_000;

function loadConfig(preset: string | null, file: string | null): RackConfig {
  if (preset !== null) return getPreset(preset);
  const path = file ?? '';
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parseRackConfig(text, basename(path));
}

function apply(engine: Engine, inj: Injection): void {
  const cmd =
    inj.action === 'pull'
      ? ({ type: 'pull', target: inj.target } as const)
      : inj.action === 'insert' || inj.action === 'insert-new'
        ? ({
            type: 'insert',
            target: inj.target,
            replacement: inj.action === 'insert-new',
          } as const)
        : ({ type: 'inject', target: inj.target, fault: inj.action } as const);
  const result = engine.command(cmd);
  if (!result.ok)
    process.stderr.write(
      `warning: --inject ${inj.target}:${inj.action} at ${inj.atMs} ms refused: ${result.error}\n`,
    );
}

function main(argv: string[]): void {
  const args = parseSimArgs(argv);
  const config = loadConfig(args.preset, args.configFile);
  const engine = Engine.fromConfig(config, {
    seed: args.seed,
    randomFaults: args.faults === 'mtbf',
    autoRepair: true,
  });
  for (const inj of args.injections) {
    if (!engine.world.byId.has(inj.target)) {
      throw new UsageError(
        `--inject: unknown component '${inj.target}' (e.g. ${engine.world.ids[0]})`,
      );
    }
  }
  const tally = new EventTally();
  const started = wallClockMs();
  let lastProgress = started;
  const pending = [...args.injections];
  const end = args.durationMs;
  while (engine.timeMs < end) {
    const next = pending.length > 0 ? Math.min(pending[0].atMs, end) : end;
    const target = Math.min(next, engine.timeMs + CHUNK_MS);
    const warm = Math.min(target, WARMUP_MS);
    if (engine.timeMs < warm) engine.advance(warm - engine.timeMs);
    if (engine.timeMs < target) engine.advance(target - engine.timeMs, true);
    while (pending.length > 0 && pending[0].atMs <= engine.timeMs) {
      const inj = pending.shift();
      if (inj) apply(engine, inj);
    }
    tally.add(engine.drainEvents());
    const now = wallClockMs();
    if (now - lastProgress > 1000) {
      lastProgress = now;
      const pct = ((engine.timeMs / end) * 100).toFixed(1);
      process.stderr.write(
        `sim: ${pct}% (${(engine.timeMs / 86_400_000).toFixed(1)} of ${(end / 86_400_000).toFixed(1)} days)\n`,
      );
    }
  }
  tally.add(engine.drainEvents());
  const report = buildReport(engine, args, tally);
  process.stdout.write(`${args.json ? JSON.stringify(report) : formatReport(report)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`sim: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
