/** The instructor's class: controls on the left, the join code, roster and mirror on the right. */
import type { InstructorClient } from '@ft/classroom/client';
import type { LessonIndexEntry } from '@ft/lessons';
import { useEffect, useMemo, useState } from 'react';
import { pageCatalog } from '../shared/catalog.ts';
import { ConnectionDot, StateChip } from '../shared/StateChip.tsx';
import { AssignPanel } from './AssignPanel.tsx';
import { ClassControls } from './ClassControls.tsx';
import { FaultPanel } from './FaultPanel.tsx';
import type { InstructorSession, InstructorView } from './instructorSession.ts';
import { JoinPanel } from './JoinPanel.tsx';
import { MessagePanel } from './MessagePanel.tsx';
import { MirrorPanel } from './MirrorPanel.tsx';
import { RosterTable } from './RosterTable.tsx';
import { targetOptions } from './targets.ts';

const catalog = pageCatalog();

export interface PanelProps {
  session: InstructorSession;
  client: InstructorClient;
  view: InstructorView;
}

export function ClassScreen({ session, client, view }: PanelProps) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [watching, setWatching] = useState<string | null>(null);
  const [lessons, setLessons] = useState<LessonIndexEntry[] | null>(null);
  const [lessonsError, setLessonsError] = useState<string | null>(null);
  const classInfo = view.classInfo!;

  useEffect(() => {
    catalog.entries().then(setLessons, (e: Error) => setLessonsError(e.message));
  }, []);

  // Ticks of trainees who left the roster are dropped.
  const roster = view.roster;
  const liveSelected = useMemo(
    () => new Set(roster.filter((t) => selected.has(t.traineeId)).map((t) => t.traineeId)),
    [roster, selected],
  );
  const targets = useMemo(() => targetOptions(roster, liveSelected), [roster, liveSelected]);
  const watched = roster.find((t) => t.traineeId === watching) ?? null;

  return (
    <div className="cls-instructor">
      <header className="cls-bar">
        <div className="cls-bar-title">
          <span className="cls-eyebrow">Instructor</span>
          <h1 data-testid="class.title" title={classInfo.title}>
            {classInfo.title}
          </h1>
        </div>
        <StateChip state={classInfo.state} testId="class.state" />
        <ClassControls
          session={session}
          client={client}
          state={classInfo.state}
          title={classInfo.title}
          code={classInfo.code}
        />
        <span className="cls-spacer" />
        <ConnectionDot connected={view.connection.connected} testId="class.connection" />
        <button type="button" className="cls-ghost" onClick={() => session.leave()}>
          Leave
        </button>
      </header>
      {view.error && (
        <div className="cls-alert" role="alert" data-testid="class.error">
          <span>{view.error}</span>
          <button
            type="button"
            className="cls-ghost"
            onClick={() => session.clearError()}
            aria-label="Dismiss"
          >
            ×
          </button>
        </div>
      )}
      <div className="cls-instructor-body">
        <aside className="cls-controls" aria-label="Class controls">
          <AssignPanel
            session={session}
            client={client}
            targets={targets}
            lessons={lessons}
            lessonsError={lessonsError}
            classAssignment={classInfo.assignment}
          />
          <FaultPanel
            session={session}
            client={client}
            view={view}
            targets={targets}
            catalog={catalog}
          />
          <MessagePanel session={session} client={client} targets={targets} />
        </aside>
        <main className="cls-main">
          <JoinPanel
            code={classInfo.code}
            joinUrl={classInfo.joinUrl}
            ended={classInfo.state === 'ended'}
            count={roster.length}
          />
          <RosterTable
            session={session}
            client={client}
            roster={roster}
            lessons={lessons}
            selected={liveSelected}
            onSelect={setSelected}
            watching={watching}
            onWatch={setWatching}
          />
          {watched && (
            <MirrorPanel
              key={watched.traineeId}
              client={client}
              trainee={watched}
              onClose={() => setWatching(null)}
            />
          )}
        </main>
      </div>
    </div>
  );
}
