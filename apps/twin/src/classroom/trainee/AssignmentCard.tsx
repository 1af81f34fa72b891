/**
 * The trainee's assignment: in free play a line saying so; with a lesson or drill its title, the
 * current step with its checks, its question, hints, the score and the trainee time, then every
 * step and, once the attempt is over, the finish report. The step list and the finish report are
 * the lesson pages' own components (apps/twin/src/lesson); the current step stays a card of this
 * page, since the lesson pages' StepCard and hints are bound to their LessonController, which
 * neither resumes a saved attempt nor waits for a class to start (lessonRun.ts does both).
 */
import { finishReport, scoreAttempt } from '@ft/lessons';
import { useState } from 'react';
import { FinishReportView } from '../../lesson/FinishReportView.tsx';
import { StepList } from '../../lesson/StepList.tsx';
import '../../lesson/lesson.css';
import { formatDuration } from '../shared/format.ts';
import type { TraineeSession } from './traineeSession.ts';
import type { TraineeView } from './traineeView.ts';

export function AssignmentCard({ session, view }: { session: TraineeSession; view: TraineeView }) {
  const { lesson, run } = view;
  if (!lesson || !run) {
    return (
      <section
        className="cls-card"
        aria-labelledby="cls-assignment-title"
        data-testid="trainee.assignment"
      >
        <h2 id="cls-assignment-title">Free play</h2>
        <p className="cls-muted">
          No lesson assigned yet. Explore the twin: click a part to see its state. The instructor
          may inject faults into it.
        </p>
      </section>
    );
  }
  const attempt = run.attempt;
  const score = scoreAttempt(lesson, attempt);
  const finished = attempt.status !== 'running';
  const step = lesson.steps[Math.min(attempt.stepIndex, lesson.steps.length - 1)];
  const checks =
    run.evaluation && run.evaluation.stepIndex === attempt.stepIndex ? run.evaluation.checks : [];
  return (
    <section
      className="cls-card cls-assignment"
      aria-labelledby="cls-assignment-title"
      data-testid="trainee.assignment"
      data-lesson={lesson.id}
    >
      <p className="cls-eyebrow">{lesson.kind === 'drill' ? 'Troubleshooting drill' : 'Lesson'}</p>
      <h2 id="cls-assignment-title">{lesson.title}</h2>
      <dl className="cls-stats">
        <div>
          <dt>Step</dt>
          <dd data-testid="trainee.step">
            {Math.min(attempt.stepIndex + 1, lesson.steps.length)} / {lesson.steps.length}
          </dd>
        </div>
        <div>
          <dt>Score</dt>
          <dd data-testid="trainee.score">
            {score.score} / {score.maxScore}
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{formatDuration(attempt.elapsedMs)}</dd>
        </div>
      </dl>
      {lesson.kind === 'drill' && lesson.symptom && <p className="cls-symptom">{lesson.symptom}</p>}
      {view.classState === 'waiting' ? (
        <p className="cls-muted">It starts when the instructor starts the class.</p>
      ) : finished ? (
        <p className={`cls-result is-${attempt.status}`} role="status" data-testid="trainee.result">
          {attempt.status === 'passed'
            ? `Done: ${score.score} of ${score.maxScore} points.`
            : attempt.status === 'timed-out'
              ? 'Time is up.'
              : 'This attempt has ended.'}
        </p>
      ) : (
        <CurrentStep session={session} view={view} step={step} checks={checks} />
      )}
      <div className="lp-root cls-lesson-parts">
        {finished ? (
          <FinishReportView report={finishReport(lesson, attempt)} />
        ) : (
          // Folded: on a 768 px laptop the open list would push the messages out of view.
          <details className="cls-all-steps">
            <summary>All steps ({lesson.steps.length})</summary>
            <StepList lesson={lesson} attempt={attempt} score={score} />
          </details>
        )}
      </div>
      {!finished && attempt.mistakes.length > 0 && (
        <details className="cls-mistakes">
          <summary>
            {attempt.mistakes.length} {attempt.mistakes.length === 1 ? 'mistake' : 'mistakes'}
          </summary>
          <ul>
            {attempt.mistakes.map((m) => (
              <li key={`${m.actionIndex}-${m.kind}`}>
                <strong>{m.what}</strong> (−{m.points}) {m.realFtServer}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

type Step = NonNullable<TraineeView['lesson']>['steps'][number];

function CurrentStep({
  session,
  view,
  step,
  checks,
}: {
  session: TraineeSession;
  view: TraineeView;
  step: Step;
  checks: { label: string; passed: boolean }[];
}) {
  const [answered, setAnswered] = useState<Record<string, string>>({});
  const [hintProblem, setHintProblem] = useState<string | null>(null);
  const run = view.run!;
  const progress = run.attempt.steps[run.attempt.stepIndex];
  const hintsLeft = (step.hints?.length ?? 0) - (progress?.hintsTaken ?? 0);
  const nextHint = step.hints?.[progress?.hintsTaken ?? 0];
  const stepHints = run.hints.filter((h) => step.hints?.includes(h));
  return (
    <div className="cls-step" data-testid="trainee.currentStep">
      <h3>{step.title}</h3>
      <p>{step.text}</p>
      {checks.length > 0 && (
        <ul className="cls-checks" aria-label="Checks of this step">
          {checks.map((c) => (
            <li key={c.label} className={c.passed ? 'is-passed' : undefined}>
              <span aria-hidden="true">{c.passed ? '✓' : '○'}</span> {c.label}
              <span className="visually-hidden">{c.passed ? ' (done)' : ' (not yet)'}</span>
            </li>
          ))}
        </ul>
      )}
      {step.question && (
        <fieldset className="cls-question">
          <legend>{step.question.prompt}</legend>
          {step.question.options.map((o) => (
            <button
              key={o.value}
              type="button"
              aria-pressed={answered[step.question!.id] === o.value}
              onClick={() => {
                setAnswered({ ...answered, [step.question!.id]: o.value });
                session.answer(step.question!.id, o.value);
              }}
            >
              {o.label}
            </button>
          ))}
        </fieldset>
      )}
      {stepHints.length > 0 && (
        <ul className="cls-hints" aria-label="Hints taken">
          {stepHints.map((h) => (
            <li key={h.text}>{h.text}</li>
          ))}
        </ul>
      )}
      {hintsLeft > 0 && nextHint && (
        <button
          type="button"
          className="cls-secondary"
          onClick={() => setHintProblem(session.hint())}
        >
          Hint (−{nextHint.cost} {nextHint.cost === 1 ? 'point' : 'points'})
        </button>
      )}
      {hintProblem && <p className="cls-muted">{hintProblem}</p>}
    </div>
  );
}
