/**
 * What the engine client says to people when its worker cannot answer: calls made while it
 * restarts or after it stopped, a crash and its recovery, giving up after repeated crashes.
 * Plain functions of the facts, so the wording is tested without a worker.
 */
import type { CommandResult, EngineEvent, JournalEntry } from '@ft/engine';
import { formatSimTime } from '../model/format.ts';
import type { CallOutcome } from './calls.ts';

export const RESTARTING = 'The simulation is restarting; try again in a moment.';
export const STOPPED =
  "The simulation is not running: it stopped after repeated crashes. Restart it first (the notice's button or ftTwin.restart()).";
export const NOT_CONFIRMED: CommandResult = {
  ok: false,
  error:
    'The simulation worker stopped before it confirmed this command; it was not applied. Try again once it is back.',
};

/** An Error for an API promise whose worker call could not finish. */
export function unfinished(what: string, outcome: CallOutcome<unknown>): Error {
  if (outcome.kind === 'failed') {
    const why = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return new Error(`${what} failed: ${why}`);
  }
  return new Error(
    `${what} did not finish: the simulation worker stopped meanwhile. It is restored from its last save with every confirmed command; ask again once it runs.`,
  );
}

function commands(n: number): string {
  return `${n} command${n === 1 ? '' : 's'}`;
}

/**
 * The notice while a crashed worker is replaced.
 * @example crashNotice(null, 1) // 'The simulation worker stopped: restarting from the beginning and replaying the 1 command confirmed since.'
 */
export function crashNotice(savedTimeMs: number | null, pending: number): string {
  const from =
    savedTimeMs === null
      ? 'restarting from the beginning'
      : `restarting from the last saved state (time ${formatSimTime(savedTimeMs)})`;
  return `The simulation worker stopped: ${from} and replaying the ${commands(pending)} confirmed since.`;
}

/** Why the client stopped restarting a worker that kept crashing, and what Restart will do. */
export function gaveUpReason(
  crashes: number,
  windowMs: number,
  savedTimeMs: number | null,
  pending: number,
): string {
  const saved =
    savedTimeMs === null ? 'the start' : `the state saved at ${formatSimTime(savedTimeMs)}`;
  return `The simulation worker stopped ${crashes} times within ${Math.round(windowMs / 1000)} s, so it was not restarted again. Nothing confirmed is lost: Restart goes on from ${saved} and replays the ${commands(pending)} confirmed since.`;
}

/** A line of the twin's own in the event log (not from the engine). */
function clientLog(timeMs: number, message: string): EngineEvent {
  return { kind: 'log', timeMs, systemId: '', componentId: null, severity: 'warning', message };
}

/**
 * The event log's account of a recovery: where it restarted from, how much was replayed and to
 * when, then one line per replayed command the restored engine refused.
 *
 * @param entries the journal that was replayed (commands and warps, in order)
 * @param outcomes the worker's outcome for each command entry, in order
 */
export function recoveryLines(
  savedTimeMs: number | null,
  entries: readonly JournalEntry[],
  outcomes: readonly { ok: boolean; error?: string }[],
  timeMs: number,
): { lines: EngineEvent[]; refused: number } {
  const commandEntries = entries.filter((e) => e.kind === 'command');
  const refused = outcomes
    .map((o, i) => ({ o, entry: commandEntries[i] }))
    .filter(({ o }) => !o.ok);
  const from =
    savedTimeMs === null
      ? 'from the beginning'
      : `restored the state saved at ${formatSimTime(savedTimeMs)}`;
  const lines = [
    clientLog(
      timeMs,
      `Simulation worker restarted: ${from}, replayed ${outcomes.length} confirmed command${outcomes.length === 1 ? '' : 's'} and ran on to ${formatSimTime(timeMs)}`,
    ),
    ...refused.map(({ o, entry }) =>
      clientLog(
        entry?.kind === 'command' ? entry.timeMs : timeMs,
        `Replayed after the restart, ${entry?.kind === 'command' ? `${entry.command.type} ${entry.command.target}` : 'a command'} was refused this time: ${o.error ?? 'refused'}`,
      ),
    ),
  ];
  return { lines, refused: refused.length };
}
