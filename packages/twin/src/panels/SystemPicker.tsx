/**
 * The system a per-system panel shows: chosen in a select (or from a status card), defaulting
 * to the system of the selected component, else the first one. Shared by the panels.
 */
import { useTwin, useTwinInstance } from '../state/context.ts';

export function useSystemChoice(): [string, (id: string) => void] {
  const twin = useTwinInstance();
  const chosen = useTwin((s) => s.panelSystemId);
  const selectedSystem = useTwin((s) =>
    s.selectedId ? (s.components[s.selectedId]?.systemId ?? '') : '',
  );
  const first = useTwin((s) => s.rack?.systems[0]?.config.id ?? '');
  return [chosen || selectedSystem || first, twin.ui.choosePanelSystem];
}

export function SystemPicker({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (id: string) => void;
  testId: string;
}) {
  const rack = useTwin((s) => s.rack);
  return (
    <label className="picker">
      <span className="visually-hidden">System</span>
      <select
        className="select"
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {rack?.systems.map((s) => (
          <option key={s.config.id} value={s.config.id}>
            {s.config.name} · {s.spec.name} {s.config.mode.toUpperCase()}
          </option>
        ))}
      </select>
    </label>
  );
}
