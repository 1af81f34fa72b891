/**
 * The finish report: the result and score, trainee time, each step's points, and each mistake
 * with what a real ftServer would have done and why.
 */
import type { FinishReport } from '@ft/lessons';
import { formatClock, points } from './format.ts';

const RESULT = {
  passed: 'Lesson complete',
  failed: 'Attempt ended',
  'timed-out': 'Time is up',
  running: 'In progress',
} as const;

export function FinishReportView({ report }: { report: FinishReport }) {
  const share = report.maxScore > 0 ? report.score / report.maxScore : 0;
  return (
    <section className="lp-report" aria-labelledby="lp-report-title" data-testid="lesson.report">
      <p className="lp-eyebrow">Finish report</p>
      <h2 id="lp-report-title" className="lp-report-title" tabIndex={-1}>
        {RESULT[report.status]}
      </h2>
      <div className={`lp-report-score ${report.passed ? 'is-passed' : 'is-failed'}`}>
        <span className="lp-report-figure" data-testid="lesson.report-score">
          {report.score}
          <span className="lp-report-max"> / {report.maxScore}</span>
        </span>
        <span className="lp-meter" aria-hidden="true">
          <span style={{ width: `${Math.round(share * 100)}%` }} />
        </span>
      </div>
      <dl className="lp-facts">
        <div>
          <dt>Time</dt>
          <dd>
            {formatClock(report.timeMs)}
            {report.timeLimitMs !== null && ` of ${formatClock(report.timeLimitMs)}`}
          </dd>
        </div>
        <div>
          <dt>Time bonus</dt>
          <dd>+{report.timeBonus}</dd>
        </div>
        <div>
          <dt>Wrong moves</dt>
          <dd>−{report.penalties}</dd>
        </div>
      </dl>
      <h3 className="lp-subhead">Steps</h3>
      <ol className="lp-report-steps">
        {report.steps.map((s) => (
          <li key={s.id} className={s.passed ? 'is-done' : 'is-todo'}>
            <div className="lp-report-step-head">
              <span>{s.title}</span>
              <span className="lp-steps-points">
                {s.earned}/{s.points}
              </span>
            </div>
            <p className="lp-muted lp-small">
              {!s.passed
                ? 'Not passed.'
                : s.solutionShown
                  ? 'Passed with the solution shown: no points.'
                  : s.hintCost > 0
                    ? `Passed; hints cost ${points(s.hintCost)}.`
                    : 'Passed without hints.'}
              {s.feedback ? ` ${s.feedback}` : ''}
            </p>
          </li>
        ))}
      </ol>
      <h3 className="lp-subhead">
        Mistakes <span className="lp-count">{report.mistakes.length}</span>
      </h3>
      {report.mistakes.length === 0 ? (
        <p className="lp-muted">No wrong moves.</p>
      ) : (
        <ol className="lp-mistakes" data-testid="lesson.mistakes">
          {report.mistakes.map((m, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the report's list does not change
            <li key={k} className="lp-mistake">
              <p className="lp-mistake-what">
                <span className="lp-mistake-points">−{points(m.points)}</span> {m.what}
              </p>
              <p className="lp-mistake-real">
                <strong>What a real ftServer would have done:</strong> {m.realFtServer}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
