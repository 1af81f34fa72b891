/** A trainee in class: their twin, the assignment beside it, and the instructor's messages. */
import { useState } from 'react';
import { formatClockTime } from '../shared/format.ts';
import { ElementSlot } from '../shared/ElementSlot.tsx';
import { ConnectionDot, StateChip } from '../shared/StateChip.tsx';
import { AssignmentCard } from './AssignmentCard.tsx';
import type { TraineeSession } from './traineeSession.ts';
import type { TraineeView } from './traineeView.ts';

export function TraineeScreen({ session, view }: { session: TraineeSession; view: TraineeView }) {
  // On a small laptop the twin may want the whole width for a while.
  const [sideOpen, setSideOpen] = useState(true);
  return (
    <div className={`cls-trainee${sideOpen ? '' : ' is-side-closed'}`}>
      <header className="cls-bar">
        <div className="cls-bar-title">
          <span className="cls-eyebrow">Classroom</span>
          <h1 data-testid="trainee.classTitle" title={view.classTitle}>
            {view.classTitle || 'Joining…'}
          </h1>
        </div>
        <StateChip state={view.classState} testId="trainee.classState" />
        <span className="cls-spacer" />
        <span className="cls-who" data-testid="trainee.name">
          {view.name}
        </span>
        <ConnectionDot connected={view.connection.connected} testId="trainee.connection" />
        <button
          type="button"
          className="cls-ghost"
          aria-expanded={sideOpen}
          aria-controls="cls-trainee-side"
          onClick={() => setSideOpen(!sideOpen)}
        >
          {sideOpen ? 'Hide lesson' : 'Show lesson'}
        </button>
      </header>
      <div className="cls-trainee-body">
        <section className="cls-twin-area" aria-label="Your twin">
          <TwinBanner view={view} />
          <div className="cls-twin-frame">
            <ElementSlot element={session.twinHost} className="cls-twin-slot" />
            <TwinCover view={view} />
          </div>
        </section>
        <aside
          id="cls-trainee-side"
          className="cls-side"
          aria-label="Your class"
          hidden={!sideOpen}
        >
          {view.notice && (
            <p className="cls-notice" role="status" data-testid="trainee.notice">
              {view.notice}
            </p>
          )}
          <AssignmentCard session={session} view={view} />
          <Messages view={view} />
        </aside>
      </div>
    </div>
  );
}

/** What covers the twin while it cannot be used: loading, restoring. */
function TwinCover({ view }: { view: TraineeView }) {
  if (view.phase === 'connecting' || view.phase === 'loading') {
    return <div className="cls-twin-cover">Starting your twin…</div>;
  }
  if (view.phase === 'restoring') {
    const share = view.restore
      ? Math.min(1, view.restore.timeMs / Math.max(1, view.restore.targetMs))
      : 0;
    return (
      <div className="cls-twin-cover" data-testid="trainee.restoring">
        <p>Restoring your twin where you left it…</p>
        <progress max={1} value={share} aria-label="Restoring your twin" />
      </div>
    );
  }
  return null;
}

/** A strip above the twin while the class is not running. */
function TwinBanner({ view }: { view: TraineeView }) {
  const line =
    view.classState === 'waiting'
      ? 'The class has not started yet: your twin starts when the instructor starts the class.'
      : view.classState === 'paused'
        ? 'The instructor paused the class: your twin is paused too.'
        : view.classState === 'ended'
          ? 'The class has ended. Thank you!'
          : null;
  if (!line) return null;
  return (
    <div
      className={`cls-twin-banner cls-state-${view.classState}`}
      role="status"
      data-testid="trainee.banner"
    >
      {line}
    </div>
  );
}

function Messages({ view }: { view: TraineeView }) {
  return (
    <section className="cls-card cls-messages" aria-labelledby="cls-messages-title">
      <h2 id="cls-messages-title">Messages from the instructor</h2>
      {view.messages.length === 0 ? (
        <p className="cls-muted">None yet.</p>
      ) : (
        <ol aria-live="polite" data-testid="trainee.messages">
          {view.messages.map((m, i) => (
            <li key={`${m.atMs}-${m.text}`} className={i === 0 ? 'is-newest' : undefined}>
              <time dateTime={new Date(m.atMs).toISOString()}>{formatClockTime(m.atMs)}</time>
              <span>{m.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
