/** The class state as a coloured chip: waiting, running, paused, ended. */
import type { ClassState } from '@ft/classroom/client';

const WORDS: Record<ClassState, string> = {
  waiting: 'Waiting to start',
  running: 'Running',
  paused: 'Paused',
  ended: 'Ended',
};

export function StateChip({ state, testId }: { state: ClassState; testId: string }) {
  return (
    <span className={`cls-chip cls-state-${state}`} data-testid={testId} data-state={state}>
      {WORDS[state]}
    </span>
  );
}

/** Connected or not, as a dot and a word. */
export function ConnectionDot({ connected, testId }: { connected: boolean; testId?: string }) {
  return (
    <span
      className={`cls-conn ${connected ? 'is-on' : 'is-off'}`}
      data-testid={testId}
      data-connected={connected}
    >
      <span className="cls-dot" aria-hidden="true" />
      <span className="cls-conn-text">{connected ? 'Connected' : 'Reconnecting…'}</span>
    </span>
  );
}
