/** Every step of the lesson: done (with the points earned), current, to come. */
import type { LessonInstance, Score } from '@ft/lessons';
import type { Attempt } from '@ft/lessons';

export function StepList({
  lesson,
  attempt,
  score,
}: {
  lesson: LessonInstance;
  attempt: Attempt;
  score: Score;
}) {
  return (
    <nav className="lp-steps-nav" aria-label="Steps">
      <h3 className="lp-subhead">All steps</h3>
      <ol className="lp-steps">
        {lesson.steps.map((step, k) => {
          const done = attempt.steps[k]?.passedAtMs !== null;
          const current = k === attempt.stepIndex && attempt.status === 'running';
          const s = score.steps[k];
          return (
            <li
              key={step.id}
              className={`lp-steps-item ${done ? 'is-done' : current ? 'is-current' : 'is-todo'}`}
              aria-current={current ? 'step' : undefined}
              data-testid={`lesson.steps.${k}`}
              data-state={done ? 'done' : current ? 'current' : 'todo'}
            >
              <span className="lp-steps-mark" aria-hidden="true">
                {done ? '✓' : k + 1}
              </span>
              <span className="lp-steps-name">
                {step.title}
                <span className="lp-visually-hidden">
                  {done ? ' (passed)' : current ? ' (current)' : ''}
                </span>
              </span>
              <span className="lp-steps-points">
                {done ? `${s.earned}/${s.points}` : `${s.points}`}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
