/** One trainee's twin, read-only, mirrored from their session log (see mirror.ts). */
import type { InstructorClient, RosterEntry } from '@ft/classroom/client';
import type { FtTwin } from '@ft/twin';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ElementSlot } from '../shared/ElementSlot.tsx';
import { formatDuration } from '../shared/format.ts';
import { type MirrorStatus, TraineeMirror } from './mirror.ts';

declare global {
  interface Window {
    /** The instructor page's mirror twin, while one is open (tests, the console). */
    ftMirror?: FtTwin;
  }
}

interface Props {
  client: InstructorClient;
  trainee: RosterEntry;
  onClose(): void;
}

export function MirrorPanel({ client, trainee, onClose }: Props) {
  const host = useMemo(() => {
    const el = document.createElement('div');
    el.className = 'cls-mirror-host';
    return el;
  }, []);
  const [status, setStatus] = useState<MirrorStatus>({
    state: 'loading',
    commands: 0,
    simTimeMs: 0,
    late: 0,
  });
  const mirror = useRef<TraineeMirror | null>(null);

  useEffect(() => {
    const m = new TraineeMirror(client, trainee.traineeId, host, setStatus, (twin) => {
      if (twin) window.ftMirror = twin.api;
      else delete window.ftMirror;
    });
    mirror.current = m;
    void m.start();
    return () => {
      m.stop();
      mirror.current = null;
    };
  }, [client, trainee.traineeId, host]);

  const progress = trainee.progress;
  useEffect(() => {
    if (progress) mirror.current?.setTargetMs(progress.lessonId, progress.simTimeMs);
  }, [progress]);

  return (
    <section
      className="cls-card cls-mirror"
      aria-labelledby="cls-mirror-title"
      data-testid="mirror"
    >
      <div className="cls-roster-head">
        <h2 id="cls-mirror-title">
          {trainee.name}’s twin <span className="cls-faint">read-only</span>
        </h2>
        <span
          className="cls-muted"
          role="status"
          data-testid="mirror.status"
          data-state={status.state}
          data-commands={status.commands}
        >
          {describe(status)}
        </span>
        <span className="cls-spacer" />
        <button type="button" className="cls-ghost" onClick={onClose}>
          Close
        </button>
      </div>
      <ElementSlot element={host} className="cls-mirror-slot" />
    </section>
  );
}

function describe(s: MirrorStatus): string {
  switch (s.state) {
    case 'loading':
      return 'Loading the session…';
    case 'no-session':
      return 'No twin yet: the trainee’s twin starts with their lesson.';
    case 'failed':
      return `The mirror stopped: ${s.error ?? 'unknown error'}`;
    case 'stopped':
      return 'Stopped.';
    default: {
      const late = s.late > 0 ? ` · approximate (${s.late} late)` : '';
      return `${s.commands} ${s.commands === 1 ? 'command' : 'commands'} replayed · simulated ${formatDuration(s.simTimeMs)}${late}`;
    }
  }
}
