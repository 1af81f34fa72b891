/**
 * The replay page: a view-only twin driven, exactly, through a recorded session, with a timeline
 * (play, pause, speed, jump to any event) and what the session was: its rack, seed, and the
 * lesson with the trainee's result when it holds one.
 */
import {
  type FinishReport,
  finishReport,
  instantiate,
  rackName,
  type Session,
  type SessionEntry,
  type UserAction,
} from '@ft/lessons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { describeEntry, formatClock, formatSimClock } from './format.ts';
import { type Fetcher, loadLessonById } from './load.ts';
import {
  REPLAY_SPEEDS,
  ReplayController,
  type ReplaySpeed,
  type ReplayState,
} from './replayController.ts';
import { IconPause, IconPlay, IconSkip, IconStart } from './icons.tsx';
import { mountReplayTwin } from './twinHost.ts';
import { useExternal } from './useExternal.ts';

const STATUS_TEXT: Record<ReplayState['status'], string> = {
  loading: 'Starting the twin…',
  paused: 'Paused',
  playing: 'Playing',
  seeking: 'Jumping…',
  ended: 'End of the session',
  diverged: 'Stopped',
};

/** Which log entries were the trainee's own commands (the others were the lesson's). */
function traineeEntries(log: readonly SessionEntry[], actions: readonly UserAction[]): Set<number> {
  const keys = new Set(
    actions.flatMap((a) =>
      a.kind === 'command' ? [`${a.timeMs}|${JSON.stringify(a.command)}`] : [],
    ),
  );
  const out = new Set<number>();
  log.forEach((e, i) => {
    if ('command' in e && keys.has(`${e.timeMs}|${JSON.stringify(e.command)}`)) out.add(i);
  });
  return out;
}

function Timeline({
  controller,
  state,
  trainee,
}: {
  controller: ReplayController;
  state: ReplayState;
  trainee: Set<number> | null;
}) {
  const { log, session } = controller;
  const busy = state.status === 'loading' || state.status === 'seeking';
  const current = useRef<HTMLLIElement>(null);
  // Keep the current event in view as the replay moves on.
  useEffect(() => {
    if (state.applied >= 0) current.current?.scrollIntoView({ block: 'nearest' });
  }, [state.applied]);
  const refused = new Map(state.refused.map((r) => [r.index, r.error]));
  const row = (index: number, timeMs: number, text: string, extra: string | null) => {
    const applied =
      index < 0 ? true : index >= log.length ? state.status === 'ended' : index < state.applied;
    const ended = state.status === 'ended';
    const isCurrent =
      index >= log.length
        ? ended
        : !ended && (index === state.applied - 1 || (index === -1 && state.applied === 0));
    return (
      <li
        key={index}
        ref={isCurrent ? current : undefined}
        className={`lp-tl-item${applied ? ' is-applied' : ''}${isCurrent ? ' is-current' : ''}`}
        data-testid={`replay.entry.${index < 0 ? 'start' : index >= log.length ? 'end' : index}`}
        data-applied={applied}
      >
        <button
          type="button"
          className="lp-tl-button"
          disabled={busy}
          aria-current={isCurrent ? 'step' : undefined}
          onClick={() => void controller.jumpTo(index)}
        >
          <span className="lp-tl-time">{formatSimClock(timeMs)}</span>
          <span className="lp-tl-text">{text}</span>
          {extra && <span className="lp-tag">{extra}</span>}
          {refused.has(index) && (
            <span className="lp-tl-refused">refused: {refused.get(index)}</span>
          )}
        </button>
      </li>
    );
  };
  return (
    <ol
      className="lp-timeline"
      aria-label="Timeline: choose an event to jump to it"
      data-testid="replay.timeline"
    >
      {row(-1, 0, 'Start', null)}
      {log.map((e, i) =>
        row(
          i,
          e.timeMs,
          describeEntry(e),
          trainee ? (trainee.has(i) ? 'trainee' : 'command' in e ? 'lesson' : null) : null,
        ),
      )}
      {row(log.length, session.endMs, 'End of the session', null)}
    </ol>
  );
}

function Transport({ controller, state }: { controller: ReplayController; state: ReplayState }) {
  const busy = state.status === 'loading' || state.status === 'seeking';
  const playing = state.status === 'playing';
  const end = controller.session.endMs;
  const share = end > 0 ? Math.min(1, state.timeMs / end) : 1;
  return (
    <div className="lp-transport">
      <div className="lp-row">
        <button
          type="button"
          className="lp-button"
          disabled={busy}
          onClick={() => void controller.restart()}
          data-testid="replay.restart"
          aria-label="Back to the start"
        >
          <IconStart /> Start
        </button>
        {playing ? (
          <button
            type="button"
            className="lp-button lp-button-primary"
            onClick={() => controller.pause()}
            data-testid="replay.pause"
          >
            <IconPause /> Pause
          </button>
        ) : (
          <button
            type="button"
            className="lp-button lp-button-primary"
            disabled={busy || state.status === 'ended' || state.status === 'diverged'}
            onClick={() => controller.play()}
            data-testid="replay.play"
          >
            <IconPlay /> Play
          </button>
        )}
        <button
          type="button"
          className="lp-button"
          disabled={busy}
          onClick={() => void controller.jumpTo(controller.log.length)}
          data-testid="replay.end"
          aria-label="Jump to the end"
        >
          End <IconSkip />
        </button>
        <label className="lp-speed">
          <span>Speed</span>
          <select
            value={String(state.speed)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              controller.setSpeed((v === 'max' ? 'max' : Number(v)) as ReplaySpeed);
            }}
            data-testid="replay.speed"
          >
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {s === 'max' ? 'as fast as possible' : `${s}×`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="lp-progress" aria-hidden="true">
        <span style={{ width: `${Math.round(share * 1000) / 10}%` }} />
      </div>
      <p className="lp-replay-status" data-testid="replay.status" data-status={state.status}>
        <strong>{STATUS_TEXT[state.status]}</strong> · event {state.applied} of{' '}
        {controller.log.length} ·{' '}
        <span data-testid="replay.time">{formatSimClock(state.timeMs)}</span> of{' '}
        {formatSimClock(end)}
      </p>
      {state.problem && (
        <p className="lp-warn" role="alert" data-testid="replay.problem">
          The replay stopped: {state.problem}.
        </p>
      )}
    </div>
  );
}

