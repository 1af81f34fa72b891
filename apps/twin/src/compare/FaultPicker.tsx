/**
 * The fault picker: one part of the ftServer rack, one fault it can suffer, and the one button
 * that injects it into all three (what each architecture suffers instead shows in its card).
 */
import type { FaultKind } from '@ft/engine';
import { useMemo } from 'react';
import { FAULT_NAMES, type PickablePart } from './outcomes.ts';

interface Props {
  parts: readonly PickablePart[];
  partId: string;
  fault: FaultKind;
  disabled: boolean;
  onPart(id: string): void;
  onFault(fault: FaultKind): void;
  onInject(): void;
}

export function FaultPicker(props: Props) {
  const { parts, partId, fault } = props;
  const part = parts.find((p) => p.id === partId) ?? parts[0];
  const bySystem = useMemo(() => {
    const groups = new Map<string, PickablePart[]>();
    for (const p of parts) groups.set(p.systemId, [...(groups.get(p.systemId) ?? []), p]);
    return [...groups.entries()];
  }, [parts]);
  return (
    <fieldset className="cmp-picker" data-testid="compare.picker">
      <legend className="visually-hidden">Inject the same fault into all three</legend>
      <div className="cmp-picker-row">
        <label>
          Part of the ftServer
          <select
            value={part.id}
            onChange={(e) => props.onPart(e.target.value)}
            data-testid="compare.picker.part"
          >
            {bySystem.map(([systemId, list]) => (
              <optgroup key={systemId} label={`System ${systemId}`}>
                {list.map((p) => (
                  <option key={p.id} value={p.id}>
                    {bySystem.length > 1 ? `${p.systemId}: ` : ''}
                    {p.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          Fault
          <select
            value={fault}
            onChange={(e) => props.onFault(e.target.value as FaultKind)}
            data-testid="compare.picker.fault"
          >
            {part.faults.map((f) => (
              <option key={f} value={f}>
                {FAULT_NAMES[f]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="cmp-btn cmp-btn-primary cmp-inject"
          disabled={props.disabled}
          onClick={props.onInject}
          data-testid="compare.inject"
        >
          Inject into all three
        </button>
      </div>
    </fieldset>
  );
}
