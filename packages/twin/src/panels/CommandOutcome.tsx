/** The outcome line of a panel's last command (role="status", so it is announced). */
import type { Outcome } from '../hooks/useCommand.ts';

export function CommandOutcome({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  return (
    <p className="action-outcome" role="status" data-testid={testId} data-ok={outcome?.ok}>
      {outcome?.text ?? ''}
    </p>
  );
}
