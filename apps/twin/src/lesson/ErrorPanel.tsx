/** A clear error: what could not be done and each problem on its own line (field: message). */
import type { ReactNode } from 'react';
import type { PageProblem } from './load.ts';

export function ErrorPanel({ problem, children }: { problem: PageProblem; children?: ReactNode }) {
  return (
    <section
      className="lp-error"
      role="alert"
      data-testid="lesson.error"
      aria-labelledby="lp-error-title"
    >
      <h2 id="lp-error-title" className="lp-error-title">
        {problem.title}
      </h2>
      <ul className="lp-error-list">
        {problem.problems.map((p) => (
          <li key={p}>
            <code>{p}</code>
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}
