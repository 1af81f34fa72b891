/**
 * The current step: what to do, its checkpoints ticking as they pass, its question, and the two
 * things a trainee does here: "check my work" and "skip to the next event".
 */
import { describePredicate, type LessonInstance, type Question } from '@ft/lessons';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { points } from './format.ts';
import { IconSkip } from './icons.tsx';
import type { LessonController } from './lessonController.ts';
import type { AnswerState, PlayerState } from './playerState.ts';

function QuestionForm({
  question,
  answer,
  onAnswer,
}: {
  question: Question;
  answer: AnswerState | undefined;
  onAnswer: (value: string) => void;
}) {
  const [choice, setChoice] = useState<string | null>(null);
  const done = answer?.correct === true;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (choice !== null && !done) onAnswer(choice);
  };
  return (
    <form className="lp-question" onSubmit={submit} data-testid="lesson.question">
      <fieldset disabled={done}>
        <legend className="lp-question-prompt">{question.prompt}</legend>
        {question.options.map((o) => (
          <label key={o.value} className="lp-option">
            <input
              type="radio"
              name={`question-${question.id}`}
              value={o.value}
              checked={(done ? answer?.value : choice) === o.value}
              onChange={() => setChoice(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
        <button type="submit" className="lp-button" disabled={choice === null || done}>
          Answer
        </button>
      </fieldset>
      {answer && (
        <p
          className={`lp-answer ${answer.correct ? 'lp-answer-ok' : 'lp-answer-wrong'}`}
          data-testid="lesson.answer-result"
        >
          {answer.correct
            ? 'Correct.'
            : `Not right${question.explanation ? `: ${question.explanation}` : '.'}`}
        </p>
      )}
    </form>
  );
}

export function StepCard({
  lesson,
  state,
  controller,
}: {
  lesson: LessonInstance;
  state: PlayerState;
  controller: LessonController;
}) {
  const index = state.attempt.stepIndex;
  const step = lesson.steps[index];
  const progress = state.attempt.steps[index];
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // A new step takes the focus to its title (not on the first render: the page just opened).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (index >= 0 && panelHasFocus()) heading.current?.focus();
  }, [index]);
  if (!step || !progress) return null;
  const passing = progress.checks.filter(Boolean).length;
  return (
    <section
      className="lp-step"
      aria-labelledby="lp-step-title"
      data-testid="lesson.step"
      data-step={step.id}
    >
      <p className="lp-eyebrow">
        Step {index + 1} of {lesson.steps.length} · {points(step.points)}
      </p>
      <h2 id="lp-step-title" className="lp-step-title" ref={heading} tabIndex={-1}>
        {step.title}
      </h2>
      {index === 0 && lesson.symptom && (
        <p className="lp-symptom">
          <strong>Symptom</strong> {lesson.symptom}
        </p>
      )}
      <p className="lp-step-text">{step.text}</p>
      {state.phase === 'setup' && <p className="lp-setup">Setting up this step…</p>}
      {state.setupErrors.length > 0 && (
        <ul className="lp-setup-errors" aria-label="Problems setting up the lesson">
          {state.setupErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <h3 className="lp-subhead" id="lp-checks-title">
        Checkpoints{' '}
        <span className="lp-count" data-testid="lesson.checks-passing">
          {passing}/{step.checks.length}
        </span>
      </h3>
      <ul className="lp-checks" aria-labelledby="lp-checks-title">
        {step.checks.map((check, k) => {
          const passed = progress.checks[k] === true;
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: checks are a fixed list per step
              key={k}
              className={passed ? 'lp-check lp-check-done' : 'lp-check'}
              data-testid={`lesson.check.${k}`}
              data-passed={passed}
            >
              <span className="lp-tick" aria-hidden="true" />
              <span>{describePredicate(check)}</span>
              <span className="lp-visually-hidden">{passed ? ' (done)' : ' (not yet)'}</span>
            </li>
          );
        })}
      </ul>
      {step.question && (
        <QuestionForm
          key={step.question.id}
          question={step.question}
          answer={state.answers[step.question.id]}
          onAnswer={(value) => void controller.answer(step.question!.id, value)}
        />
      )}
      <div className="lp-actions">
        <button
          type="button"
          className="lp-button lp-button-primary"
          data-testid="lesson.check-work"
          onClick={() => void controller.checkMyWork()}
        >
          Check my work
        </button>
        <button
          type="button"
          className="lp-button"
          data-testid="lesson.skip"
          disabled={state.busy === 'skipping'}
          aria-describedby="lp-skip-why"
          onClick={() => void controller.skipToNextEvent()}
        >
          <IconSkip />
          {state.busy === 'skipping' ? 'Skipping…' : 'Skip to next event'}
        </button>
      </div>
      <p id="lp-skip-why" className="lp-muted lp-small">
        Skips quiet simulated time up to the next thing the system does: a diagnostics run ending, a
        part delivered.
      </p>
    </section>
  );
}

/** True when the keyboard focus is in the lesson panel (never pull it out of the twin). */
function panelHasFocus(): boolean {
  const active = document.activeElement;
  return active === document.body || active?.closest('.lp-panel') !== null;
}
