/**
 * The lesson player page: the lesson panel beside a full-application twin. Mounts the twin with
 * the lesson's rack and seed, wires the live driver, the trainee-action and session recorders and
 * the lesson controller, and renders the panel from the controller's state.
 */
import type { LessonInstance, Session } from '@ft/lessons';
import { LiveDriver } from '@ft/twin';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { FinishReportView } from './FinishReportView.tsx';
import { formatClock } from './format.ts';
import { HintsBox } from './HintsBox.tsx';
import { IconChevron } from './icons.tsx';
import { LessonController } from './lessonController.ts';
import type { PlayerState } from './playerState.ts';
import { LessonDriver } from './lessonDriver.ts';
import { SessionRecorder } from './sessionRecorder.ts';
import { SessionTools } from './SessionTools.tsx';
import { StepCard } from './StepCard.tsx';
import { StepList } from './StepList.tsx';
import { TraineeActions } from './traineeActions.ts';
import { mountLessonTwin } from './twinHost.ts';
import { useExternal } from './useExternal.ts';

function StatusStrip({ lesson, state }: { lesson: LessonInstance; state: PlayerState }) {
  const { attempt, score } = state;
  const limit = lesson.timeLimitMs;
  const left = limit !== undefined ? limit - attempt.elapsedMs : null;
  return (
    <dl className="lp-status" aria-label="Progress">
      <div className={left !== null && left < 60_000 ? 'lp-status-urgent' : undefined}>
        <dt>Time</dt>
        <dd data-testid="lesson.timer">
          {formatClock(attempt.elapsedMs)}
          {limit !== undefined && <span className="lp-status-of"> / {formatClock(limit)}</span>}
        </dd>
      </div>
      <div>
        <dt>Score</dt>
        <dd data-testid="lesson.score">
          {score.score}
          <span className="lp-status-of"> / {score.maxScore}</span>
          {score.penalties > 0 && (
            <span className="lp-status-penalty" data-testid="lesson.penalties">
              {' '}
              −{score.penalties}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>Step</dt>
        <dd data-testid="lesson.step-count">
          {Math.min(attempt.stepIndex + 1, lesson.steps.length)}
          <span className="lp-status-of"> / {lesson.steps.length}</span>
        </dd>
      </div>
    </dl>
  );
}

/**
 * The live region: check results, hints, wrong moves, step changes (read out politely). Always
 * in the page (a region added late is not read out); only visually hidden with the panel.
 */
function Feedback({ state, hidden }: { state: PlayerState; hidden: boolean }) {
  const a = state.announcement;
  return (
    <div
      className={hidden ? 'lp-visually-hidden' : `lp-feedback${a ? ` lp-tone-${a.tone}` : ''}`}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="lesson.announcer"
    >
      {a?.text ?? ''}
    </div>
  );
}

function Confirm({
  label,
  question,
  onConfirm,
  testId,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  testId: string;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="lp-button lp-button-quiet"
        data-testid={testId}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset className="lp-confirm">
      <legend className="lp-small">{question}</legend>
      <button
        type="button"
        className="lp-button lp-button-danger"
        data-testid={`${testId}.confirm`}
        onClick={onConfirm}
      >
        {label}
      </button>
      <button type="button" className="lp-button lp-button-quiet" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </fieldset>
  );
}

/** The collapsed panel: a slim rail with the step, time and score, and a way back. */
function Rail({
  lesson,
  state,
  onExpand,
}: {
  lesson: LessonInstance;
  state: PlayerState;
  onExpand: () => void;
}) {
  const { attempt, score } = state;
  return (
    <div className="lp-rail">
      <button
        type="button"
        className="lp-icon-button"
        aria-expanded="false"
        aria-label="Show the lesson panel"
        title="Show the lesson panel"
        data-testid="lesson.expand"
        onClick={onExpand}
      >
        <IconChevron direction="right" />
      </button>
      <dl className="lp-rail-facts">
        <dt>Step</dt>
        <dd>
          {Math.min(attempt.stepIndex + 1, lesson.steps.length)}/{lesson.steps.length}
        </dd>
        <dt>Time</dt>
        <dd>{formatClock(attempt.elapsedMs)}</dd>
        <dt>Score</dt>
        <dd>{score.score}</dd>
      </dl>
    </div>
  );
}

function Panel({
  lesson,
  controller,
  header,
  onRestart,
  collapsed,
  onCollapse,
}: {
  lesson: LessonInstance;
  controller: LessonController;
  header: ReactNode;
  onRestart: () => void;
  collapsed: boolean;
  onCollapse: (collapsed: boolean) => void;
}) {
  const state = useExternal(controller);
  const over = state.phase === 'over';
  const reportTitle = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!over) return;
    const active = document.activeElement;
    if (active === document.body || active?.closest('.lp-panel')) {
      reportTitle.current?.querySelector<HTMLElement>('#lp-report-title')?.focus();
    }
  }, [over]);
  const getSession = async (): Promise<Session> => {
    await controller.idle();
    return controller.session();
  };
  if (collapsed) {
    return (
      <>
        <Rail lesson={lesson} state={state} onExpand={() => onCollapse(false)} />
        <Feedback state={state} hidden />
      </>
    );
  }
  return (
    <>
      <div className="lp-head-wrap">
        {header}
        <button
          type="button"
          className="lp-icon-button lp-collapse"
          aria-expanded="true"
          aria-label="Hide the lesson panel"
          title="Hide the lesson panel (more room for the twin)"
          data-testid="lesson.collapse"
          onClick={() => onCollapse(true)}
        >
          <IconChevron direction="left" />
        </button>
      </div>
      <StatusStrip lesson={lesson} state={state} />
      <Feedback state={state} hidden={false} />
      <div className="lp-scroll">
        {over ? (
          <div ref={reportTitle}>
            <FinishReportView report={controller.report()} />
          </div>
        ) : (
          <StepCard lesson={lesson} state={state} controller={controller} />
        )}
        {!over && <HintsBox lesson={lesson} state={state} controller={controller} />}
        <StepList lesson={lesson} attempt={state.attempt} score={state.score} />
      </div>
      <footer className="lp-foot">
        <SessionTools getSession={getSession} problem={controller.recordingProblem()}>
          {over ? (
            <button
              type="button"
              className="lp-button lp-button-primary"
              onClick={onRestart}
              data-testid="lesson.again"
            >
              Try again
            </button>
          ) : (
            <>
              <Confirm
                label="Restart"
                question="Start again?"
                onConfirm={onRestart}
                testId="lesson.restart"
              />
              <Confirm
                label="End"
                question="End and see the report?"
                onConfirm={() => controller.giveUp()}
                testId="lesson.end"
              />
            </>
          )}
        </SessionTools>
      </footer>
    </>
  );
}

