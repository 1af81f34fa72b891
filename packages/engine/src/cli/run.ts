/**
 * A headless run: advances an engine to the end of the run with time warp, applies timed commands
 * at their times and drains events as it goes. Shared by `pnpm sim`, the benchmarks and the
 * silent-corruption study.
 */
import type { Engine } from '../engine.ts';
import type { Command, CommandResult, EngineEvent } from '../types.ts';

/** Simulated time per advance call (events are drained between calls). */
const CHUNK_MS = 3_600_000;

export interface TimedCommand {
  atMs: number;
  command: Command;
  /** How the command was written (for messages). */
  text: string;
}

export interface RunHooks {
  /** Events of one chunk. */
  onEvents?: (events: EngineEvent[]) => void;
  /** A command was refused: return to stop the run (the CLI exits), or ignore it. */
  onRefused?: (timed: TimedCommand, result: CommandResult) => void;
  /** Called between chunks with the simulated time reached. */
  onProgress?: (timeMs: number) => void;
}

/** Runs `engine` until `endMs`, applying `commands` (sorted by time) on the way. */
export function runSimulation(
  engine: Engine,
  endMs: number,
  commands: readonly TimedCommand[],
  hooks: RunHooks = {},
): void {
  let next = 0;
  while (engine.timeMs < endMs) {
    const due = next < commands.length ? Math.min(commands[next].atMs, endMs) : endMs;
    const target = Math.min(due, engine.timeMs + CHUNK_MS);
    if (engine.timeMs < target) engine.advance(target - engine.timeMs, true);
    while (next < commands.length && commands[next].atMs <= engine.timeMs) {
      const timed = commands[next++];
      const result = engine.command(timed.command);
      if (!result.ok) hooks.onRefused?.(timed, result);
    }
    hooks.onEvents?.(engine.drainEvents());
    hooks.onProgress?.(engine.timeMs);
  }
  hooks.onEvents?.(engine.drainEvents());
}
