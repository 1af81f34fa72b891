/** The trainee's page: the join form until the class lets them in, then their screen. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { pageCatalog } from '../shared/catalog.ts';
import { JoinForm } from './JoinForm.tsx';
import { TraineeScreen } from './TraineeScreen.tsx';
import { TraineeSession } from './traineeSession.ts';

declare global {
  interface Window {
    /** The trainee page's session (tests, the console): its client and view. */
    ftClassroom?: TraineeSession;
  }
}

const catalog = pageCatalog();

function startSession(code: string, name?: string): TraineeSession {
  const session = new TraineeSession({
    url: location.origin,
    code,
    ...(name ? { name } : {}),
    catalog,
    onTwin: (twin) => {
      window.ftTwin = twin.api;
    },
  });
  window.ftClassroom = session;
  return session;
}

export function TraineeApp({ initialCode, resume }: { initialCode: string; resume: boolean }) {
  const [session, setSession] = useState<TraineeSession | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  // A browser that joined before goes straight back in (its token names the trainee).
  useEffect(() => {
    if (!resume) return;
    const s = startSession(initialCode);
    setSession(s);
    return () => s.dispose();
  }, [resume, initialCode]);

  if (!session) {
    return (
      <JoinForm
        initialCode={initialCode}
        refusal={refusal}
        onJoin={(code, name) => {
          setRefusal(null);
          setSession(startSession(code, name));
        }}
      />
    );
  }
  return (
    <Joined
      session={session}
      onRefused={(why) => {
        session.dispose();
        setRefusal(why);
        setSession(null);
      }}
    />
  );
}

function Joined({
  session,
  onRefused,
}: {
  session: TraineeSession;
  onRefused: (why: string) => void;
}) {
  const view = useSyncExternalStore(session.subscribe, session.getSnapshot);
  useEffect(() => {
    if (view.phase === 'refused') onRefused(view.refusal ?? 'The class refused to let you in.');
  }, [view.phase, view.refusal, onRefused]);
  if (view.phase === 'refused') return null;
  return <TraineeScreen session={session} view={view} />;
}
