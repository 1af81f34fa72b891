/** The caption line over the 3D view (scenarios, the guided tour), read out politely. */
import { useTwin } from '../state/context.ts';

export function Caption() {
  const caption = useTwin((s) => s.caption);
  return (
    <p className="caption" role="status" aria-live="polite" data-testid="caption" hidden={!caption}>
      {caption ?? ''}
    </p>
  );
}
