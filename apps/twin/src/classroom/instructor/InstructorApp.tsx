/** The instructor's page: the class creation form, then the class. */
import { type FormEvent, useId, useState, useSyncExternalStore } from 'react';
import { ClassScreen } from './ClassScreen.tsx';
import type { InstructorSession } from './instructorSession.ts';

export function InstructorApp({ session }: { session: InstructorSession }) {
  const view = useSyncExternalStore(session.subscribe, session.getSnapshot);
  if (view.phase === 'create') return <CreateClass session={session} error={view.error} />;
  if (view.phase === 'connecting' || !view.classInfo || !session.client) {
    return (
      <main className="cls-center">
        <p className="cls-card" role="status">
          Connecting to the class…
        </p>
      </main>
    );
  }
  return <ClassScreen session={session} client={session.client} view={view} />;
}

function CreateClass({ session, error }: { session: InstructorSession; error: string | null }) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    await session.create(title.trim() || 'Class');
    setBusy(false);
  }
  return (
    <main className="cls-center">
      <form className="cls-card cls-join" onSubmit={submit}>
        <p className="cls-eyebrow">ftServer twin · Classroom</p>
        <h1>Run a class</h1>
        <p className="cls-muted">
          Trainees join with a short code; each runs their own twin in their browser. You assign
          lessons, inject faults and watch everyone’s progress live.
        </p>
        <label htmlFor={id}>Class title</label>
        <input
          id={id}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={80}
          placeholder="Monday 9:00 — ftServer operations"
        />
        {error && (
          <p className="cls-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="cls-primary" disabled={busy}>
          Create class
        </button>
      </form>
    </main>
  );
}
