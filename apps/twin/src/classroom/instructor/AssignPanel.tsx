/**
 * Assigning a lesson or drill with a seed: to everyone, the ticked trainees, a group or one
 * trainee; with "a seed per trainee", each targeted trainee gets seed, seed + 1, … (so each
 * draws a different hidden fault from the same drill).
 */
import type { Assignment, InstructorClient } from '@ft/classroom/client';
import type { LessonIndexEntry } from '@ft/lessons';
import { type FormEvent, useId, useState } from 'react';
import type { InstructorSession } from './instructorSession.ts';
import { pickTarget, type TargetOption } from './targets.ts';

const MAX_SEED = 0xffff_ffff;

interface Props {
  session: InstructorSession;
  client: InstructorClient;
  targets: TargetOption[];
  lessons: LessonIndexEntry[] | null;
  lessonsError: string | null;
  classAssignment: Assignment | null;
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000;
}

export function AssignPanel({
  session,
  client,
  targets,
  lessons,
  lessonsError,
  classAssignment,
}: Props) {
  const [lessonId, setLessonId] = useState('');
  const [seedText, setSeedText] = useState('1');
  const [perTrainee, setPerTrainee] = useState(false);
  const [targetKey, setTargetKey] = useState('all');
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { lesson: useId(), seed: useId(), target: useId(), per: useId() };
  const chosen = lessons?.find((l) => l.id === lessonId) ?? null;
  const target = pickTarget(targets, targetKey);
  const seed = Number(seedText);
  const seedOk = seedText.trim() !== '' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen || !seedOk) return;
    setBusy(true);
    setStatus(null);
    try {
      if (perTrainee) {
        let k = 0;
        for (const id of target.traineeIds) {
          const s = (seed + k++) % (MAX_SEED + 1);
          await client.assignLesson(
            { kind: chosen.kind, lessonId: chosen.id, seed: s },
            { to: 'trainees', traineeIds: [id] },
          );
        }
        setStatus(
          `Assigned “${chosen.title}” to ${target.label}, seeds ${seed}…${seed + Math.max(0, k - 1)}.`,
        );
      } else {
        await client.assignLesson({ kind: chosen.kind, lessonId: chosen.id, seed }, target.target);
        setStatus(`Assigned “${chosen.title}” (seed ${seed}) to ${target.label}.`);
      }
    } catch (error) {
      session.fail('Assign', error);
    } finally {
      setBusy(false);
    }
  }

  const current = classAssignment
    ? (lessons?.find((l) => l.id === classAssignment.lessonId)?.title ?? classAssignment.lessonId)
    : null;
  return (
    <form className="cls-card cls-form" onSubmit={submit} aria-labelledby={`${ids.lesson}-h`}>
      <h2 id={`${ids.lesson}-h`}>Assign a lesson</h2>
      {current && (
        <p className="cls-muted" data-testid="class.assignment">
          Everyone: {current} (seed {classAssignment!.seed})
        </p>
      )}
      {lessonsError && <p className="cls-error">{lessonsError}</p>}
      <label htmlFor={ids.lesson}>Lesson or drill</label>
      <select
        id={ids.lesson}
        value={lessonId}
        onChange={(e) => setLessonId(e.target.value)}
        required
      >
        <option value="" disabled>
          {lessons ? 'Choose…' : 'Loading…'}
        </option>
        {(['lesson', 'drill'] as const).map((kind) => (
          <optgroup key={kind} label={kind === 'lesson' ? 'Lessons' : 'Troubleshooting drills'}>
            {(lessons ?? [])
              .filter((l) => l.kind === kind)
              .map((l) => (
                <option key={l.id} value={l.id}>
                  {l.title} · {l.level}, {l.minutes} min
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {chosen && <p className="cls-muted cls-summary">{chosen.summary}</p>}
      <div className="cls-row">
        <div className="cls-field">
          <label htmlFor={ids.seed}>Seed</label>
          <div className="cls-row">
            <input
              id={ids.seed}
              inputMode="numeric"
              value={seedText}
              onChange={(e) => setSeedText(e.target.value.trim())}
              aria-invalid={!seedOk}
              aria-describedby={`${ids.seed}-hint`}
            />
            <button
              type="button"
              className="cls-ghost"
              onClick={() => setSeedText(String(randomSeed()))}
              title="A random seed"
            >
              New
            </button>
          </div>
        </div>
        <div className="cls-field">
          <label htmlFor={ids.target}>Give to</label>
          <select id={ids.target} value={target.key} onChange={(e) => setTargetKey(e.target.value)}>
            {targets.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={`${ids.seed}-hint`} className="cls-muted">
        {seedOk
          ? 'The seed draws the lesson’s variables (which part fails).'
          : 'A whole number from 0 to 4294967295.'}
      </p>
      <label className="cls-check" htmlFor={ids.per}>
        <input
          id={ids.per}
          type="checkbox"
          checked={perTrainee}
          onChange={(e) => setPerTrainee(e.target.checked)}
        />
        A different seed for each trainee
      </label>
      <button
        type="submit"
        className="cls-primary"
        disabled={busy || !chosen || !seedOk || (target.traineeIds.length === 0 && perTrainee)}
      >
        Assign
      </button>
      {status && (
        <p className="cls-ok" role="status">
          {status}
        </p>
      )}
    </form>
  );
}
