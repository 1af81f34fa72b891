/**
 * The lesson pages as one small app: the Lessons menu (`?lesson`), a lesson (`?lesson=ID`, or a
 * lesson file a trainer opened), and a session replay (`#session=…` share links, `?replay`, or a
 * session file opened or dropped). Whatever goes wrong loading a lesson, a file or a link ends in
 * an error panel that names the problem, with a way on: the page never stays blank.
 */
import {
  instantiate,
  type LessonIndex,
  type LessonInstance,
  type LessonSource,
  type Session,
} from '@ft/lessons';
import { useCallback, useEffect, useState } from 'react';
import { ErrorPanel } from './ErrorPanel.tsx';
import { DropZone, FileButton } from './FileOpen.tsx';
import {
  type Fetcher,
  type Loaded,
  lessonFromText,
  loadIndex,
  loadLessonById,
  MAX_LESSON_FILE_BYTES,
  MAX_SESSION_FILE_BYTES,
  type PageProblem,
  readOpenedFile,
  sessionFromFragment,
  sessionFromText,
} from './load.ts';
import { LessonMenu } from './LessonMenu.tsx';
import { PlayerScreen } from './PlayerScreen.tsx';
import { ReplayScreen } from './ReplayScreen.tsx';
import { parseSeedParam, type Start } from './start.ts';

type View =
  | { kind: 'menu'; problem: PageProblem | null }
  | { kind: 'loading'; what: string }
  | { kind: 'player'; lesson: LessonInstance; source: string | null }
  | { kind: 'replay'; session: Session; source: string }
  | { kind: 'replay-file'; problem: PageProblem | null };

export interface AppEnv {
  fetcher: Fetcher;
  /** Where the lesson files are served, ending in `/`. */
  base: string;
}

function instanceOf(source: LessonSource, seed: number | undefined): Loaded<LessonInstance> {
  const lesson = instantiate(source, seed);
  if (lesson.ok) return lesson;
  return {
    ok: false,
    problem: {
      title: `The lesson ${JSON.stringify(source.preview.id)} cannot be drawn for this seed`,
      problems: lesson.issues.map((i) => `${i.path}: ${i.message}`),
    },
  };
}

/** Is this text a session document (rather than a lesson)? */
function looksLikeSession(text: string): boolean {
  try {
    const value = JSON.parse(text) as unknown;
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { format?: unknown }).format === 'ftserver-twin-session'
    );
  } catch {
    return false;
  }
}

function useIndex(env: AppEnv, wanted: boolean): Loaded<LessonIndex> | null {
  const [index, setIndex] = useState<Loaded<LessonIndex> | null>(null);
  useEffect(() => {
    if (!wanted || index) return;
    let live = true;
    void loadIndex(env.fetcher, env.base).then((r) => live && setIndex(r));
    return () => {
      live = false;
    };
  }, [env, wanted, index]);
  return index;
}

