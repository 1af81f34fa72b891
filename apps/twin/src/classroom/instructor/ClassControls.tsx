/** Start, pause, resume and end the class; download the report. */
import type { ClassState, InstructorClient } from '@ft/classroom/client';
import { useState } from 'react';
import { downloadReport } from './report.ts';
import type { InstructorSession } from './instructorSession.ts';

interface Props {
  session: InstructorSession;
  client: InstructorClient;
  state: ClassState;
  title: string;
  code: string;
}

export function ClassControls({ session, client, state, title, code }: Props) {
  const [busy, setBusy] = useState(false);
  const act = (what: string, run: () => Promise<unknown>) => async () => {
    setBusy(true);
    try {
      await run();
    } catch (error) {
      session.fail(what, error);
    } finally {
      setBusy(false);
    }
  };
  const to = (next: 'running' | 'paused' | 'ended') =>
    act(`Class ${next}`, () => client.setClassState(next));
  return (
    <div className="cls-class-controls">
      {state === 'waiting' && (
        <button type="button" className="cls-primary" disabled={busy} onClick={to('running')}>
          Start class
        </button>
      )}
      {state === 'running' && (
        <button type="button" className="cls-secondary" disabled={busy} onClick={to('paused')}>
          Pause
        </button>
      )}
      {state === 'paused' && (
        <button type="button" className="cls-primary" disabled={busy} onClick={to('running')}>
          Resume
        </button>
      )}
      {state !== 'ended' && (
        <button
          type="button"
          className="cls-danger"
          disabled={busy}
          onClick={() => {
            if (window.confirm('End the class for everyone? The join code stops working.'))
              void to('ended')();
          }}
        >
          End class
        </button>
      )}
      <button
        type="button"
        className="cls-secondary"
        disabled={busy}
        onClick={act('Report', () => downloadReport(client, 'csv', title, code))}
      >
        Report CSV
      </button>
      <button
        type="button"
        className="cls-secondary"
        disabled={busy}
        onClick={act('Report', () => downloadReport(client, 'json', title, code))}
      >
        Report JSON
      </button>
    </div>
  );
}