/** One attempt: a fresh twin and controller (a restart mounts another). */
function Attempt({
  lesson,
  header,
  onRestart,
}: {
  lesson: LessonInstance;
  header: ReactNode;
  onRestart: () => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<LessonController | null>(null);
  const [collapsed, setCollapsed] = useState(false);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const twin = mountLessonTwin(element, lesson.rack, lesson.seed);
    const live = new LiveDriver(twin.instance);
    let made: LessonController | null = null;
    const trainee = new TraineeActions(
      twin.instance,
      live.actions,
      () => live.timeMs(),
      (a) => made?.onTraineeAction(a),
    );
    const recorder = new SessionRecorder(twin.instance.engine.bus);
    const driver = new LessonDriver(live, trainee);
    made = new LessonController({
      lesson,
      driver,
      solver: driver.forTrainee(),
      trainee,
      recorder,
      bus: twin.instance.engine.bus,
    });
    const controller = made;
    setController(controller);
    let disposed = false;
    void twin.api.ready().then(() => {
      if (!disposed) return controller.start();
    });
    return () => {
      disposed = true;
      controller.dispose();
      trainee.dispose();
      recorder.dispose();
      live.dispose();
      twin.dispose();
      setController(null);
    };
  }, [lesson]);
  return (
    <div className={collapsed ? 'lp-page is-collapsed' : 'lp-page'}>
      <aside className="lp-panel" aria-label={`Lesson: ${lesson.title}`} data-testid="lesson.panel">
        {controller ? (
          <Panel
            lesson={lesson}
            controller={controller}
            header={header}
            onRestart={onRestart}
            collapsed={collapsed}
            onCollapse={setCollapsed}
          />
        ) : (
          header
        )}
      </aside>
      <div className="lp-twin" ref={host} data-testid="lesson.twin" />
    </div>
  );
}

export function PlayerScreen({
  lesson,
  source,
  notice,
}: {
  lesson: LessonInstance;
  /** Where the lesson came from when it is a local file (its name), else null. */
  source: string | null;
  /** A problem with the page's parameters (a bad class seed), shown under the title. */
  notice: ReactNode;
}) {
  const [run, setRun] = useState(0);
  const header = (
    <header className="lp-head">
      <a className="lp-back" href="?lesson">
        ← All lessons
      </a>
      <h1 className="lp-title">{lesson.title}</h1>
      <p className="lp-meta">
        <span className={`lp-level lp-level-${lesson.level}`}>{lesson.level}</span>
        <span>about {lesson.minutes} min</span>
        {lesson.kind === 'drill' && <span className="lp-tag">drill</span>}
        <span data-testid="lesson.seed">seed {lesson.seed}</span>
        {source && <span className="lp-tag">from {source}</span>}
      </p>
      {notice}
    </header>
  );
  return (
    <Attempt key={run} lesson={lesson} header={header} onRestart={() => setRun((n) => n + 1)} />
  );
}
