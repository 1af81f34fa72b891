/**
 * The Lessons menu: every lesson and drill of `lessons/index.json` (title, level, minutes,
 * summary), each a link to `?lesson=ID`; and a trainer's own files: a lesson to try, a session
 * to replay (file button or drop anywhere on the page).
 */
import type { LessonIndex, LessonIndexEntry } from '@ft/lessons';
import { ErrorPanel } from './ErrorPanel.tsx';
import { FileButton } from './FileOpen.tsx';
import type { Loaded } from './load.ts';

const LEVEL_ORDER = { beginner: 0, intermediate: 1, advanced: 2 } as const;

function LessonCard({ entry, seed }: { entry: LessonIndexEntry; seed: string | null }) {
  const href = `?lesson=${encodeURIComponent(entry.id)}${seed ? `&seed=${encodeURIComponent(seed)}` : ''}`;
  return (
    <li className="lp-card" data-testid={`lessons.item.${entry.id}`}>
      <a className="lp-card-link" href={href}>
        <h3 className="lp-card-title">{entry.title}</h3>
        <p className="lp-card-meta">
          <span className={`lp-level lp-level-${entry.level}`}>{entry.level}</span>
          <span>about {entry.minutes} min</span>
          {entry.kind === 'drill' && <span className="lp-tag">drill</span>}
        </p>
        <p className="lp-card-summary">{entry.summary}</p>
      </a>
    </li>
  );
}

function Section({
  title,
  entries,
  seed,
}: {
  title: string;
  entries: LessonIndexEntry[];
  seed: string | null;
}) {
  if (entries.length === 0) return null;
  const sorted = [...entries].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  return (
    <section className="lp-menu-section" aria-label={title}>
      <h2 className="lp-menu-heading">
        {title} <span className="lp-count">{entries.length}</span>
      </h2>
      <ul className="lp-cards">
        {sorted.map((e) => (
          <LessonCard key={e.id} entry={e} seed={seed} />
        ))}
      </ul>
    </section>
  );
}

export function LessonMenu({
  index,
  seed,
  onFile,
}: {
  index: Loaded<LessonIndex> | null;
  /** A class seed to pass on to every lesson (`?seed=`), or null. */
  seed: string | null;
  onFile: (file: File, kind: 'lesson' | 'session') => void;
}) {
  return (
    <div className="lp-menu" data-testid="lessons.menu">
      <header className="lp-menu-head">
        <p className="lp-eyebrow">ftServer rack twin · training</p>
        <h1 className="lp-menu-title">Lessons</h1>
        <p className="lp-menu-intro">
          Each lesson opens a live ftServer twin beside its steps. Checkpoints tick as you work;
          hints cost points; a wrong move costs more, and the finish report says what a real
          ftServer would have done. Drills hide a fault drawn by seed: find it from the LEDs, the
          console and the log, and replace the right part.
        </p>
        {seed && (
          <p className="lp-note">
            Class seed <strong>{seed}</strong>: every trainee of this class gets the same faults.
          </p>
        )}
      </header>
      {index === null ? (
        <p className="lp-muted" role="status">
          Loading the lessons…
        </p>
      ) : index.ok ? (
        <>
          <Section
            title="Lessons"
            seed={seed}
            entries={index.value.lessons.filter((l) => l.kind === 'lesson')}
          />
          <Section
            title="Troubleshooting drills"
            seed={seed}
            entries={index.value.lessons.filter((l) => l.kind === 'drill')}
          />
        </>
      ) : (
        <ErrorPanel problem={index.problem} />
      )}
      <section className="lp-menu-section" aria-label="Your own files">
        <h2 className="lp-menu-heading">Your own files</h2>
        <p className="lp-muted">
          Try a lesson file you are writing, or replay a saved session. You can also drop a file
          anywhere on this page.
        </p>
        <div className="lp-row">
          <FileButton
            label="Open a lesson file…"
            onFile={(f) => onFile(f, 'lesson')}
            testId="lessons.open-lesson"
          />
          <FileButton
            label="Replay a session file…"
            onFile={(f) => onFile(f, 'session')}
            testId="lessons.open-session"
          />
          <a className="lp-button lp-button-quiet" href="./">
            Open the twin without a lesson
          </a>
        </div>
      </section>
    </div>
  );
}
