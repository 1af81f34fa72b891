/**
 * Sends one engine command at a time from a panel and keeps its outcome ("Merge: done." or
 * the engine's reason for refusing) for a role="status" line.
 */
import type { Command } from '@ft/engine';
import { useCallback, useState } from 'react';
import { useTwinInstance } from '../state/context.ts';

export interface Outcome {
  ok: boolean;
  text: string;
}

export function useCommand() {
  const twin = useTwinInstance();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = useCallback(
    async (command: Command, label: string): Promise<boolean> => {
      setPending(true);
      const result = await twin.engine.command(command);
      setPending(false);
      setOutcome({
        ok: result.ok,
        text: result.ok ? `${label}: done.` : `${label}: ${result.error ?? 'refused'}`,
      });
      return result.ok;
    },
    [twin],
  );
  return { pending, outcome, run, setOutcome };
}
