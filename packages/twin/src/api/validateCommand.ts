/**
 * The check of `command()`'s argument: any engine command, against the schema of @ft/lessons
 * (shared with scenario files). Its own module, loaded on the first `command()` call, so the
 * schema stays out of a twin's first download (the embed's first-frame budget).
 */
import type { Command } from '@ft/engine';
import { commandSchema } from '@ft/lessons';
import { checkArg } from './args.ts';
import { expectId, SYSTEM_COMMANDS } from './validate.ts';

/**
 * Any engine command, checked field by field (the schema of @ft/lessons, shared with scenario
 * files) and against the rack's ids; returns the checked copy.
 */
export function expectCommand(
  command: unknown,
  componentIds: readonly string[],
  systemIds: readonly string[],
): Command {
  const checked = checkArg('command', 'command', commandSchema, command) as Command;
  if (SYSTEM_COMMANDS.includes(checked.type)) {
    expectId('command', 'command.target', checked.target, systemIds, 'system id');
  } else expectId('command', 'command.target', checked.target, componentIds);
  return checked;
}