function LessonSummary({
  session,
  fetcher,
  base,
}: {
  session: Session;
  fetcher: Fetcher;
  base: string;
}) {
  const part = session.lesson;
  const [report, setReport] = useState<FinishReport | null | 'missing'>(null);
  useEffect(() => {
    if (!part) return;
    let live = true;
    void loadLessonById(fetcher, base, part.id).then((loaded) => {
      if (!live) return;
      if (!loaded.ok) return setReport('missing');
      const lesson = instantiate(loaded.value.source, part.seed);
      // The attempt was recorded by this lesson's player: its shape is the player's own.
      setReport(lesson.ok ? finishReport(lesson.value, part.attempt) : 'missing');
    });
    return () => {
      live = false;
    };
  }, [part, fetcher, base]);
  if (!part) return null;
  return (
    <div className="lp-replay-lesson" data-testid="replay.lesson">
      <p className="lp-eyebrow">Recorded lesson attempt</p>
      {report && report !== 'missing' ? (
        <>
          <p className="lp-replay-lesson-title">{report.title}</p>
          <p>
            <strong data-testid="replay.lesson-result">
              {report.status === 'passed'
                ? 'Passed'
                : report.status === 'timed-out'
                  ? 'Timed out'
                  : report.status === 'running'
                    ? 'Unfinished'
                    : 'Ended'}
              , score {report.score} of {report.maxScore}
            </strong>{' '}
            in {formatClock(report.timeMs)} · {report.mistakes.length} wrong{' '}
            {report.mistakes.length === 1 ? 'move' : 'moves'}
          </p>
          {report.mistakes.length > 0 && (
            <ul className="lp-small lp-muted">
              {report.mistakes.map((m, k) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
                <li key={k}>{m.what}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>
          Lesson <code>{part.id}</code>, status {part.attempt.status}
          {report === 'missing' ? ' (the lesson is not in this app’s list, so no report)' : ''}
        </p>
      )}
    </div>
  );
}

export function ReplayScreen({
  session,
  source,
  fetcher,
  base,
  onOpenAnother,
}: {
  session: Session;
  /** Where the session came from: a file name, or "a share link". */
  source: string;
  fetcher: Fetcher;
  base: string;
  onOpenAnother: React.ReactNode;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<ReplayController | null>(null);
  const [speedNote, setSpeedNote] = useState(false);
  const trainee = useMemo(
    () =>
      session.lesson ? traineeEntries(session.log, session.lesson.actions as UserAction[]) : null,
    [session],
  );
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const c = new ReplayController(session, {
      makeTwin: () => mountReplayTwin(element, session, () => setSpeedNote(true)),
      now: () => performance.now(),
      nextFrame(fn) {
        const id = requestAnimationFrame(fn);
        return () => cancelAnimationFrame(id);
      },
    });
    setController(c);
    void c.start();
    return () => {
      c.dispose();
      setController(null);
    };
  }, [session]);
  return (
    <div className="lp-page">
      <aside className="lp-panel" aria-label="Session replay" data-testid="replay.panel">
        <header className="lp-head">
          <a className="lp-back" href="?lesson">
            ← All lessons
          </a>
          <h1 className="lp-title">Session replay</h1>
          <p className="lp-meta">
            <span>{rackName(session.rack)}</span>
            <span>seed {session.seed}</span>
            <span>{session.log.length} events</span>
            <span>{formatSimClock(session.endMs)}</span>
            <span className="lp-tag">from {source}</span>
          </p>
        </header>
        {controller ? (
          <ReplayBody controller={controller} trainee={trainee}>
            <LessonSummary session={session} fetcher={fetcher} base={base} />
            {speedNote && (
              <p className="lp-note lp-small">
                The replay drives this twin’s clock, so its own speed controls stay paused: use Play
                here.
              </p>
            )}
          </ReplayBody>
        ) : (
          <div className="lp-scroll" />
        )}
        <footer className="lp-foot">{onOpenAnother}</footer>
      </aside>
      <div className="lp-twin" ref={host} data-testid="replay.twin" />
    </div>
  );
}

function ReplayBody({
  controller,
  trainee,
  children,
}: {
  controller: ReplayController;
  trainee: Set<number> | null;
  children: React.ReactNode;
}) {
  const state = useExternal(controller);
  return (
    <>
      <div className="lp-replay-top">
        {children}
        <Transport controller={controller} state={state} />
      </div>
      <div className="lp-scroll lp-replay-scroll">
        <h3 className="lp-subhead">Timeline</h3>
        <Timeline controller={controller} state={state} trainee={trainee} />
      </div>
    </>
  );
}
