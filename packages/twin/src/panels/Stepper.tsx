/** A small horizontal stepper: done steps filled, the current one highlighted. */
export interface StepperStep {
  key: string;
  label: string;
  mark: 'done' | 'current' | 'todo';
  title?: string;
}

export function Stepper({
  steps,
  label,
  testId,
}: {
  steps: readonly StepperStep[];
  label: string;
  testId?: string;
}) {
  return (
    <ol className="stepper" aria-label={label} data-testid={testId}>
      {steps.map((s) => (
        <li
          key={s.key}
          className="step"
          data-mark={s.mark}
          data-step={s.key}
          title={s.title}
          aria-current={s.mark === 'current' ? 'step' : undefined}
        >
          <span className="step-dot" aria-hidden="true" />
          <span className="step-label">{s.label}</span>
        </li>
      ))}
    </ol>
  );
}
