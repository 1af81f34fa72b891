/**
 * The live roster: one row per trainee (name, group, connected, lesson, step, score, system
 * status, mistakes, trainee time), updated from the server's small roster events. Ticks choose
 * trainees for a target or a group; "Watch" opens the trainee's twin, mirrored.
 */
import type { InstructorClient, RosterEntry } from '@ft/classroom/client';
import type { LessonIndexEntry } from '@ft/lessons';
import { type FormEvent, useId, useState } from 'react';
import { formatDuration, plural } from '../shared/format.ts';
import type { InstructorSession } from './instructorSession.ts';

interface Props {
  session: InstructorSession;
  client: InstructorClient;
  roster: RosterEntry[];
  lessons: LessonIndexEntry[] | null;
  selected: ReadonlySet<string>;
  onSelect(selected: ReadonlySet<string>): void;
  watching: string | null;
  onWatch(traineeId: string | null): void;
}

export function RosterTable({
  session,
  client,
  roster,
  lessons,
  selected,
  onSelect,
  watching,
  onWatch,
}: Props) {
  const lessonTitle = (id: string) => lessons?.find((l) => l.id === id)?.title ?? id;
  const allTicked = roster.length > 0 && roster.every((t) => selected.has(t.traineeId));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const online = roster.filter((t) => t.connected).length;
  return (
    <section className="cls-card cls-roster" aria-labelledby="cls-roster-title">
      <div className="cls-roster-head">
        <h2 id="cls-roster-title">Trainees</h2>
        <span className="cls-muted" data-testid="roster.count">
          {plural(roster.length, 'trainee')}, {online} connected
        </span>
        <span className="cls-spacer" />
        {selected.size > 0 && <GroupForm session={session} client={client} ids={[...selected]} />}
      </div>
      {roster.length === 0 ? (
        <p className="cls-empty">Nobody has joined yet. Trainees join with the code above.</p>
      ) : (
        <div className="cls-table-wrap">
          <table data-testid="roster">
            <thead>
              <tr>
                <th scope="col" className="cls-tick">
                  <input
                    type="checkbox"
                    aria-label="Tick every trainee"
                    checked={allTicked}
                    onChange={() =>
                      onSelect(allTicked ? new Set() : new Set(roster.map((t) => t.traineeId)))
                    }
                  />
                </th>
                <th scope="col">Name</th>
                <th scope="col">Lesson</th>
                <th scope="col">Step</th>
                <th scope="col">Score</th>
                <th scope="col">System</th>
                <th scope="col">Mistakes</th>
                <th scope="col">Time</th>
                <th scope="col">
                  <span className="visually-hidden">Mirror</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {roster.map((t) => {
                const p = t.progress;
                const sameLesson = p && t.assignment && p.lessonId === t.assignment.lessonId;
                return (
                  <tr
                    key={t.traineeId}
                    data-testid={`roster.row.${t.traineeId}`}
                    data-trainee={t.name}
                    data-connected={t.connected}
                    className={`${t.connected ? '' : 'is-offline'}${watching === t.traineeId ? ' is-watched' : ''}`}
                  >
                    <td className="cls-tick">
                      <input
                        type="checkbox"
                        aria-label={`Tick ${t.name}`}
                        checked={selected.has(t.traineeId)}
                        onChange={() => toggle(t.traineeId)}
                      />
                    </td>
                    <th scope="row">
                      <span
                        className={`cls-dot ${t.connected ? 'is-on' : 'is-off'}`}
                        title={t.connected ? 'Connected' : 'Not connected'}
                      />
                      <span className="cls-name">{t.name}</span>
                      {t.group && <span className="cls-tag">{t.group}</span>}
                      <span className="visually-hidden">
                        {t.connected ? ' (connected)' : ' (not connected)'}
                      </span>
                    </th>
                    <td className="cls-lesson">
                      {t.assignment ? (
                        <>
                          {lessonTitle(t.assignment.lessonId)}{' '}
                          <span className="cls-faint">#{t.assignment.seed}</span>
                        </>
                      ) : (
                        <span className="cls-faint">free play</span>
                      )}
                    </td>
                    <td data-testid="roster.step">
                      {p && sameLesson && p.stepsTotal > 0
                        ? p.finished
                          ? `done (${p.stepsTotal})`
                          : `${Math.min(p.stepIndex + 1, p.stepsTotal)} / ${p.stepsTotal}`
                        : '–'}
                    </td>
                    <td data-testid="roster.score">
                      {p && sameLesson && p.maxScore > 0 ? `${p.score} / ${p.maxScore}` : '–'}
                    </td>
                    <td>
                      {p ? (
                        <span
                          className={`cls-status is-${p.systemStatus}`}
                          data-testid="roster.status"
                        >
                          {p.systemStatus}
                        </span>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td
                      data-testid="roster.mistakes"
                      className={p && p.mistakes > 0 ? 'is-warn' : undefined}
                    >
                      {p ? p.mistakes : '–'}
                    </td>
                    <td data-testid="roster.time">{formatDuration(p?.elapsedMs)}</td>
                    <td>
                      <button
                        type="button"
                        className="cls-ghost"
                        aria-pressed={watching === t.traineeId}
                        onClick={() => onWatch(watching === t.traineeId ? null : t.traineeId)}
                      >
                        {watching === t.traineeId ? 'Close' : 'Watch'}
                        <span className="visually-hidden"> {t.name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function GroupForm({
  session,
  client,
  ids,
}: {
  session: InstructorSession;
  client: InstructorClient;
  ids: string[];
}) {
  const [group, setGroup] = useState('');
  const id = useId();
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await client.setGroup(ids, group.trim() === '' ? null : group);
      setGroup('');
    } catch (error) {
      session.fail('Group', error);
    }
  }
  return (
    <form className="cls-row cls-group-form" onSubmit={submit}>
      <label htmlFor={id}>Group of the {plural(ids.length, 'ticked trainee')}</label>
      <input
        id={id}
        value={group}
        onChange={(e) => setGroup(e.target.value)}
        maxLength={24}
        placeholder="Table 1 (empty: none)"
      />
      <button type="submit" className="cls-secondary">
        Set group
      </button>
    </form>
  );
}
