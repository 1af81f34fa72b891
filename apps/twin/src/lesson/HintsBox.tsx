/** Progressive hints with their cost, then the solution, gated until every hint was taken. */
import type { LessonInstance } from '@ft/lessons';
import { describeSolutionStep, points } from './format.ts';
import type { LessonController } from './lessonController.ts';
import type { PlayerState } from './playerState.ts';

export function HintsBox({
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
  if (!step || !progress) return null;
  const hints = step.hints ?? [];
  const taken = progress.hintsTaken;
  const next = hints[taken];
  const left = hints.length - taken;
  return (
    <section className="lp-hints" aria-labelledby="lp-hints-title" data-testid="lesson.hints">
      <h3 className="lp-subhead" id="lp-hints-title">
        Hints{' '}
        <span className="lp-count">
          {taken}/{hints.length}
        </span>
      </h3>
      {taken > 0 && (
        <ol className="lp-hint-list">
          {hints.slice(0, taken).map((h, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: hints are a fixed list per step
            <li key={k} className="lp-hint" data-testid={`lesson.hint.${k}`}>
              <span className="lp-hint-cost">−{points(h.cost)}</span> {h.text}
            </li>
          ))}
        </ol>
      )}
      <div className="lp-row">
        {next ? (
          <button
            type="button"
            className="lp-button"
            data-testid="lesson.hint"
            onClick={() => controller.hint()}
          >
            {taken === 0 ? 'Show a hint' : 'Show the next hint'} (−{points(next.cost)})
          </button>
        ) : null}
        {!progress.solutionShown && (
          <button
            type="button"
            className="lp-button lp-button-quiet"
            data-testid="lesson.solution"
            aria-disabled={left > 0}
            aria-describedby="lp-solution-why"
            onClick={() => controller.solution()}
          >
            Show the solution
          </button>
        )}
      </div>
      {!progress.solutionShown && (
        <p id="lp-solution-why" className="lp-muted lp-small">
          {left > 0
            ? `Available after the ${left === 1 ? 'last hint' : `${left} remaining hints`}. The step then earns no points.`
            : 'The step then earns no points.'}
        </p>
      )}
      {progress.solutionShown && (
        <div className="lp-solution" data-testid="lesson.solution-shown">
          <h4 className="lp-solution-title">Solution</h4>
          <ol>
            {step.solution.map((s, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per step
              <li key={k}>{describeSolutionStep(s, step)}</li>
            ))}
          </ol>
          {step.solutionText && <p>{step.solutionText}</p>}
          {step.solution.length > 0 && (
            <button
              type="button"
              className="lp-button"
              data-testid="lesson.play-solution"
              aria-disabled={!controller.canPlaySolution() || state.solving}
              aria-describedby="lp-play-solution-why"
              onClick={() => void controller.playSolution()}
            >
              {state.solving ? 'Playing the solution…' : 'Do it for me'}
            </button>
          )}
          {step.solution.length > 0 && (
            <p id="lp-play-solution-why" className="lp-muted lp-small">
              The twin plays these steps for you, at the twin's speed.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