export function LessonApp({
  start,
  seedParam,
  env,
}: {
  start: Start;
  seedParam: string | null;
  env: AppEnv;
}) {
  const { seed, problem: seedProblem } = parseSeedParam(seedParam);
  const [view, setView] = useState<View>(() => initialView(start));

  // A lesson by id: look it up, fetch it, check it.
  useEffect(() => {
    if (start.kind !== 'lesson') return;
    let live = true;
    void loadLessonById(env.fetcher, env.base, start.id).then((loaded) => {
      if (!live) return;
      if (!loaded.ok) return setView({ kind: 'menu', problem: loaded.problem });
      const lesson = instanceOf(loaded.value.source, seed);
      setView(
        lesson.ok
          ? { kind: 'player', lesson: lesson.value, source: null }
          : { kind: 'menu', problem: lesson.problem },
      );
    });
    return () => {
      live = false;
    };
  }, [start, env, seed]);

  // A share link pasted over this page changes only the fragment.
  useEffect(() => {
    const onHash = () => {
      if (!window.location.hash.startsWith('#session=')) return;
      setView(replayFromHash(window.location.hash));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const openFile = useCallback(
    async (file: File, kind: 'lesson' | 'session') => {
      const text = await readOpenedFile(file, MAX_SESSION_FILE_BYTES, `${kind} file`);
      if (!text.ok) {
        return setView(
          kind === 'session'
            ? { kind: 'replay-file', problem: text.problem }
            : { kind: 'menu', problem: text.problem },
        );
      }
      if (kind === 'session' || looksLikeSession(text.value)) {
        const session = sessionFromText(text.value, file.name);
        return setView(
          session.ok
            ? { kind: 'replay', session: session.value, source: file.name }
            : { kind: 'replay-file', problem: session.problem },
        );
      }
      if (file.size > MAX_LESSON_FILE_BYTES) {
        const big = await readOpenedFile(file, MAX_LESSON_FILE_BYTES, 'lesson file');
        if (!big.ok) return setView({ kind: 'menu', problem: big.problem });
      }
      const source = lessonFromText(text.value, file.name);
      if (!source.ok) return setView({ kind: 'menu', problem: source.problem });
      const lesson = instanceOf(source.value, seed);
      setView(
        lesson.ok
          ? { kind: 'player', lesson: lesson.value, source: file.name }
          : { kind: 'menu', problem: lesson.problem },
      );
    },
    [seed],
  );

  const index = useIndex(env, view.kind === 'menu');

  useEffect(() => {
    document.title =
      view.kind === 'player'
        ? `${view.lesson.title} · ftServer lessons`
        : view.kind === 'replay' || view.kind === 'replay-file'
          ? 'Session replay · ftServer lessons'
          : 'Lessons · ftServer rack twin';
  }, [view]);

  const seedNote = seedProblem ? (
    <p className="lp-warn lp-small" role="alert" data-testid="lesson.seed-problem">
      {seedProblem}.
    </p>
  ) : null;

  switch (view.kind) {
    case 'loading':
      return (
        <div className="lp-center" role="status">
          {view.what}
        </div>
      );
    case 'player':
      return <PlayerScreen lesson={view.lesson} source={view.source} notice={seedNote} />;
    case 'replay':
      return (
        <>
          <ReplayScreen
            session={view.session}
            source={view.source}
            fetcher={env.fetcher}
            base={env.base}
            onOpenAnother={
              <FileButton
                label="Replay another session file…"
                onFile={(f) => void openFile(f, 'session')}
                testId="replay.open"
              />
            }
          />
          <DropZone
            hint="Drop a session file to replay it"
            onFile={(f) => void openFile(f, 'session')}
          />
        </>
      );
    case 'replay-file':
      return (
        <div className="lp-menu-page">
          <div className="lp-menu">
            <header className="lp-menu-head">
              <p className="lp-eyebrow">ftServer rack twin · training</p>
              <h1 className="lp-menu-title">Session replay</h1>
              <p className="lp-menu-intro">
                Open a saved session file (or drop it on this page) to replay it on a twin, event by
                event.
              </p>
            </header>
            {view.problem && <ErrorPanel problem={view.problem} />}
            <div className="lp-row">
              <FileButton
                label="Open a session file…"
                onFile={(f) => void openFile(f, 'session')}
                testId="replay.open"
                className="lp-button lp-button-primary"
              />
              <a className="lp-button lp-button-quiet" href="?lesson">
                All lessons
              </a>
            </div>
          </div>
          <DropZone
            hint="Drop a session file to replay it"
            onFile={(f) => void openFile(f, 'session')}
          />
        </div>
      );
    default:
      return (
        <div className="lp-menu-page">
          {(view.problem || seedNote) && (
            <div className="lp-menu lp-menu-problems">
              {view.problem && (
                <ErrorPanel problem={view.problem}>
                  <p className="lp-muted">Choose a lesson below, or open another file.</p>
                </ErrorPanel>
              )}
              {seedNote}
            </div>
          )}
          <LessonMenu
            index={index}
            seed={seed === undefined ? null : String(seed)}
            onFile={(f, k) => void openFile(f, k)}
          />
          <DropZone
            hint="Drop a lesson or session file"
            onFile={(f) => void openFile(f, 'lesson')}
          />
        </div>
      );
  }
}

function replayFromHash(hash: string): View {
  const session = sessionFromFragment(hash);
  return session.ok
    ? { kind: 'replay', session: session.value, source: 'a share link' }
    : { kind: 'replay-file', problem: session.problem };
}

function initialView(start: Start): View {
  switch (start.kind) {
    case 'menu':
      return { kind: 'menu', problem: null };
    case 'lesson':
      return { kind: 'loading', what: 'Loading the lesson…' };
    case 'replay-link':
      return replayFromHash(start.hash);
    case 'replay-file':
      return { kind: 'replay-file', problem: null };
  }
}
